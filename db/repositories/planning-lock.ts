import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../schema.ts";

/** One key for every process on the database: the Node interval, the Workers cron and the CLI. */
export const PLANNING_LOCK_KEY = 72_077_001;

/**
 * Runs `plan` in a transaction that first takes the planning lock, so two ticks at once (two
 * processes, or a cron beside the CLI) never plan together: the second waits until the first has
 * committed and then sees every notice it recorded, so each notice is planned once. The lock is
 * the transaction's own and ends with it, even when `plan` throws.
 */
export async function withPlanningLock<T>(
  db: Kysely<Database>,
  plan: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PLANNING_LOCK_KEY})`.execute(trx);
    return plan(trx);
  });
}
