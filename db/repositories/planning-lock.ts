import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../schema.ts";

/** One key for every process on the database: the Node interval, the Workers cron and the CLI. */
export const PLANNING_LOCK_KEY = 72_077_001;

export interface PlanningLockOptions {
  /**
   * When another process is planning right now, give up at once (undefined) instead of waiting for
   * it: it plans everything due by its own `now`, so the waiting process would only redo the
   * reading and find nothing left (Node workers whose ticks fire together).
   */
  ifFree?: boolean;
}

/**
 * Runs `plan` in a transaction that first takes the planning lock, so two ticks at once (two
 * processes, or a cron beside the CLI) never plan together: the second waits until the first has
 * committed and then sees every notice it recorded, so each notice is planned once. The lock is
 * the transaction's own and ends with it, even when `plan` throws.
 */
export function withPlanningLock<T>(
  db: Kysely<Database>,
  plan: (trx: Transaction<Database>) => Promise<T>,
): Promise<T>;
export function withPlanningLock<T>(
  db: Kysely<Database>,
  options: PlanningLockOptions,
  plan: (trx: Transaction<Database>) => Promise<T>,
): Promise<T | undefined>;
export async function withPlanningLock<T>(
  db: Kysely<Database>,
  ...args:
    | [plan: (trx: Transaction<Database>) => Promise<T>]
    | [options: PlanningLockOptions, plan: (trx: Transaction<Database>) => Promise<T>]
): Promise<T | undefined> {
  const [options, plan] = args.length === 1 ? [{}, args[0]] : args;
  return db.transaction().execute(async (trx) => {
    if (!options.ifFree) {
      await sql`select pg_advisory_xact_lock(${PLANNING_LOCK_KEY})`.execute(trx);
      return plan(trx);
    }
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${PLANNING_LOCK_KEY}) as locked`.execute(trx);
    return rows[0]?.locked ? plan(trx) : undefined;
  });
}
