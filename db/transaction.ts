import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Runs fn in a transaction, or in the caller's when db already is one: a repository write that
 * callers also compose into larger ones (a step's update and the notice it sends).
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
