import { type Kysely, Migrator } from "kysely";
import { shippedFrameworks } from "./frameworks/shipped.ts";
import { migrationProvider } from "./migrations/index.ts";
import { loadShippedFrameworks } from "./repositories/frameworks.ts";
import type { Database } from "./schema.ts";

export interface MigrateOutcome {
  applied: string[];
  /** Shipped framework years added or updated by this run. */
  frameworks: number[];
}

/** Applies pending migrations, then loads the frameworks this release ships (db/frameworks/). */
export async function migrate(db: Kysely<Database>): Promise<MigrateOutcome> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const saved = await loadShippedFrameworks(db, shippedFrameworks());
  return {
    applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
    frameworks: saved.map((s) => s.year),
  };
}
