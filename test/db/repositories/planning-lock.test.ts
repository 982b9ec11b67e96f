import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { PLANNING_LOCK_KEY, withPlanningLock } from "../../../db/repositories/planning-lock.ts";
import { quotaWarned, recordQuotaWarning } from "../../../db/repositories/quota-warnings.ts";
import type { Database } from "../../../db/schema.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

/**
 * How many sessions hold the planning lock of this database now (pg_locks splits a bigint key
 * into two oids, and lists every database's locks: other suites plan on theirs at the same time).
 */
async function holders(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_locks
    where locktype = 'advisory' and granted and classid = 0 and objid = ${PLANNING_LOCK_KEY}
      and database = (select oid from pg_database where datname = current_database())`.execute(db);
  return rows[0]!.n;
}

describe.each(DIALECTS)("the planning lock on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it("holds the lock while planning and lets it go with the transaction", async () => {
    expect(await holders(h.db)).toBe(0);
    expect(await withPlanningLock(h.db, (trx) => holders(trx))).toBe(1);
    expect(await holders(h.db)).toBe(0);
  });

  it("plans one at a time when several ticks start together", async () => {
    let running = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3].map(() =>
        withPlanningLock(h.db, async (trx) => {
          running++;
          most = Math.max(most, running);
          // Long enough that plans on separate connections would overlap without the lock.
          await sql`select pg_sleep(0.05)`.execute(trx);
          running--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await holders(h.db)).toBe(0);
  });

  it("skips at once, without waiting, when asked to plan only if no one else is", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const first = withPlanningLock(h.db, { ifFree: true }, async () => {
      holding();
      await released;
      return "planned";
    });
    await held;
    // PGlite has one connection, so a second transaction would wait for the first there: only
    // PostgreSQL, where processes really plan side by side, can show the skip.
    if (dialect === "pg") {
      const skipped = await withPlanningLock(h.db, { ifFree: true }, async () => "planned twice");
      expect(skipped).toBeUndefined();
    }
    release();
    expect(await first).toBe("planned");
    expect(await withPlanningLock(h.db, { ifFree: true }, (trx) => holders(trx))).toBe(1);
    expect(await holders(h.db)).toBe(0);
  });

  it("writes nothing and lets the lock go when planning fails", async () => {
    await expect(
      withPlanningLock(h.db, async (trx) => {
        await recordQuotaWarning(trx, "2031-01");
        throw new Error("planning failed");
      }),
    ).rejects.toThrow("planning failed");
    expect(await quotaWarned(h.db, "2031-01")).toBe(false);
    expect(await holders(h.db)).toBe(0);
  });
});
