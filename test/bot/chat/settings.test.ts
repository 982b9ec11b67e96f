import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideMonth, saveAgencyForecasts } from "../../../db/repositories/push-forecasts.ts";
import { EDITOR_DEMO, openWorld, ADMIN_SRISONGRAK as SRI, visibleText, type World } from "../world.ts";

describe("reminder settings from chat", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  const prefs = () =>
    w.db
      .selectFrom("member_prefs as p")
      .innerJoin("members as m", "m.id", "p.member_id")
      .select(["p.muted", "p.frequency", "p.lead_days"])
      .where("m.line_user_id", "=", SRI)
      .executeTakeFirst();

  it("shows the defaults until something is changed", async () => {
    const seen = (await w.say(SRI, "ตั้งค่าแจ้งเตือน")).map(visibleText).join();
    expect(seen).toContain("7 วันก่อน");
    expect(seen).toContain("20:00–08:00");
    expect(await prefs()).toBeUndefined();
  });

  it("tells an admin when the month's push quota is 80 % used", async () => {
    expect((await w.say(SRI, "ตั้งค่าแจ้งเตือน")).map(visibleText).join()).not.toContain("80%");
    await w.db.insertInto("quota_warnings").values({ month: "2026-11" }).execute();
    expect((await w.say(SRI, "ตั้งค่าแจ้งเตือน")).map(visibleText).join()).toContain("80%");
  });

  it("shows an admin the coming month's push forecast, and nobody else", async () => {
    const { agency_id: agencyId } = await w.db
      .selectFrom("members")
      .select("agency_id")
      .where("line_user_id", "=", SRI)
      .executeTakeFirstOrThrow();
    await saveAgencyForecasts(w.db, [
      { agencyId, month: "2026-12", pushes: 42, viewerPushes: 0, dailyMembers: 0, lighter: 30 },
    ]);
    await decideMonth(w.db, "2026-12", { limit: 300 });
    const seen = (await w.say(SRI, "ตั้งค่าแจ้งเตือน")).map(visibleText).join();
    expect(seen).toContain("📊 คาดการณ์ข้อความเดือน ธ.ค. 2569: อย่างน้อย 42 ข้อความ จากโควตา 300");
    expect((await w.say(EDITOR_DEMO, "ตั้งค่าแจ้งเตือน")).map(visibleText).join()).not.toContain("คาดการณ์");
  });

  it("mutes, switches to weekly and changes the first reminder, each audited", async () => {
    await w.say(SRI, "ปิดการแจ้งเตือน");
    expect(await prefs()).toMatchObject({ muted: true });
    await w.say(SRI, "เปิดการแจ้งเตือน");
    await w.say(SRI, "แจ้งเตือนรายสัปดาห์");
    const seen = (await w.say(SRI, "เตือนล่วงหน้า 3 วัน")).map(visibleText).join();
    expect(seen).toContain("3 วันก่อน");
    expect(await prefs()).toEqual({ muted: false, frequency: "weekly", lead_days: [3, 1, 0] });
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "reminder_settings.update")
      .orderBy("id")
      .execute();
    expect(audit[0]).toEqual({ before: { muted: false }, after: { muted: true } });
    expect(audit.at(-1)).toEqual({ before: { leadDays: [7, 1, 0] }, after: { leadDays: [3, 1, 0] } });
  });
});
