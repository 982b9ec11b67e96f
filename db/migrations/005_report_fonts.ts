import type { Kysely } from "kysely";
import { runStatements } from "./statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- An agency's own typeface for its official reports (typically TH Sarabun New, which we may
    -- not ship), uploaded by an admin; without a row the reports use the bundled Sarabun. The
    -- files are checked on upload (core/reports/font-file.ts) and kept whole: the renderers
    -- embed them.
    create table report_fonts (
      agency_id int primary key references agencies(id),
      family text not null check (length(family) between 1 and 200),
      regular bytea not null check (length(regular) between 1 and 2097152),
      bold bytea check (bold is null or length(bold) between 1 and 2097152),
      uploaded_at timestamptz not null default now(),
      uploaded_by_member_id int references members(id)
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, "drop table report_fonts;");
}
