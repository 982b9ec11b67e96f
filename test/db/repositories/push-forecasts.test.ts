import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import {
  agenciesOnAccount,
  agenciesWithoutForecast,
  agencyForecast,
  agencyForecasts,
  decideMonth,
  forecastMembers,
  markMonthTold,
  monthDecision,
  saveAgencyForecasts,
} from "../../../db/repositories/push-forecasts.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("push forecasts on %s", (dialect) => {
  let h: DbHandle;
  /** Three agencies: two with active members, one whose only member left. */
  const ids: number[] = [];
  const lineIds: string[] = [];

  beforeAll(async () => {
    h = await openTestDb(dialect);
    for (const [k, active] of [true, true, false].entries()) {
      const { id } = await h.db
        .insertInto("agencies")
        .values({
          code: `PF${k}`,
          name_th: `อบต.พยากรณ์${k}`,
          agency_type: "อบต.",
          province: "เลย",
          district: "เมือง",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(id);
      for (const role of ["admin", "viewer"] as const) {
        const lineUserId = `U${k}${role}`.padEnd(33, "0");
        lineIds.push(lineUserId);
        await h.db
          .insertInto("members")
          .values({ agency_id: id, line_user_id: lineUserId, role, active })
          .execute();
      }
    }
    await h.db.insertInto("line_users").values({ line_user_id: lineIds[1]!, following: false }).execute();
  });
  afterAll(async () => {
    await h.close();
  });

  const forecast = (agencyId: number, month: string, pushes: number) => ({
    agencyId,
    month,
    pushes,
    viewerPushes: 1,
    dailyMembers: 0,
  });

  it("counts the agencies with an active member as the ones on the account", async () => {
    expect(await agenciesOnAccount(h.db)).toBe(2);
  });

  it("lists the agencies still without a forecast for a month, a batch at a time", async () => {
    expect(await agenciesWithoutForecast(h.db, "2026-01", 10)).toEqual([ids[0], ids[1]]);
    expect(await agenciesWithoutForecast(h.db, "2026-01", 1)).toEqual([ids[0]]);
    await saveAgencyForecasts(h.db, [forecast(ids[0]!, "2026-01", 5)]);
    expect(await agenciesWithoutForecast(h.db, "2026-01", 10)).toEqual([ids[1]]);
    expect(await agenciesWithoutForecast(h.db, "2026-02", 10)).toEqual([ids[0], ids[1]]);
  });

  it("replaces a forecast made again", async () => {
    await saveAgencyForecasts(h.db, [forecast(ids[0]!, "2026-03", 5)]);
    await saveAgencyForecasts(h.db, [{ ...forecast(ids[0]!, "2026-03", 7), lighter: 4 }]);
    expect(await agencyForecasts(h.db, "2026-03")).toEqual([
      { ...forecast(ids[0]!, "2026-03", 7), lighter: 4 },
    ]);
  });

  it("decides a month once, adding every agency's forecast up against the quota", async () => {
    await saveAgencyForecasts(h.db, [forecast(ids[0]!, "2026-04", 200), forecast(ids[1]!, "2026-04", 150)]);
    expect(await monthDecision(h.db, "2026-04")).toBeUndefined();
    const [a, b] = await Promise.all([
      decideMonth(h.db, "2026-04", { limit: 300 }),
      decideMonth(h.db, "2026-04", { limit: 999, usedSoFar: 12 }),
    ]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ month: "2026-04", pushes: 350, agencies: 2, told: false });
    await saveAgencyForecasts(h.db, [forecast(ids[0]!, "2026-04", 1)]);
    expect(await decideMonth(h.db, "2026-04", { limit: 5 })).toEqual(a);
    await markMonthTold(h.db, "2026-04", new Date());
    expect(await monthDecision(h.db, "2026-04")).toMatchObject({ told: true });
  });

  it("keeps what LINE said when deciding: no limit, or what the month had used", async () => {
    await saveAgencyForecasts(h.db, [forecast(ids[0]!, "2026-05", 3)]);
    const none = await decideMonth(h.db, "2026-05", { usedSoFar: 40 });
    expect(none).toEqual({ month: "2026-05", pushes: 3, agencies: 1, usedSoFar: 40, told: false });
  });

  it("shows an agency the latest decided month from a month on, with the account's figures", async () => {
    await saveAgencyForecasts(h.db, [forecast(ids[1]!, "2026-06", 9), forecast(ids[1]!, "2026-07", 11)]);
    await decideMonth(h.db, "2026-06", { limit: 300 });
    // July is forecast but not decided yet: June is what there is to show.
    expect(await agencyForecast(h.db, ids[1]!, "2026-06")).toMatchObject({
      agency: { month: "2026-06", pushes: 9 },
      account: { month: "2026-06", limit: 300 },
    });
    await decideMonth(h.db, "2026-07", { limit: 300 });
    expect(await agencyForecast(h.db, ids[1]!, "2026-06")).toMatchObject({
      agency: { month: "2026-07", pushes: 11 },
    });
    expect(await agencyForecast(h.db, ids[1]!, "2026-08")).toBeUndefined();
    expect(await agencyForecast(h.db, ids[2]!, "2026-01")).toBeUndefined();
  });

  it("lists the active members of agencies with their role and whether they follow the account", async () => {
    expect(await forecastMembers(h.db, [ids[0]!, ids[2]!])).toEqual([
      expect.objectContaining({ agencyId: ids[0], role: "admin", lineUserId: lineIds[0], following: true }),
      expect.objectContaining({ agencyId: ids[0], role: "viewer", lineUserId: lineIds[1], following: false }),
    ]);
    expect(await forecastMembers(h.db, [])).toEqual([]);
  });
});
