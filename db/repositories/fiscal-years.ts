import type { Kysely } from "kysely";
import { fiscalYearRange } from "../../core/thai/fiscal-year.ts";
import { ValidationError } from "../errors.ts";
import type { Database } from "../schema.ts";

/** Makes sure a fiscal year (พ.ศ.) row exists: assessments, measures and milestones refer to it. */
export async function ensureFiscalYear(db: Kysely<Database>, year: number): Promise<void> {
  if (!Number.isInteger(year) || year < 2500 || year > 2700) {
    throw new ValidationError(`fiscal year ${year} is not a Buddhist-Era year`);
  }
  const range = fiscalYearRange(year);
  await db
    .insertInto("fiscal_years")
    .values({ year, starts_on: range.start, ends_on: range.end })
    .onConflict((oc) => oc.column("year").doNothing())
    .execute();
}
