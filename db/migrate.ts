import { type Kysely, Migrator } from "kysely";
import { FRAMEWORK_YEARS } from "../core/ita/frameworks/index.ts";
import { fiscalYearRange } from "../core/thai/fiscal-year.ts";
import { migrationProvider } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export interface MigrateOutcome {
  applied: string[];
}

/** Applies pending migrations, then makes sure every fiscal year with a framework exists. */
export async function migrate(db: Kysely<Database>): Promise<MigrateOutcome> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const rows = FRAMEWORK_YEARS.map((year) => {
    const range = fiscalYearRange(year);
    return { year, starts_on: range.start, ends_on: range.end };
  });
  if (rows.length) {
    await db
      .insertInto("fiscal_years")
      .values(rows)
      .onConflict((oc) => oc.column("year").doNothing())
      .execute();
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
