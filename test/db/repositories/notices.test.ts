import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestMarker } from "../../../core/measures/plan.ts";
import type { DbHandle } from "../../../db/client.ts";
import {
  type NoticeRecord,
  recordedNoticeKeys,
  recordPlannedNotices,
  recordSupersededNotices,
} from "../../../db/repositories/notices.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("notices on %s", (dialect) => {
  let h: DbHandle;
  let agencyId: number;
  let somchai: number;
  let somsri: number;
  let other: number;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    agencyId = (
      await h.db
        .insertInto("agencies")
        .values({
          code: "NTC1",
          name_th: "เทศบาลตำบลทดสอบ",
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const member = async (lineUserId: string) =>
      (
        await h.db
          .insertInto("members")
          .values({ agency_id: agencyId, line_user_id: lineUserId, role: "editor" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    somchai = await member("Unotices-somchai");
    somsri = await member("Unotices-somsri");
    other = await member("Unotices-other");
  });
  afterAll(async () => {
    await h.close();
  });

  const notice = (
    memberId: number,
    itemKey: string,
    kind: NoticeRecord["kind"],
    day: string,
  ): NoticeRecord => ({
    dedupeKey: `${memberId}|${itemKey}|${kind}|${day}`,
    agencyId,
    memberId,
    itemKey,
    kind,
    day,
  });
  const digest = async (memberIds: number[], day: string) => {
    const id = await enqueueMessage(h.db, {
      agencyId,
      ...(memberIds.length === 1 ? { memberId: memberIds[0]! } : {}),
      recipients: memberIds.map((m) => `U${m}`),
      kind: "digest",
      day,
      payload: [],
      sendAt: new Date(`${day}T09:00:00+07:00`),
      naturalKey: `digest|${memberIds.join(",")}|${day}`,
    });
    return id!;
  };

  it("remembers planned notices and the digest they went in, for each member", async () => {
    const outbox = await digest([somchai], "2025-03-24");
    const planned = notice(somchai, "step:1", "lead", "2025-03-24");
    await recordPlannedNotices(h.db, outbox, [planned]);
    const keys = await recordedNoticeKeys(h.db, [somchai, somsri], "2025-03-01");
    expect(keys).toEqual(new Set([planned.dedupeKey, digestMarker(somchai, "2025-03-24")]));
  });

  it("finds a multicast digest shared by co-owners for each of them", async () => {
    const outbox = await digest([somsri, other], "2025-03-25");
    await recordPlannedNotices(h.db, outbox, [
      notice(somsri, "step:2", "due", "2025-03-25"),
      notice(other, "step:2", "due", "2025-03-25"),
    ]);
    const keys = await recordedNoticeKeys(h.db, [other], "2025-03-25");
    expect(keys).toEqual(new Set([`${other}|step:2|due|2025-03-25`, digestMarker(other, "2025-03-25")]));
  });

  it("forgets what lies before the window and what belongs to other members", async () => {
    expect(await recordedNoticeKeys(h.db, [somchai], "2025-03-25")).toEqual(new Set());
    expect(await recordedNoticeKeys(h.db, [], "2000-01-01")).toEqual(new Set());
  });

  it("refuses to record a planned notice twice", async () => {
    const outbox = await digest([somchai], "2025-03-26");
    await expect(
      recordPlannedNotices(h.db, outbox, [notice(somchai, "step:1", "lead", "2025-03-24")]),
    ).rejects.toThrow();
  });

  it("records superseded notices as done without touching one already planned", async () => {
    const superseded = notice(somsri, "step:3", "lead", "2025-03-20");
    await recordSupersededNotices(h.db, [superseded, notice(somchai, "step:1", "lead", "2025-03-24")]);
    await recordSupersededNotices(h.db, [superseded]);
    const rows = await h.db
      .selectFrom("notices")
      .select(["dedupe_key", "superseded", "outbox_id"])
      .where("dedupe_key", "in", [superseded.dedupeKey, `${somchai}|step:1|lead|2025-03-24`])
      .execute();
    expect(
      Object.fromEntries(
        rows.map((r) => [r.dedupe_key, { superseded: r.superseded, sent: r.outbox_id !== null }]),
      ),
    ).toEqual({
      [`${somchai}|step:1|lead|2025-03-24`]: { superseded: false, sent: true },
      [superseded.dedupeKey]: { superseded: true, sent: false },
    });
    expect(await recordedNoticeKeys(h.db, [somsri], "2025-03-01")).toContain(superseded.dedupeKey);
  });
});
