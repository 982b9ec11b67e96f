import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/**
 * Records that the monthly message quota ran low in `month` ("YYYY-MM", Bangkok). True only the
 * first time in that month, so the operator is warned once however many ticks see it.
 */
export async function recordQuotaWarning(db: Kysely<Database>, month: string): Promise<boolean> {
  const row = await db
    .insertInto("quota_warnings")
    .values({ month })
    .onConflict((oc) => oc.column("month").doNothing())
    .returning("month")
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the quota ran low in `month`: admins are told why reminders may wait in the queue. */
export async function quotaWarned(db: Kysely<Database>, month: string): Promise<boolean> {
  const row = await db
    .selectFrom("quota_warnings")
    .select("month")
    .where("month", "=", month)
    .executeTakeFirst();
  return row !== undefined;
}
