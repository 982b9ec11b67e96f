import type { Kysely } from "kysely";
import { runStatements } from "./statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- An agency's own wording of a recommendation in the analysis report, replacing the
    -- library's default (core/reports/recommendations.ts) for one key: "indicator:4" or an item
    -- concept. Keyed by concept, not item code, so it survives the yearly renumbering of items.
    create table report_recommendations (
      agency_id int not null references agencies(id),
      key text not null check (key ~ '^(indicator:(10|[1-9])|[a-z0-9-]{2,60})$'),
      text_th text not null check (length(text_th) between 1 and 2000),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (agency_id, key)
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, "drop table report_recommendations;");
}
