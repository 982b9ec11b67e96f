import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { claimDigestsForReply, markDigestsReplied } from "../../../db/repositories/digest-replies.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

const NOW = new Date("2026-11-25T07:00:00+07:00");
const TODAY = "2026-11-25";

describe.each(DIALECTS)("digests carried by replies on %s", (dialect) => {
  let h: DbHandle;
  let agencyId: number;
  let me: number;
  let coOwner: number;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    ({ id: agencyId } = await h.db
      .insertInto("agencies")
      .values({ code: "DR1", name_th: "อบต.ตอบกลับ", agency_type: "อบต.", province: "เลย", district: "เมือง" })
      .returning("id")
      .executeTakeFirstOrThrow());
    ({ id: me } = await h.db
      .insertInto("members")
      .values({ agency_id: agencyId, line_user_id: "Ume", role: "editor" })
      .returning("id")
      .executeTakeFirstOrThrow());
    ({ id: coOwner } = await h.db
      .insertInto("members")
      .values({ agency_id: agencyId, line_user_id: "Uco", role: "editor" })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  beforeEach(async () => {
    await h.db.deleteFrom("outbox").execute();
  });
  afterAll(async () => {
    await h.close();
  });

  const digest = (memberId: number | undefined, day: string, recipients = ["Ume"]) =>
    enqueueMessage(h.db, {
      agencyId,
      ...(memberId !== undefined ? { memberId } : {}),
      recipients,
      kind: "digest",
      day,
      payload: [{ type: "text", text: `digest ${day}` }],
      sendAt: new Date(`${day}T08:00:00+07:00`),
      naturalKey: `digest|${memberId ?? recipients.join(",")}|${day}`,
    });
  const statusOf = async (id: string | undefined) =>
    await h.db
      .selectFrom("outbox")
      .select(["status", "last_error"])
      .where("id", "=", id!)
      .executeTakeFirstOrThrow();

  it("takes the member's own digest of today, waiting for the end of quiet hours, and marks it sending", async () => {
    const id = await digest(me, TODAY);
    const claimed = await claimDigestsForReply(h.db, [me], TODAY, NOW, 4);
    expect(claimed).toEqual([
      { id, payload: [{ type: "text", text: `digest ${TODAY}` }], sendAt: new Date(`${TODAY}T01:00:00Z`) },
    ]);
    expect(await statusOf(id)).toMatchObject({ status: "sending" });
    // Taken once: a second reply, or the sender, does not get it again.
    expect(await claimDigestsForReply(h.db, [me], TODAY, NOW, 4)).toEqual([]);
    await markDigestsReplied(h.db, [id!], NOW);
    expect(await statusOf(id)).toEqual({ status: "sent", last_error: "delivered in a reply" });
  });

  it("leaves tomorrow's digest, a co-owners' multicast, others' digests and any the sender has tried", async () => {
    await digest(me, "2026-11-26");
    await digest(undefined, TODAY, ["Ume", "Uco"]);
    await digest(coOwner, TODAY, ["Uco"]);
    const tried = await digest(me, "2026-11-24");
    await h.db.updateTable("outbox").set({ attempts: 1 }).where("id", "=", tried!).execute();
    expect(await claimDigestsForReply(h.db, [me], TODAY, NOW, 4)).toEqual([]);
  });

  it("takes no more than there is room for, oldest first", async () => {
    const older = await digest(me, "2026-11-24");
    await digest(me, TODAY);
    expect((await claimDigestsForReply(h.db, [me], TODAY, NOW, 1)).map((d) => d.id)).toEqual([older]);
    expect(await claimDigestsForReply(h.db, [me], TODAY, NOW, 0)).toEqual([]);
    expect(await claimDigestsForReply(h.db, [], TODAY, NOW, 4)).toEqual([]);
  });
});
