// An agency's own wording of the analysis report's recommendations (table report_recommendations,
// migration 004), replacing the library's default for one key. Every change is audited.
import type { ColumnType, Kysely } from "kysely";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import {
  defaultRecommendation,
  type Overrides,
  recommendationInput,
  recommendationKeyOf,
  withItemRefs,
} from "../../core/reports/recommendations.ts";
import { recordChange } from "../audit.ts";
import { ForbiddenError, ValidationError } from "../errors.ts";
import type { Database } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";

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

/** The library's text as the audit log shows it (its item citations need a year: left out). */
const libraryText = (key: string) => {
  const text = defaultRecommendation(key);
  return text === undefined ? null : withItemRefs(text, () => undefined);
};

/**
 * Sets the agency's text for `key`, or with `text` null goes back to the library's default.
 * A viewer cannot; the key (one of the library's or the frameworks' concepts) and the text are
 * validated (Thai messages in ValidationError).
 */
export async function setRecommendation(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  key: string,
  text: string | null,
  frameworks: FrameworkCatalog,
): Promise<void> {
  if (scope.role === "viewer") throw new ForbiddenError("a viewer cannot change recommendations");
  const parsed = recommendationInput.safeParse({ key, text: text ?? "-" });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join("; "));
  if (recommendationKeyOf(parsed.data.key, frameworks) !== parsed.data.key) {
    throw new ValidationError(`ไม่รู้จักหัวข้อข้อเสนอแนะ ${parsed.data.key}`);
  }
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
      await recordChange(trx, actor, {
        agencyId: scope.agencyId,
        action: text === null ? "recommendation.reset" : "recommendation.set",
        entity: "report_recommendation",
        entityId: k,
        // Objects like every other audit row, so the audit page can show text before → after.
        before: { text: before?.text_th ?? libraryText(k) },
        after: { text: text === null ? libraryText(k) : parsed.data.text },
      });
    });
}
