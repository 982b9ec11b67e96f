import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import { claimWebhookEvents } from "../../../db/repositories/webhook-events.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

const event = (id: string, userId?: string, isRedelivery = false) => ({
  webhookEventId: id,
  type: "message",
  ...(userId ? { source: { userId } } : {}),
  deliveryContext: { isRedelivery },
});

describe.each(DIALECTS)("webhook event claims on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const agency = await h.db
      .insertInto("agencies")
      .values({
        code: "WH1",
        name_th: "เทศบาลตำบลทดสอบ",
        agency_type: "เทศบาลตำบล",
        province: "เลย",
        district: "ด่านซ้าย",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto("members")
      .values({ agency_id: agency.id, line_user_id: "Umember", role: "viewer", display_name: null })
      .execute();
  });
  afterAll(async () => {
    await h.close();
  });

  it("claims each event id once, across batches", async () => {
    const first = await claimWebhookEvents(h.db, [event("E1", "Ux"), event("E2", "Ux")]);
    expect([...first.keys()].sort()).toEqual(["E1", "E2"]);
    const again = await claimWebhookEvents(h.db, [event("E2", "Ux", true), event("E3", "Ux")]);
    expect([...again.keys()]).toEqual(["E3"]);
  });

  it("returns the sender's memberships with each fresh event, and none for strangers", async () => {
    const claimed = await claimWebhookEvents(h.db, [
      event("E10", "Umember"),
      event("E11", "Ustranger"),
      event("E12"),
    ]);
    expect(claimed.get("E10")).toMatchObject({
      memberships: [{ agencyCode: "WH1", role: "viewer", agencyName: "เทศบาลตำบลทดสอบ" }],
      hasHeld: false,
    });
    expect(claimed.get("E11")).toEqual({ memberships: [], hasHeld: false, hasDueDigest: false });
    expect(claimed.get("E12")).toEqual({ memberships: [], hasHeld: false, hasDueDigest: false });
  });

  it("says in the same round trip whether the sender has reminders held by the quota", async () => {
    const agency = await h.db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", "WH1")
      .executeTakeFirstOrThrow();
    await enqueueMessage(h.db, {
      agencyId: agency.id,
      recipients: ["Umember"],
      kind: "status_update",
      day: "2026-11-25",
      payload: [{ type: "text", text: "x" }],
      sendAt: new Date(),
      naturalKey: "held-claim",
    });
    await h.db.updateTable("outbox").set({ status: "held" }).execute();
    const held = await claimWebhookEvents(h.db, [event("E20", "Umember"), event("E21", "Ustranger")]);
    expect(held.get("E20")!.hasHeld).toBe(true);
    expect(held.get("E21")!.hasHeld).toBe(false);
  });

  it("says in the same round trip whether the sender has a digest of their own not pushed yet", async () => {
    const member = await h.db
      .selectFrom("members")
      .select(["id", "agency_id"])
      .where("line_user_id", "=", "Umember")
      .executeTakeFirstOrThrow();
    const before = await claimWebhookEvents(h.db, [event("E30", "Umember")]);
    expect(before.get("E30")!.hasDueDigest).toBe(false);
    await enqueueMessage(h.db, {
      agencyId: member.agency_id,
      memberId: member.id,
      recipients: ["Umember"],
      kind: "digest",
      day: "2026-11-26",
      payload: [{ type: "text", text: "digest" }],
      sendAt: new Date("2026-11-26T01:00:00Z"),
      naturalKey: "digest|due-claim",
    });
    const after = await claimWebhookEvents(h.db, [event("E31", "Umember"), event("E32", "Ustranger")]);
    expect(after.get("E31")!.hasDueDigest).toBe(true);
    expect(after.get("E32")!.hasDueDigest).toBe(false);
    // One the sender has tried may have reached LINE: it is not a rider.
    await h.db.updateTable("outbox").set({ attempts: 1 }).where("kind", "=", "digest").execute();
    expect((await claimWebhookEvents(h.db, [event("E33", "Umember")])).get("E33")!.hasDueDigest).toBe(false);
  });
});
