import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import { decideMonth, saveAgencyForecasts } from "../../../db/repositories/push-forecasts.ts";
import {
  VIEWER_BANLAENG as LAENG,
  NEWCOMER,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  visibleText,
  type World,
} from "../world.ts";
import { API_CHANNEL, apiCaller, apiFor, demoAgencyIds } from "./harness.ts";

const _CHANNEL = API_CHANNEL;

describe("reminder settings API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  let laeng: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri, laeng } = await demoAgencyIds(w));
  });
  afterAll(async () => {
    await w.close();
  });

  const call = (userId: string, method: string, path: string, body?: unknown) =>
    apiCaller(w, api)(userId, method, path, body);
  const audits = async (agencyId: number) =>
    w.db
      .selectFrom("audit_log")
      .select(["actor", "member_id", "entity_id", "before", "after"])
      .where("action", "=", "reminder_settings.update")
      .where("agency_id", "=", agencyId)
      .orderBy("id")
      .execute();

  it("gives the caller's own settings, defaults until changed", async () => {
    const r = await call(SRI, "GET", `/me/settings?agencyId=${sri}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      agencyId: sri,
      muted: false,
      frequency: "weekly",
      firstLeadDays: 7,
      leadDays: [7, 1, 0],
      quietStart: "20:00",
      quietEnd: "08:00",
    });
  });

  it("saves a change, reads it back, audits it and the chat sees it", async () => {
    const put = await call(SRI, "PUT", "/me/settings", {
      agencyId: sri,
      muted: true,
      frequency: "daily",
      firstLeadDays: 3,
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      muted: true,
      frequency: "daily",
      firstLeadDays: 3,
      leadDays: [3, 1, 0],
    });
    const get = await call(SRI, "GET", `/me/settings?agencyId=${sri}`);
    expect(get.json).toMatchObject({ muted: true, frequency: "daily", firstLeadDays: 3 });

    const me = await w.db
      .selectFrom("members")
      .select("id")
      .where("line_user_id", "=", SRI)
      .executeTakeFirstOrThrow();
    expect(await audits(sri)).toEqual([
      {
        actor: `line:${SRI}`,
        member_id: me.id,
        entity_id: String(me.id),
        before: { muted: false, leadDays: [7, 1, 0], frequency: "weekly" },
        after: { muted: true, leadDays: [3, 1, 0], frequency: "daily" },
      },
    ]);
    const chat = (await w.say(SRI, "ตั้งค่าแจ้งเตือน")).map(visibleText).join("\n");
    expect(chat).toContain("ปิดการแจ้งเตือนอยู่");

    // Saving the same values again writes nothing.
    await call(SRI, "PUT", "/me/settings", {
      agencyId: sri,
      muted: true,
      frequency: "daily",
      firstLeadDays: 3,
    });
    expect(await audits(sri)).toHaveLength(1);

    // A change made in chat shows in the app.
    await w.say(SRI, "เปิดการแจ้งเตือน");
    expect((await call(SRI, "GET", `/me/settings?agencyId=${sri}`)).json.muted).toBe(false);
  });

  it("lets a viewer change their own settings", async () => {
    const r = await call(LAENG, "PUT", "/me/settings", {
      agencyId: laeng,
      muted: false,
      frequency: "daily",
      firstLeadDays: 14,
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ frequency: "daily", firstLeadDays: 14, leadDays: [14, 1, 0] });
    expect(await audits(laeng)).toHaveLength(1);
  });

  it("refuses another agency's settings", async () => {
    const before = (await audits(sri)).length;
    expect((await call(LAENG, "GET", `/me/settings?agencyId=${sri}`)).status).toBe(403);
    expect((await call(NEWCOMER, "GET", `/me/settings?agencyId=${sri}`)).status).toBe(403);
    const put = await call(LAENG, "PUT", "/me/settings", {
      agencyId: sri,
      muted: true,
      frequency: "weekly",
      firstLeadDays: 7,
    });
    expect(put.status).toBe(403);
    expect(await audits(sri)).toHaveLength(before);
  });

  it("answers invalid settings with Thai messages per field", async () => {
    const r = await call(SRI, "PUT", "/me/settings", {
      agencyId: sri,
      muted: "yes",
      frequency: "hourly",
      firstLeadDays: 45,
    });
    expect(r.status).toBe(400);
    const fields = r.json.fields as Record<string, string>;
    expect(fields.muted).toContain("ปิดการแจ้งเตือน");
    expect(fields.frequency).toContain("รายสัปดาห์");
    expect(fields.firstLeadDays).toContain("30");
    expect((await call(SRI, "GET", "/me/settings")).status).toBe(400);
  });

  it("tells an agency's admins about the message quota and no one else", async () => {
    expect((await call(SRI, "GET", `/me/quota?agencyId=${sri}`)).json).toEqual({ notes: [] });
    await saveAgencyForecasts(w.db, [
      { agencyId: sri, month: "2026-12", pushes: 320, viewerPushes: 0, dailyMembers: 0 },
    ]);
    await decideMonth(w.db, "2026-12", { limit: 300 });
    expect((await call(SRI, "GET", `/me/quota?agencyId=${sri}`)).json).toEqual({
      notes: ["📊 คาดการณ์ข้อความเดือน ธ.ค. 2569: อย่างน้อย 320 ข้อความ เกินโควตา 300"],
    });
    expect((await call(LAENG, "GET", `/me/quota?agencyId=${laeng}`)).status).toBe(403);
    expect((await call(LAENG, "GET", `/me/quota?agencyId=${sri}`)).status).toBe(403);
  });
});
