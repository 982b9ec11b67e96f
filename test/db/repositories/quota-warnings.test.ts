import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { quotaWarned, recordQuotaWarning } from "../../../db/repositories/quota-warnings.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("quota warnings on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it("warns once a month: only the first record of a month says so", async () => {
    expect(await quotaWarned(h.db, "2026-11")).toBe(false);
    expect(await recordQuotaWarning(h.db, "2026-11")).toBe(true);
    expect(await recordQuotaWarning(h.db, "2026-11")).toBe(false);
    expect(await quotaWarned(h.db, "2026-11")).toBe(true);
  });

  it("starts afresh in the next month", async () => {
    await recordQuotaWarning(h.db, "2026-09");
    expect(await quotaWarned(h.db, "2026-10")).toBe(false);
    expect(await recordQuotaWarning(h.db, "2026-10")).toBe(true);
    expect(await quotaWarned(h.db, "2026-10")).toBe(true);
  });

  it("records a month once when two ticks see the low quota together", async () => {
    const first = await Promise.all([
      recordQuotaWarning(h.db, "2027-01"),
      recordQuotaWarning(h.db, "2027-01"),
    ]);
    expect(first.filter(Boolean)).toHaveLength(1);
  });
});
