import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestMarker } from "../../../core/measures/plan.ts";
import type { DbHandle } from "../../../db/client.ts";
import {
  itemReference,
  type NoticeRecord,
  recordedNoticeKeys,
  recordNotices,
} from "../../../db/repositories/notices.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("notices on %s", (dialect) => {
  let h: DbHandle;
  let agencyId: number;
  let somchai: number;
  let outboxId: string;
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
    somchai = (
      await h.db
        .insertInto("members")
        .values({ agency_id: agencyId, line_user_id: "Unotices-somchai", role: "editor" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    outboxId = (await enqueueMessage(h.db, {
      agencyId,
      memberId: somchai,
      recipients: ["Unotices-somchai"],
      kind: "digest",
      day: "2025-03-24",
      payload: [],
      sendAt: new Date("2025-03-24T09:00:00+07:00"),
      naturalKey: `digest|${somchai}|2025-03-24`,
    }))!;
  });
  afterAll(async () => {
    await h.close();
  });

  const notice = (
    itemKey: string,
    kind: NoticeRecord["kind"],
    offset: number,
    dueOn: string,
  ): NoticeRecord => ({
    dedupeKey: `${somchai}|${itemKey}|${kind}|${offset}|${dueOn}`,
    agencyId,
    memberId: somchai,
    itemKey,
    kind,
    day: dueOn,
    dueOn,
    outboxId,
  });

  it("records each notice with its item as a typed reference, its due date and its digest", async () => {
    await recordNotices(h.db, [
      notice("step:1", "due", 0, "2025-03-24"),
      notice("milestone:7", "due", 0, "2025-03-24"),
    ]);
    const rows = await h.db
      .selectFrom("notices")
      .select(["item_key", "step_id", "milestone_id", "due_on", "outbox_id", "superseded"])
      .orderBy("item_key")
      .execute();
    expect(rows.map((r) => ({ ...r, outbox_id: String(r.outbox_id) }))).toEqual([
      {
        item_key: "milestone:7",
        step_id: null,
        milestone_id: 7,
        due_on: "2025-03-24",
        outbox_id: outboxId,
        superseded: false,
      },
      {
        item_key: "step:1",
        step_id: 1,
        milestone_id: null,
        due_on: "2025-03-24",
        outbox_id: outboxId,
        superseded: false,
      },
    ]);
  });

  it("refuses to record a notice twice", async () => {
    await expect(recordNotices(h.db, [notice("step:1", "due", 0, "2025-03-24")])).rejects.toThrow();
  });

  it("records more notices than one statement may carry (65,535 parameters), in batches", async () => {
    // 10 columns a row: 10,000 rows would be 100,000 parameters in one INSERT.
    const many = Array.from({ length: 10_000 }, (_, i) =>
      notice(`step:${1000 + i}`, "overdue", 7, "2025-01-06"),
    );
    await recordNotices(h.db, many);
    const { n } = await h.db
      .selectFrom("notices")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("due_on", "=", "2025-01-06")
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(10_000);
  });

  it("gives the push forecast the keys recorded and each member's digests, a shared one for each of them", async () => {
    const member = async (lineUserId: string) =>
      (
        await h.db
          .insertInto("members")
          .values({ agency_id: agencyId, line_user_id: lineUserId, role: "editor" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const somsri = await member("Unotices-somsri");
    const other = await member("Unotices-other");
    const shared = (await enqueueMessage(h.db, {
      agencyId,
      recipients: ["Unotices-somsri", "Unotices-other"],
      kind: "digest",
      day: "2025-03-25",
      payload: [],
      sendAt: new Date("2025-03-25T09:00:00+07:00"),
      naturalKey: `digest|${somsri},${other}|2025-03-25`,
    }))!;
    const due = (memberId: number): NoticeRecord => ({
      dedupeKey: `${memberId}|step:2|due|0|2025-03-25`,
      agencyId,
      memberId,
      itemKey: "step:2",
      kind: "due",
      day: "2025-03-25",
      dueOn: "2025-03-25",
      outboxId: shared,
    });
    await recordNotices(h.db, [due(somsri), due(other)]);
    expect(await recordedNoticeKeys(h.db, [other], "2025-03-01")).toEqual(
      new Set([due(other).dedupeKey, digestMarker(other, "2025-03-25")]),
    );
    // Before the window, or nobody asked about: nothing.
    expect(await recordedNoticeKeys(h.db, [somchai], "2025-03-25")).toEqual(new Set());
    expect(await recordedNoticeKeys(h.db, [], "2000-01-01")).toEqual(new Set());
  });

  it("knows only the planner's item keys", () => {
    expect(itemReference("step:12")).toEqual({ step_id: 12, milestone_id: null });
    expect(itemReference("milestone:4")).toEqual({ step_id: null, milestone_id: 4 });
    expect(() => itemReference("step:12x")).toThrow(/not an item key/);
  });
});
