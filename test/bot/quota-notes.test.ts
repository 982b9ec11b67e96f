import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuotaNotes } from "../../bot/quota-notes.ts";
import type { DbHandle } from "../../db/client.ts";
import { decideMonth, saveAgencyForecasts } from "../../db/repositories/push-forecasts.ts";
import { recordQuotaWarning } from "../../db/repositories/quota-warnings.ts";
import { DIALECTS, openTestDb } from "../db/harness.ts";

const NOW = new Date("2026-11-25T10:00:00+07:00");

describe.each(DIALECTS)("admins' quota notes on %s", (dialect) => {
  let h: DbHandle;
  let agencyId: number;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    ({ id: agencyId } = await h.db
      .insertInto("agencies")
      .values({ code: "QN1", name_th: "อบต.โควตา", agency_type: "อบต.", province: "เลย", district: "เมือง" })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => {
    await h.close();
  });

  it("says nothing while there is nothing to say", async () => {
    expect(await adminQuotaNotes(h.db, agencyId, NOW)).toEqual([]);
  });

  it("gives the coming month's forecast once it is decided, then the 80 % warning of this month first", async () => {
    await saveAgencyForecasts(h.db, [
      { agencyId, month: "2026-12", pushes: 41, viewerPushes: 0, dailyMembers: 0 },
    ]);
    expect(await adminQuotaNotes(h.db, agencyId, NOW)).toEqual([]);
    await decideMonth(h.db, "2026-12", { limit: 300 });
    expect(await adminQuotaNotes(h.db, agencyId, NOW)).toEqual([
      "📊 คาดการณ์ข้อความเดือน ธ.ค. 2569: อย่างน้อย 41 ข้อความ จากโควตา 300",
    ]);
    await recordQuotaWarning(h.db, "2026-11");
    const notes = await adminQuotaNotes(h.db, agencyId, NOW);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain("80%");
  });

  it("forgets a month that has passed", async () => {
    expect(await adminQuotaNotes(h.db, agencyId, new Date("2027-01-05T10:00:00+07:00"))).toEqual([]);
  });
});
