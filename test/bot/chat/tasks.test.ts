import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  NOW,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  visibleText,
  type World,
} from "../world.ts";

describe("measures and steps from chat", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  const stepOf = async (agencyCode: string) => {
    const agency = await findAgencyByCode(w.db, agencyCode);
    return w.db
      .selectFrom("measure_steps")
      .select(["id", "title", "status"])
      .where("agency_id", "=", agency!.id)
      .where("status", "in", ["not_started", "in_progress"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
  };
  const postback = (userId: string, data: string) =>
    w.send(userId, [
      { ...w.textEvent(userId, ""), type: "postback", message: undefined, postback: { data } },
    ]);

  it("lists the agency's measures with their status", async () => {
    const seen = (await w.say(SRI, "มาตรการ")).map(visibleText).join();
    expect(seen).toContain("มาตรการปีงบประมาณ 2570");
    expect(seen).toContain("กระบวนการกำกับดูแล");
  });

  it("shows overdue steps and my steps as cards with done / in progress / tomorrow buttons", async () => {
    for (const q of ["งานค้าง", "งานของฉัน"]) {
      const [card] = await w.say(SRI, q);
      expect(JSON.stringify(card)).toContain('"data":"a=done&s=');
      expect(visibleText(card!)).toMatch(/เลยกำหนดมา \d+ วัน/);
    }
  });

  it("marks a step done from its button, with an audit row naming the member", async () => {
    const step = await stepOf("SEED000");
    const { messages } = await postback(SRI, `a=done&s=${step.id}`);
    expect(visibleText(messages[0]!)).toContain("เสร็จแล้ว");
    const after = await w.db
      .selectFrom("measure_steps")
      .select(["status", "done_on"])
      .where("id", "=", step.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "done", done_on: "2026-11-25" });
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["actor", "member_id", "before", "after"])
      .where("entity_id", "=", String(step.id))
      .where("action", "=", "step.update")
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(`line:${SRI}`);
    expect(audit.member_id).not.toBeNull();
    expect(audit.before).toMatchObject({ status: step.status });
    expect(audit.after).toMatchObject({ status: "done" });
  });

  it("snoozes a step to tomorrow and marks one in progress", async () => {
    const step = await stepOf("SEED000");
    await postback(SRI, `a=snooze&s=${step.id}`);
    await postback(SRI, `a=doing&s=${step.id}`);
    const after = await w.db
      .selectFrom("measure_steps")
      .select(["status", "snoozed_until"])
      .where("id", "=", step.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "in_progress", snoozed_until: "2026-11-26" });
  });

  it("never touches another agency's step, and a viewer cannot change its own", async () => {
    const theirs = await stepOf("SEED000");
    const { messages } = await postback(EDITOR, `a=done&s=${theirs.id}`);
    expect(visibleText(messages[0]!)).toContain("ไม่พบงานนี้");
    const untouched = await w.db
      .selectFrom("measure_steps")
      .select("status")
      .where("id", "=", theirs.id)
      .executeTakeFirstOrThrow();
    expect(untouched.status).toBe(theirs.status);

    const banlaeng = await findAgencyByCode(w.db, "SEED001");
    const own = await w.db
      .selectFrom("measure_steps")
      .select("id")
      .where("agency_id", "=", banlaeng!.id)
      .executeTakeFirstOrThrow();
    const refused = await postback(LAENG, `a=done&s=${own.id}`);
    expect(visibleText(refused.messages[0]!)).toContain("ผู้ดู");
  });

  it("delivers reminders held by the monthly quota inside the next (free) reply", async () => {
    const agency = await findAgencyByCode(w.db, "SEED000");
    await enqueueMessage(w.db, {
      agencyId: agency!.id,
      recipients: [SRI],
      kind: "status_update",
      day: "2026-11-25",
      payload: [{ type: "text", text: "แจ้งเตือนที่รอโควตา" }],
      sendAt: NOW,
      naturalKey: "held-test",
    });
    await w.db.updateTable("outbox").set({ status: "held" }).where("kind", "=", "status_update").execute();
    const messages = await w.say(SRI, "คะแนน ITA");
    expect(messages).toHaveLength(2);
    expect(visibleText(messages[0]!)).toContain("97.15");
    expect(visibleText(messages[1]!)).toContain("แจ้งเตือนที่รอโควตา");
    const row = await w.db
      .selectFrom("outbox")
      .select("status")
      .where("kind", "=", "status_update")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(await w.say(SRI, "คะแนน ITA")).toHaveLength(1);
  });

  /** SRI's own digest of `day`, planned but not pushed yet (it goes at `sendAt`). */
  const pendingDigest = async (day: string, sendAt: Date) => {
    const me = await w.db
      .selectFrom("members")
      .select(["id", "agency_id"])
      .where("line_user_id", "=", SRI)
      .executeTakeFirstOrThrow();
    return (await enqueueMessage(w.db, {
      agencyId: me.agency_id,
      memberId: me.id,
      recipients: [SRI],
      kind: "digest",
      day,
      payload: [{ type: "text", text: `สรุปงานวันที่ ${day}` }],
      sendAt,
      naturalKey: `digest|${me.id}|${day}`,
    }))!;
  };
  const outboxRow = (id: string) =>
    w.db
      .selectFrom("outbox")
      .select(["status", "next_attempt_at", "last_error"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("carries the member's digest of today, not pushed yet, in the reply instead of a push", async () => {
    const id = await pendingDigest("2026-11-25", new Date(NOW.getTime() + 30 * 60_000));
    const messages = await w.say(SRI, "คะแนน ITA");
    expect(messages.map(visibleText)).toEqual([expect.stringContaining("97.15"), "สรุปงานวันที่ 2026-11-25"]);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", last_error: "delivered in a reply" });
    expect(w.fake.messagesTo(SRI).filter((d) => d.via !== "reply")).toEqual([]);
    expect(await w.say(SRI, "คะแนน ITA")).toHaveLength(1);
  });

  it("gives the digest back to the sender, for its own time, when the reply that carried it fails", async () => {
    const sendAt = new Date(NOW.getTime() + 60 * 60_000);
    const id = await pendingDigest("2026-11-24", sendAt);
    w.fake.failNext(1, 500, { paths: /reply/ });
    await w.say(SRI, "คะแนน ITA");
    expect(await outboxRow(id)).toEqual({
      status: "pending",
      next_attempt_at: sendAt,
      last_error: "the reply that carried it failed",
    });
  });
});
