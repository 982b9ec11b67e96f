import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forecastQuota } from "../../../bot/jobs/quota-forecast.ts";
import { memoryLogger } from "../../../bot/log.ts";
import type { DbHandle } from "../../../db/client.ts";
import { createMeasure } from "../../../db/repositories/measures.ts";
import { agencyForecast } from "../../../db/repositories/push-forecasts.ts";
import { DIALECTS, openTestDb } from "../../db/harness.ts";

/** Bangkok wall-clock time. */
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+07:00`);
const ROLES = ["admin", "admin", "editor", "editor", "viewer"] as const;

describe.each(DIALECTS)("quota forecast on %s", (dialect) => {
  let h: DbHandle;
  let clock: Date;
  let n = 0;
  const deps = () => ({ db: h.db, now: () => clock, log: memoryLogger() });

  beforeEach(async () => {
    h = await openTestDb(dialect);
  });
  afterEach(async () => {
    await h.close();
  });

  /**
   * An agency of two admins, two editors and a viewer; each editor owns a step due every Monday of
   * July 2026, the viewer one on the 15th. Returns the members' ids and LINE user ids by role.
   */
  const agency = async () => {
    const i = n++;
    const { id: agencyId } = await h.db
      .insertInto("agencies")
      .values({
        code: `QF${i}`,
        name_th: `เทศบาลตำบลโควตา${i}`,
        agency_type: "เทศบาลตำบล",
        province: "เลย",
        district: "ด่านซ้าย",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const members = [];
    for (const [k, role] of ROLES.entries()) {
      const lineUserId = `U${String(i * 10 + k).padStart(32, "0")}`;
      const { id } = await h.db
        .insertInto("members")
        .values({ agency_id: agencyId, line_user_id: lineUserId, role })
        .returning("id")
        .executeTakeFirstOrThrow();
      members.push({ id, lineUserId, role });
    }
    const [, , e1, e2, viewer] = members;
    await createMeasure(
      h.db,
      { agencyId, role: "admin" },
      { label: "test" },
      {
        fiscalYear: 2569,
        title: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
        steps: [
          ...["2026-07-06", "2026-07-13", "2026-07-20", "2026-07-27"].map((dueOn, k) => ({
            title: `ขั้นตอนที่ ${k + 1}`,
            dueOn,
            ownerIds: [k % 2 ? e1!.id : e2!.id],
          })),
          { title: "ขั้นตอนของผู้ดู", dueOn: "2026-07-15", ownerIds: [viewer!.id] },
        ],
      },
    );
    return { agencyId, members };
  };
  const warnings = () =>
    h.db.selectFrom("outbox").selectAll().where("kind", "=", "quota_warning").orderBy("id").execute();
  const textOf = (payload: unknown) => (payload as { text: string }[])[0]!.text;

  it("tells each admin of an agency alone on its account once, a week ahead of a month over the quota", async () => {
    const { members } = await agency();
    clock = at("2026-06-24");
    const first = await forecastQuota(deps(), { used: 120, limit: 10 });
    expect(first).toMatchObject({ month: "2026-07", forecast: 1, told: 0 });
    const second = await forecastQuota(deps(), { used: 120, limit: 10 });
    expect(second).toMatchObject({ month: "2026-07", forecast: 0, told: 2 });
    expect(second!.decision).toMatchObject({ month: "2026-07", agencies: 1, limit: 10, told: false });
    expect(second!.decision!.pushes).toBeGreaterThan(10);
    // Already told: nothing more this month, whichever tick asks.
    expect(await forecastQuota(deps(), { used: 120, limit: 10 })).toBeUndefined();
    clock = at("2026-06-29");
    expect(await forecastQuota(deps(), { used: 150, limit: 10 })).toBeUndefined();

    const rows = await warnings();
    const admins = members.filter((m) => m.role === "admin");
    expect(rows.map((r) => r.recipients)).toEqual(admins.map((a) => [a.lineUserId]));
    expect(rows.map((r) => r.member_id)).toEqual(admins.map((a) => a.id));
    const text = textOf(rows[0]!.payload);
    expect(text).toContain(
      `คาดว่าเดือนกรกฎาคม 2569 บัญชี LINE ของหน่วยงานจะส่งข้อความอย่างน้อย ${second!.decision!.pushes} ข้อความ`,
    );
    expect(text).toContain("เกินโควตา 10");
    expect(text).toContain("เตือนล่วงหน้า 1 วัน");
    // The viewer owns a step: the admins hear how much of the month goes to viewers.
    expect(text).toContain("ผู้ดู (viewer) ได้รับข้อความเตือนประมาณ");
    expect(text).toContain("คาดว่าเหลือประมาณ");
    // The next month's quota is LINE's business: what was used this month does not count.
    expect(text).not.toContain("ใช้ข้อความไปแล้ว");
  });

  it("tells nobody about a month that fits, and shows the forecast to the agency's admins", async () => {
    const { agencyId } = await agency();
    clock = at("2026-06-24");
    await forecastQuota(deps(), { used: 0, limit: 300 });
    const report = await forecastQuota(deps(), { used: 0, limit: 300 });
    expect(report).toMatchObject({ told: 0, decision: { limit: 300 } });
    expect(await warnings()).toEqual([]);
    expect(await forecastQuota(deps(), { used: 0, limit: 300 })).toBeUndefined();
    const shown = await agencyForecast(h.db, agencyId, "2026-06");
    expect(shown).toMatchObject({
      agency: { month: "2026-07", pushes: report!.decision!.pushes },
      account: { month: "2026-07", limit: 300, agencies: 1, told: true },
    });
  });

  it("forecasts but does not decide while the quota is unknown", async () => {
    await agency();
    clock = at("2026-06-24");
    await forecastQuota(deps(), undefined);
    expect(await forecastQuota(deps(), undefined)).toMatchObject({ forecast: 0, told: 0 });
    expect(await h.db.selectFrom("push_forecast_months").selectAll().execute()).toEqual([]);
    expect(await h.db.selectFrom("push_forecasts").select("agency_id").execute()).toHaveLength(1);
  });

  it("never warns an account without a limit", async () => {
    await agency();
    clock = at("2026-06-24");
    await forecastQuota(deps(), { used: 0, limit: "none" });
    const report = await forecastQuota(deps(), { used: 0, limit: "none" });
    expect(report!.decision).not.toHaveProperty("limit");
    expect(await warnings()).toEqual([]);
  });

  it("forecasts a batch of agencies per tick, then tells every agency on a shared account its share", async () => {
    const a = await agency();
    const b = await agency();
    clock = at("2026-06-25");
    expect(await forecastQuota(deps(), { used: 0, limit: 10 }, { agenciesPerRun: 1 })).toMatchObject({
      forecast: 1,
    });
    expect(await forecastQuota(deps(), { used: 0, limit: 10 }, { agenciesPerRun: 1 })).toMatchObject({
      forecast: 1,
    });
    const report = await forecastQuota(deps(), { used: 0, limit: 10 }, { agenciesPerRun: 1 });
    expect(report).toMatchObject({ told: 4, decision: { agencies: 2 } });
    const shownA = await agencyForecast(h.db, a.agencyId, "2026-06");
    const shownB = await agencyForecast(h.db, b.agencyId, "2026-06");
    expect(shownA!.agency.pushes + shownB!.agency.pushes).toBe(report!.decision!.pushes);
    // No lighter settings on a shared account: the plan is the answer there.
    expect(shownA!.agency).not.toHaveProperty("lighter");
    const text = textOf((await warnings())[0]!.payload);
    expect(text).toContain("บัญชี LINE ที่ 2 หน่วยงานใช้ร่วมกัน");
    expect(text).toContain(`(หน่วยงานของท่านประมาณ ${shownA!.agency.pushes} ข้อความ)`);
    expect(text).toContain(`ให้ไม่ต่ำกว่า ${report!.decision!.pushes} ข้อความต่อเดือน`);
  });

  it("counts what LINE says was used when the month has begun, and waits for the morning at night", async () => {
    await agency();
    clock = at("2026-07-08", "21:30");
    await forecastQuota(deps(), { used: 295, limit: 300 });
    const report = await forecastQuota(deps(), { used: 295, limit: 300 });
    expect(report!.decision).toMatchObject({ month: "2026-07", usedSoFar: 295 });
    const rows = await warnings();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.send_at).toEqual(at("2026-07-09", "08:00"));
    expect(String(rows[0]!.day)).toContain("2026-07-09");
    expect(textOf(rows[0]!.payload)).toContain("ใช้ข้อความไปแล้ว 295 ข้อความ");
  });

  it("does not push to an admin who blocked the account", async () => {
    const { members } = await agency();
    const [blocked, other] = members;
    await h.db
      .insertInto("line_users")
      .values({ line_user_id: blocked!.lineUserId, following: false })
      .execute();
    clock = at("2026-06-24");
    await forecastQuota(deps(), { used: 0, limit: 10 });
    expect(await forecastQuota(deps(), { used: 0, limit: 10 })).toMatchObject({ told: 1 });
    expect((await warnings()).map((r) => r.recipients)).toEqual([[other!.lineUserId]]);
  });

  it("logs a failure and lets the tick go on", async () => {
    const log = memoryLogger();
    await h.db.schema.dropTable("push_forecast_months").execute();
    clock = at("2026-06-24");
    expect(await forecastQuota({ db: h.db, now: () => clock, log }, { used: 0, limit: 10 })).toBeUndefined();
    expect(log.entries).toEqual([expect.objectContaining({ level: "warn", msg: "quota forecast: failed" })]);
  });
});
