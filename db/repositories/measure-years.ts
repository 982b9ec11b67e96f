import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";

/** The fiscal years in which the agency has measures, latest first. */
export async function measureYears(db: Kysely<Database>, scope: AgencyScope): Promise<number[]> {
  const rows = await db
    .selectFrom("measures")
    .select("fiscal_year")
    .distinct()
    .where("agency_id", "=", scope.agencyId)
    .orderBy("fiscal_year", "desc")
    .execute();
  return rows.map((r) => r.fiscal_year);
}
