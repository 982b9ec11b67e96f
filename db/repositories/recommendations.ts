// An agency's own wording of the analysis report's recommendations (table report_recommendations,
// migration 004), replacing the library's default for one key. Every change is audited.
import type { ColumnType, Kysely } from "kysely";
import {
  defaultRecommendation,
  type Overrides,
  recommendationInput,
} from "../../core/reports/recommendations.ts";
import { ForbiddenError, ValidationError } from "../errors.ts";
import type { Database } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";
import { writeAudit } from "./audit.ts";

export interface ReportRecommendationsTable {
  agency_id: number;
  key: string;
  text_th: string;
  updated_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** The tables of this file, added to the shared Database type without changing it. */
type Db = Kysely<Database & { report_recommendations: ReportRecommendationsTable }>;
const withTable = (db: Kysely<Database>): Db =>
  db.withTables<{ report_recommendations: ReportRecommendationsTable }>();

/** The agency's overrides by key. */
export async function listRecommendationOverrides(
  db: Kysely<Database>,
  scope: AgencyScope,
): Promise<Overrides> {
  const rows = await withTable(db)
    .selectFrom("report_recommendations")
    .select(["key", "text_th"])
    .where("agency_id", "=", scope.agencyId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.text_th]));
}

/**
 * Sets the agency's text for `key`, or with `text` null goes back to the library's default.
 * A viewer cannot; the key and text are validated (Thai messages in ValidationError).
 */
export async function setRecommendation(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  key: string,
  text: string | null,
): Promise<void> {
  if (scope.role === "viewer") throw new ForbiddenError("a viewer cannot change recommendations");
  const parsed = recommendationInput.safeParse({ key, text: text ?? "-" });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join("; "));
  const k = parsed.data.key;
  await withTable(db)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("report_recommendations")
        .select("text_th")
        .where("agency_id", "=", scope.agencyId)
        .where("key", "=", k)
        .executeTakeFirst();
      if (text === null) {
        if (!before) return;
        await trx
          .deleteFrom("report_recommendations")
          .where("agency_id", "=", scope.agencyId)
          .where("key", "=", k)
          .execute();
      } else {
        if (before?.text_th === parsed.data.text) return;
        await trx
          .insertInto("report_recommendations")
          .values({ agency_id: scope.agencyId, key: k, text_th: parsed.data.text, updated_by: actor.label })
          .onConflict((oc) =>
            oc.columns(["agency_id", "key"]).doUpdateSet({
              text_th: parsed.data.text,
              updated_by: actor.label,
              updated_at: new Date(),
            }),
          )
          .execute();
      }
      await writeAudit(trx as unknown as Kysely<Database>, actor, [
        {
          agencyId: scope.agencyId,
          action: text === null ? "recommendation.reset" : "recommendation.set",
          entity: "report_recommendation",
          entityId: k,
          // Objects like every other audit row, so the audit page can show text before → after.
          before: { text: before?.text_th ?? defaultRecommendation(k) ?? null },
          after: { text: text === null ? (defaultRecommendation(k) ?? null) : parsed.data.text },
        },
      ]);
    });
}
