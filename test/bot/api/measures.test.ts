import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  NEWCOMER,
  NOW,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { API_CHANNEL, apiFor, demoAgencyIds } from "./harness.ts";

const CHANNEL = API_CHANNEL;

describe("LIFF API", () => {
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

  const call = async (userId: string | undefined, path: string, body?: unknown, token?: string) => {
    const auth =
      token ??
      (userId ? await w.fake.issueIdToken(userId, { channelId: CHANNEL, name: "ทดสอบ" }) : undefined);
    const res = await api.request(path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const openStep = async (agencyId: number) =>
    w.db
      .selectFrom("measure_steps")
      .select(["id", "title"])
      .where("agency_id", "=", agencyId)
      .where("status", "in", ["not_started", "in_progress"])
      .orderBy("id")
      .executeTakeFirstOrThrow();

  it("refuses calls without a valid LINE ID token", async () => {
    expect((await call(undefined, "/me")).status).toBe(401);
    expect((await call(undefined, "/me", undefined, "forged.token.here")).status).toBe(401);
    const expired = await w.fake.issueIdToken(SRI, { channelId: CHANNEL, expiresInSeconds: -5 });
    const r = await call(undefined, "/me", undefined, expired);
    expect(r.status).toBe(401);
    expect(r.json.error).toContain("หมดอายุ");
  });

  it("tells the caller who they are and which agencies they belong to", async () => {
    const r = await call(SRI, "/me");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ userId: SRI, memberships: [{ agencyId: sri, role: "admin" }] });
    expect((await call(NEWCOMER, "/me")).json).toMatchObject({ memberships: [], held: [] });
  });

  it("lists the caller's reminders that the monthly quota held back", async () => {
    await enqueueMessage(w.db, {
      agencyId: sri,
      recipients: [SRI],
      kind: "digest",
      day: "2026-11-25",
      payload: [{ type: "text", text: "แจ้งเตือนที่รอโควตา" }],
      sendAt: NOW,
      naturalKey: "api-held",
    });
    await w.db.updateTable("outbox").set({ status: "held" }).where("kind", "=", "digest").execute();
    const r = await call(SRI, "/me");
    expect(r.json.held).toEqual([{ id: expect.any(String), text: "แจ้งเตือนที่รอโควตา" }]);
  });

  it("gives the dashboard: score card, ranks and the change from the year before", async () => {
    const r = await call(SRI, `/agencies/${sri}/dashboard`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      years: [2567],
      card: { total: "97.15", level: { code: "ผ่านดี" }, reportedRank: 543 },
    });
    expect((await call(LAENG, `/agencies/${sri}/dashboard`)).status).toBe(403);
  });

  it("lists the agency's measures, mine and overdue", async () => {
    const all = await call(SRI, `/agencies/${sri}/measures`);
    expect(all.status).toBe(200);
    expect((all.json.measures as unknown[]).length).toBeGreaterThan(0);
    const overdue = await call(SRI, `/agencies/${sri}/measures?filter=overdue`);
    expect((overdue.json.measures as unknown[]).length).toBeGreaterThan(0);
  });

  it("lists the measures that address one indicator", async () => {
    const all = (await call(LAENG, `/agencies/${laeng}/measures`)).json.measures as {
      indicators: number[];
    }[];
    const four = (await call(LAENG, `/agencies/${laeng}/measures?indicator=4`)).json.measures as {
      indicators: number[];
    }[];
    expect(four.length).toBeGreaterThan(0);
    expect(four.length).toBeLessThan(all.length);
    expect(four.every((m) => m.indicators.includes(4))).toBe(true);
    // Indicator numbers are the frameworks' (a reform may have more than ten): 11 simply finds none.
    expect((await call(LAENG, `/agencies/${laeng}/measures?indicator=11`)).json.measures).toEqual([]);
    expect((await call(LAENG, `/agencies/${laeng}/measures?indicator=100`)).status).toBe(400);
  });

  it("never lets anyone read another agency", async () => {
    expect((await call(LAENG, `/agencies/${sri}/measures`)).status).toBe(403);
    expect((await call(NEWCOMER, `/agencies/${sri}/measures`)).status).toBe(403);
  });

  it("updates a step with an evidence link, audits it, and tells the other owners through the outbox", async () => {
    const step = await openStep(sri);
    const colleague = await w.db
      .insertInto("members")
      .values({
        agency_id: sri,
        line_user_id: `U${"c".repeat(32)}`,
        role: "editor",
        display_name: "เพื่อนร่วมงาน",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const me = await w.db
      .selectFrom("members")
      .select("id")
      .where("line_user_id", "=", SRI)
      .executeTakeFirstOrThrow();
    await w.db
      .insertInto("step_owners")
      .values([
        { step_id: step.id, member_id: me.id, agency_id: sri },
        { step_id: step.id, member_id: colleague.id, agency_id: sri },
      ])
      .execute();
    const r = await call(SRI, `/agencies/${sri}/steps/${step.id}/status`, {
      status: "done",
      progress: 40,
      note: "ประกาศใช้คู่มือแล้ว",
      evidenceUrl: "https://www.srisongrak.go.th/ita/o10.pdf",
    });
    expect(r.status).toBe(200);
    expect(r.json.step).toMatchObject({ status: "done", progress: 100, doneOn: "2026-11-25" });
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["actor", "after"])
      .where("entity_id", "=", String(step.id))
      .where("action", "=", "step.update")
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(`line:${SRI}`);
    expect(audit.after).toMatchObject({ evidenceUrl: "https://www.srisongrak.go.th/ita/o10.pdf" });
    const notice = await w.db
      .selectFrom("outbox")
      .select(["recipients", "payload", "status"])
      .where("kind", "=", "status_update")
      .executeTakeFirstOrThrow();
    expect(notice.recipients).toEqual([`U${"c".repeat(32)}`]);
    expect(JSON.stringify(notice.payload)).toContain("เสร็จแล้ว");
    expect(notice.status).toBe("pending");
  });

  it("answers an invalid link with a Thai message for that field, and changes nothing", async () => {
    const step = await openStep(sri);
    const r = await call(SRI, `/agencies/${sri}/steps/${step.id}/status`, {
      status: "in_progress",
      progress: 150,
      evidenceUrl: "www.example.go.th",
    });
    expect(r.status).toBe(400);
    const fields = r.json.fields as Record<string, string>;
    expect(fields.evidenceUrl).toContain("https://");
    expect(fields.progress).toContain("100");
    const after = await w.db
      .selectFrom("measure_steps")
      .select("status")
      .where("id", "=", step.id)
      .executeTakeFirstOrThrow();
    expect(after.status).not.toBe("in_progress");
  });

  it("refuses writes from a viewer, and to another agency's step", async () => {
    const own = await w.db
      .selectFrom("measure_steps")
      .select("id")
      .where("agency_id", "=", laeng)
      .executeTakeFirstOrThrow();
    expect(
      (await call(LAENG, `/agencies/${laeng}/steps/${own.id}/status`, { status: "done", progress: 100 }))
        .status,
    ).toBe(403);
    const theirs = await openStep(sri);
    // A member of another agency naming our agency in the path is refused outright…
    expect(
      (await call(EDITOR, `/agencies/${sri}/steps/${theirs.id}/status`, { status: "done", progress: 100 }))
        .status,
    ).toBe(403);
    // …and naming their own agency with our step finds nothing.
    const demo = (await findAgencyByCode(w.db, "DEMO00001"))!.id;
    expect(
      (await call(EDITOR, `/agencies/${demo}/steps/${theirs.id}/status`, { status: "done", progress: 100 }))
        .status,
    ).toBe(404);
    const still = await w.db
      .selectFrom("measure_steps")
      .select("status")
      .where("id", "=", theirs.id)
      .executeTakeFirstOrThrow();
    expect(still.status).not.toBe("done");
  });
});
