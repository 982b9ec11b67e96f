import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PREFS } from "../../../core/measures/model.ts";
import { digestSlot, noticeSchedule, watermarkKey } from "../../../core/measures/plan.ts";
import { addDays } from "../../../core/thai/date.ts";
import { bangkokDate } from "../../../core/thai/fiscal-year.ts";
import type { DbHandle } from "../../../db/client.ts";
import { rng } from "../../../db/demo/generate.ts";
import { ValidationError } from "../../../db/errors.ts";
import { dueItemsAcrossAgencies, pendingReminders } from "../../../db/repositories/due-items.ts";
import { updateStep } from "../../../db/repositories/measure-steps.ts";
import { createMeasure } from "../../../db/repositories/measures.ts";
import { quietHourSettings, reminderRecipients } from "../../../db/repositories/member-prefs.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import type { Actor, AgencyScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";
import { type MeasuresFixture, openMeasuresDb } from "./measures-fixture.ts";

describe.each(DIALECTS)("due items across agencies on %s", (dialect) => {
  let h: DbHandle;
  let agencyA: number;
  let agencyB: number;
  let editor: AgencyScope;
  let other: AgencyScope;
  let m: MeasuresFixture["m"];
  const actor: Actor = { label: "member:editor" };

  beforeAll(async () => {
    ({ h, m, agencyA, agencyB, editor, other } = await openMeasuresDb(dialect));
  });
  afterAll(async () => {
    await h.close();
  });

  it("lists what is due across agencies with owners falling back to the measure's, then the admins", async () => {
    // Dates far from the other tests' so only these are in range.
    const year = 2574;
    const withStepOwner = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการ ก",
      ownerIds: [m.adminA],
      steps: [
        { title: "เจ้าของขั้นตอน", dueOn: "2031-01-10", ownerIds: [m.editorA] },
        { title: "ใช้เจ้าของมาตรการ", dueOn: "2031-01-11" },
        { title: "เสร็จแล้ว", dueOn: "2031-01-12", status: "done", doneOn: "2031-01-05" },
        { title: "ยกเลิก", dueOn: "2031-01-12", status: "cancelled" },
        { title: "นอกช่วง", dueOn: "2031-03-01" },
      ],
    });
    const noOwners = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการ ข",
      steps: [{ title: "ไม่มีเจ้าของ", dueOn: "2031-01-13" }],
    });
    const closed = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการที่ยกเลิก",
      status: "cancelled",
      steps: [{ title: "ไม่เตือน", dueOn: "2031-01-13" }],
    });
    // A step owned only by a member who left falls back to the measure's owners.
    const leftOwner = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการ ค",
      ownerIds: [m.editorA],
      steps: [{ title: "เจ้าของออกไปแล้ว", dueOn: "2031-01-14" }],
    });
    await h.db
      .insertInto("step_owners")
      .values({ step_id: leftOwner.steps[0]!.id, member_id: m.goneA, agency_id: agencyA })
      .execute();
    const stepB = await createMeasure(
      h.db,
      other,
      { label: "member:b" },
      {
        fiscalYear: year,
        title: "มาตรการของบี",
        steps: [{ title: "ขั้นตอนของบี", dueOn: "2031-01-10" }],
      },
    );
    await updateStep(h.db, editor, actor, noOwners.steps[0]!.id, { snoozedUntil: "2031-01-12" });

    const milestone = async (agencyId: number | null, title: string, dueOn: string) =>
      (
        await h.db
          .insertInto("milestones")
          .values({
            agency_id: agencyId,
            fiscal_year: year,
            title,
            due_on: dueOn,
            kind: "ita",
            created_by: "test",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const national = await milestone(null, "ประกาศผล ITA", "2031-01-15");
    const own = await milestone(agencyB, "ประชุมของบี", "2031-01-09");
    await milestone(null, "นอกช่วง", "2031-02-01");

    const items = await dueItemsAcrossAgencies(h.db, { from: "2031-01-09", to: "2031-01-31" });
    expect(items).toEqual([
      {
        key: `milestone:${own}`,
        agencyId: agencyB,
        title: "ประชุมของบี",
        dueOn: "2031-01-09",
        status: "not_started",
        ownerIds: [m.adminB],
        remindWhenLate: false,
      },
      {
        key: `step:${withStepOwner.steps[0]!.id}`,
        agencyId: agencyA,
        title: "เจ้าของขั้นตอน",
        measureTitle: "มาตรการ ก",
        dueOn: "2031-01-10",
        status: "not_started",
        ownerIds: [m.editorA],
      },
      {
        key: `step:${stepB.steps[0]!.id}`,
        agencyId: agencyB,
        title: "ขั้นตอนของบี",
        measureTitle: "มาตรการของบี",
        dueOn: "2031-01-10",
        status: "not_started",
        ownerIds: [m.adminB],
      },
      {
        key: `step:${withStepOwner.steps[1]!.id}`,
        agencyId: agencyA,
        title: "ใช้เจ้าของมาตรการ",
        measureTitle: "มาตรการ ก",
        dueOn: "2031-01-11",
        status: "not_started",
        ownerIds: [m.adminA],
      },
      {
        key: `step:${noOwners.steps[0]!.id}`,
        agencyId: agencyA,
        title: "ไม่มีเจ้าของ",
        measureTitle: "มาตรการ ข",
        dueOn: "2031-01-13",
        status: "not_started",
        ownerIds: [m.adminA, m.adminA2],
        snoozedUntil: "2031-01-12",
      },
      {
        key: `step:${leftOwner.steps[0]!.id}`,
        agencyId: agencyA,
        title: "เจ้าของออกไปแล้ว",
        measureTitle: "มาตรการ ค",
        dueOn: "2031-01-14",
        status: "not_started",
        ownerIds: [m.editorA],
      },
      {
        key: `milestone:${national}`,
        agencyId: agencyA,
        title: "ประกาศผล ITA",
        dueOn: "2031-01-15",
        status: "not_started",
        ownerIds: [m.adminA, m.adminA2],
        remindWhenLate: false,
      },
      {
        key: `milestone:${national}`,
        agencyId: agencyB,
        title: "ประกาศผล ITA",
        dueOn: "2031-01-15",
        status: "not_started",
        ownerIds: [m.adminB],
        remindWhenLate: false,
      },
    ]);
    expect(items.some((i) => i.title === closed.steps[0]!.title)).toBe(false);
    expect(await dueItemsAcrossAgencies(h.db, { from: "2031-01-16", to: "2031-01-31" })).toEqual([]);
    await expect(
      dueItemsAcrossAgencies(h.db, { from: "2031-13-01", to: "2031-01-31" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe.each(DIALECTS)("pending reminders on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it("are exactly the pairs of item and owner with a notice newer than the schedule's watermark", async () => {
    const random = rng(20261207);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const agencyId = (
      await h.db
        .insertInto("agencies")
        .values({
          code: "PEND1",
          name_th: "เทศบาลตำบลทดสอบ",
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    // Members with every kind of setting: lead days (none, far ones, the day only), quiet hours
    // around the planning instants, muted, unfollowed, never opened their settings.
    const settings: ({
      lead_days?: number[];
      quiet_start?: string;
      quiet_end?: string;
      muted?: boolean;
    } | null)[] = [
      null,
      {},
      { lead_days: [14, 3] },
      { lead_days: [0] },
      { lead_days: [] },
      { lead_days: [30, 7, 1, 0] },
      { quiet_start: "09:00", quiet_end: "12:00" },
      { quiet_start: "22:00", quiet_end: "06:00", lead_days: [2] },
      { muted: true },
    ];
    const members: number[] = [];
    for (const [i, prefs] of settings.entries()) {
      const id = (
        await h.db
          .insertInto("members")
          .values({ agency_id: agencyId, line_user_id: `Upend${i}`, role: i < 3 ? "admin" : "editor" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      members.push(id);
      if (prefs)
        await h.db
          .insertInto("member_prefs")
          .values({ member_id: id, agency_id: agencyId, ...prefs })
          .execute();
    }
    await h.db.insertInto("line_users").values({ line_user_id: "Upend1", following: false }).execute();
    const today = "2027-03-10";
    const measure = await createMeasure(
      h.db,
      { agencyId, role: "admin" },
      { label: "test" },
      {
        fiscalYear: 2570,
        title: "มาตรการทดสอบ",
        ownerIds: members,
        steps: Array.from({ length: 40 }, (_, i) => ({
          title: `ขั้นตอน ${i}`,
          dueOn: addDays(today, i * 3 - 80),
        })),
      },
    );
    for (const [i, offset] of [-3, 1, 5, 12, -4].entries()) {
      await h.db
        .insertInto("milestones")
        .values({
          agency_id: i % 2 ? agencyId : null,
          fiscal_year: 2570,
          title: `วันสำคัญ ${i}`,
          due_on: addDays(today, offset),
          kind: "ita",
          created_by: "test",
        })
        .execute();
    }
    // Notices already recorded: for some pairs, one of their schedule's days (or another day).
    const items = await dueItemsAcrossAgencies(h.db, { from: addDays(today, -400), to: addDays(today, 31) });
    const prefs = await reminderRecipients(h.db, members);
    let n = 0;
    for (const item of items) {
      for (const memberId of item.ownerIds) {
        if (random() < 0.3) continue;
        const schedule = noticeSchedule(
          prefs.get(memberId)!.prefs,
          item,
          addDays(today, pick([-7, -1, 0, 1])),
        );
        const day =
          schedule.length && random() < 0.8 ? pick(schedule).day : addDays(item.dueOn, pick([-20, 3, 40]));
        const [type, id] = item.key.split(":") as ["step" | "milestone", string];
        await h.db
          .insertInto("notices")
          .values({
            dedupe_key: `recorded|${n++}`,
            agency_id: agencyId,
            member_id: memberId,
            item_key: item.key,
            step_id: type === "step" ? Number(id) : null,
            milestone_id: type === "milestone" ? Number(id) : null,
            kind: "lead",
            day,
            due_on: item.dueOn,
          })
          .execute();
      }
    }
    // One member already has today's digest.
    const outboxId = await enqueueMessage(h.db, {
      agencyId,
      memberId: members[2]!,
      recipients: ["Upend2"],
      kind: "digest",
      day: today,
      payload: [],
      sendAt: new Date(`${today}T09:00:00+07:00`),
      naturalKey: "pending-test",
    });
    await h.db
      .insertInto("notices")
      .values({
        dedupe_key: "digested",
        agency_id: agencyId,
        member_id: members[2]!,
        item_key: `step:${measure.steps[0]!.id}`,
        step_id: measure.steps[0]!.id,
        kind: "lead",
        day: "2000-01-01",
        due_on: "2000-01-08",
        outbox_id: outboxId!,
      })
      .execute();

    for (const time of ["07:30", "10:00", "21:00", "23:30"]) {
      const now = new Date(`${today}T${time}:00+07:00`);
      const slots = (await quietHourSettings(h.db)).map((q) => ({ ...q, day: digestSlot(q, now).day }));
      const query = {
        from: addDays(today, -400),
        to: addDays(today, 31),
        today: bangkokDate(now),
        slots,
        defaults: DEFAULT_PREFS,
      };
      const got = await pendingReminders(h.db, query);

      // The reference: every item and owner as dueItemsAcrossAgencies lists them, kept when the
      // schedule's newest notice by the member's digest day is newer than the newest recorded.
      const recorded = new Map<string, string>();
      for (const r of await h.db
        .selectFrom("notices")
        .select(["member_id", "item_key", "due_on", "day"])
        .execute()) {
        const key = watermarkKey(r.member_id, r.item_key, r.due_on);
        if (!recorded.has(key) || r.day > recorded.get(key)!) recorded.set(key, r.day);
      }
      const expected: string[] = [];
      for (const item of await dueItemsAcrossAgencies(h.db, { from: query.from, to: query.to })) {
        for (const memberId of item.ownerIds) {
          const member = prefs.get(memberId)!.prefs;
          if (member.muted) continue;
          const day = digestSlot(member, now).day;
          if (memberId === members[2] && day === today) continue;
          if (item.remindWhenLate === false && addDays(item.dueOn, 3) < today) continue;
          const latest = noticeSchedule(member, item, day).at(-1);
          const mark = recorded.get(watermarkKey(memberId, item.key, item.dueOn));
          if (latest !== undefined && (mark === undefined || latest.day > mark))
            expected.push(`${item.key} m${memberId}`);
        }
      }
      const pairs = got.items.map((i) => `${i.key} m${i.ownerIds[0]}`);
      expect(pairs.sort(), time).toEqual(expected.sort());
      expect(pairs.length, time).toBeGreaterThan(10);
      for (const i of got.items) {
        const key = watermarkKey(i.ownerIds[0]!, i.key, i.dueOn);
        expect(got.watermarks.get(key), key).toBe(recorded.get(key));
      }
    }
  });
});
