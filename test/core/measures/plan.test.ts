import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREFS,
  type Digest,
  type DueItem,
  type MeasureStatus,
  type MemberPrefs,
} from "../../../core/measures/model.ts";
import {
  digestMarker,
  noticeKey,
  noticeSchedule,
  type PlanResult,
  planNotices,
  watermarkKey,
} from "../../../core/measures/plan.ts";
import { bangkokDate } from "../../../core/thai/fiscal-year.ts";

/** An instant given in Bangkok wall-clock time. */
function bkk(day: string, hhmm = "09:00"): Date {
  return new Date(`${day}T${hhmm}:00+07:00`);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function member(memberId: number, prefs: Partial<MemberPrefs> = {}): MemberPrefs {
  return { ...DEFAULT_PREFS, frequency: "daily", memberId, lineUserId: `U${memberId}`, ...prefs };
}

function item(key: string, dueOn: string, fields: Partial<DueItem> = {}): DueItem {
  return { key, agencyId: 1, title: key, dueOn, status: "in_progress", ownerIds: [1], ...fields };
}

/** Plays the caller: records every planned key, superseded key and digest marker after each run. */
class Caller {
  readonly sent = new Set<string>();
  readonly digests: Digest[] = [];
  readonly superseded: string[] = [];

  run(items: DueItem[], members: MemberPrefs[], now: Date): PlanResult {
    const result = planNotices({ items, members, now, sent: this.sent });
    for (const digest of result.digests) {
      this.digests.push(digest);
      this.sent.add(digestMarker(digest.memberId, digest.day));
      for (const notice of digest.notices) this.sent.add(notice.dedupeKey);
    }
    for (const key of result.superseded) {
      this.superseded.push(key);
      this.sent.add(key);
    }
    return result;
  }

  /** One run a day at the same Bangkok time, from `from` to `to` inclusive. */
  daily(items: DueItem[] | ((day: string) => DueItem[]), members: MemberPrefs[], from: string, to: string) {
    for (let day = from; day <= to; day = addDays(day, 1)) {
      this.run(typeof items === "function" ? items(day) : items, members, bkk(day));
    }
  }

  /** What each member received, as "day member kind+offset item". */
  log(): string[] {
    return this.digests.flatMap((d) =>
      d.notices.map((n) => `${d.day} m${d.memberId} ${n.kind}${n.offsetDays} ${n.itemKey}`),
    );
  }
}

const alice = member(1);

describe("planNotices: the default schedule", () => {
  it("reminds 7 days before, the day before, on the day, then every 7 days while overdue", () => {
    const caller = new Caller();
    caller.daily([item("step:1", "2025-06-20")], [alice], "2025-06-01", "2025-07-10");
    expect(caller.log()).toEqual([
      "2025-06-13 m1 lead7 step:1",
      "2025-06-19 m1 lead1 step:1",
      "2025-06-20 m1 due0 step:1",
      "2025-06-27 m1 overdue7 step:1",
      "2025-07-04 m1 overdue14 step:1",
    ]);
    expect(caller.superseded).toEqual([]);
  });

  it("gives each notice a dedupe key naming member, item, kind, offset and due date", () => {
    const { digests } = planNotices({
      items: [item("step:1", "2025-06-20")],
      members: [alice],
      now: bkk("2025-06-13"),
    });
    expect(digests).toEqual([
      {
        memberId: 1,
        lineUserId: "U1",
        day: "2025-06-13",
        sendAt: bkk("2025-06-13"),
        notices: [
          {
            memberId: 1,
            itemKey: "step:1",
            kind: "lead",
            offsetDays: 7,
            day: "2025-06-13",
            dedupeKey: "1|step:1|lead|7|2025-06-20",
          },
        ],
      },
    ]);
    expect(noticeKey(1, "step:1", "lead", 7, "2025-06-20")).toBe("1|step:1|lead|7|2025-06-20");
  });

  it("stops once the item is done or cancelled", () => {
    const caller = new Caller();
    const items = (day: string) => [
      item("step:1", "2025-06-20", { status: day >= "2025-06-25" ? "done" : "in_progress" }),
      item("step:2", "2025-06-20", { status: day >= "2025-06-15" ? "cancelled" : "not_started" }),
    ];
    caller.daily(items, [alice], "2025-06-01", "2025-07-31");
    expect(caller.log()).toEqual([
      "2025-06-13 m1 lead7 step:1",
      "2025-06-13 m1 lead7 step:2",
      "2025-06-19 m1 lead1 step:1",
      "2025-06-20 m1 due0 step:1",
    ]);
  });

  it("uses the member's own lead days", () => {
    const caller = new Caller();
    const bob = member(2, { leadDays: [14, 3] });
    caller.daily([item("step:1", "2025-06-20", { ownerIds: [2] })], [bob], "2025-06-01", "2025-06-30");
    expect(caller.log()).toEqual([
      "2025-06-06 m2 lead14 step:1",
      "2025-06-17 m2 lead3 step:1",
      "2025-06-27 m2 overdue7 step:1",
    ]);
  });

  it("never sends a reminder for a lead day added after a nearer reminder went out", () => {
    const caller = new Caller();
    const items = [item("step:1", "2025-06-20")];
    caller.run(items, [alice], bkk("2025-06-13"));
    const run = caller.run(items, [member(1, { leadDays: [14, 7, 1, 0] })], bkk("2025-06-14"));
    expect(run).toEqual({ digests: [], superseded: ["1|step:1|lead|14|2025-06-20"] });
  });

  it("sends nothing to muted or unknown members, and everything to each owner", () => {
    const caller = new Caller();
    const items = [item("step:1", "2025-06-20", { ownerIds: [1, 2, 3, 1] })];
    caller.run(items, [alice, member(2, { muted: true })], bkk("2025-06-13"));
    expect(caller.log()).toEqual(["2025-06-13 m1 lead7 step:1"]);
  });

  it("brings an unmuted member up to date with the latest notice only", () => {
    const caller = new Caller();
    const items = [item("step:1", "2025-06-20", { ownerIds: [2] })];
    caller.daily(items, [member(2, { muted: true })], "2025-06-10", "2025-06-21");
    expect(caller.log()).toEqual([]);
    caller.run(items, [member(2)], bkk("2025-06-22"));
    expect(caller.log()).toEqual(["2025-06-22 m2 due0 step:1"]);
    expect(caller.superseded).toEqual(["2|step:1|lead|7|2025-06-20", "2|step:1|lead|1|2025-06-20"]);
  });
});

describe("planNotices: quiet hours", () => {
  const items = [item("step:1", "2025-06-20")];

  it("defers a digest planned at 21:30 to 08:00 the next day", () => {
    const { digests } = planNotices({ items, members: [alice], now: bkk("2025-06-13", "21:30") });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.sendAt.toISOString()).toBe("2025-06-14T01:00:00.000Z");
    expect(digests[0]!.day).toBe("2025-06-14");
    expect(digests[0]!.notices.map((n) => n.kind)).toEqual(["lead"]);
  });

  it("defers a digest planned at 06:00 to 08:00 the same day", () => {
    const { digests } = planNotices({ items, members: [alice], now: bkk("2025-06-13", "06:00") });
    expect(digests[0]!.sendAt.toISOString()).toBe("2025-06-13T01:00:00.000Z");
    expect(digests[0]!.day).toBe("2025-06-13");
  });

  it("sends at once outside quiet hours, and at 08:00 and 19:59 exactly", () => {
    for (const hhmm of ["08:00", "12:00", "19:59"]) {
      const now = bkk("2025-06-13", hhmm);
      const { digests } = planNotices({ items, members: [alice], now });
      expect(digests[0]!.sendAt).toEqual(now);
    }
    const { digests } = planNotices({ items, members: [alice], now: bkk("2025-06-13", "20:00") });
    expect(digests[0]!.sendAt).toEqual(bkk("2025-06-14", "08:00"));
  });

  it("puts tomorrow's notices in a digest planned tonight for tomorrow morning", () => {
    const caller = new Caller();
    caller.run(items, [alice], bkk("2025-06-12", "21:30"));
    expect(caller.log()).toEqual(["2025-06-13 m1 lead7 step:1"]);
    expect(caller.digests[0]!.sendAt).toEqual(bkk("2025-06-13", "08:00"));
    // The morning run finds nothing new: no second digest is pushed to the day after.
    expect(caller.run(items, [alice], bkk("2025-06-13", "08:00"))).toEqual({ digests: [], superseded: [] });
  });

  it("follows the member's own quiet hours, including ones that do not wrap midnight", () => {
    const carol = member(3, { quietStart: "12:00", quietEnd: "13:30" });
    const owned = [item("step:1", "2025-06-20", { ownerIds: [3] })];
    const { digests } = planNotices({ items: owned, members: [carol], now: bkk("2025-06-13", "12:15") });
    expect(digests[0]!.sendAt).toEqual(bkk("2025-06-13", "13:30"));
    const late = planNotices({ items: owned, members: [carol], now: bkk("2025-06-13", "22:00") });
    expect(late.digests[0]!.sendAt).toEqual(bkk("2025-06-13", "22:00"));
  });
});

describe("calendar dates", () => {
  it("are reminded before and on their day, never chased after it, since nobody can mark one done", () => {
    const date = item("milestone:7", "2025-06-13", { remindWhenLate: false });
    expect(noticeSchedule(alice, date, "2025-09-30").map((n) => n.kind)).toEqual(["lead", "lead", "due"]);
    const step = item("step:7", "2025-06-13");
    expect(noticeSchedule(alice, step, "2025-07-01").map((n) => n.kind)).toEqual([
      "lead",
      "lead",
      "due",
      "overdue",
      "overdue",
    ]);
  });

  it("still send a due-day notice missed while the server was down, once, late", () => {
    const caller = new Caller();
    const date = [item("milestone:7", "2025-06-13", { remindWhenLate: false })];
    const late = caller.run(date, [alice], bkk("2025-06-16", "09:00"));
    expect(late.digests.map((d) => d.notices.map((n) => `${n.kind}${n.offsetDays}`))).toEqual([["due0"]]);
    expect(caller.run(date, [alice], bkk("2025-06-23", "09:00")).digests).toEqual([]);
  });

  it("say nothing of a date long gone when it first appears (a year's usual dates filled in late)", () => {
    const gone = [item("milestone:8", "2025-06-01", { remindWhenLate: false })];
    expect(planNotices({ items: gone, members: [alice], now: bkk("2025-06-13", "09:00") }).digests).toEqual(
      [],
    );
  });
});

describe("planNotices: once, and once a day", () => {
  it("plans nothing new on a second run the same day", () => {
    const caller = new Caller();
    const items = [item("step:1", "2025-06-20"), item("step:2", "2025-06-14")];
    const first = caller.run(items, [alice], bkk("2025-06-13", "09:00"));
    expect(first.digests).toHaveLength(1);
    expect(caller.run(items, [alice], bkk("2025-06-13", "09:00"))).toEqual({ digests: [], superseded: [] });
    expect(caller.run(items, [alice], bkk("2025-06-13", "15:00"))).toEqual({ digests: [], superseded: [] });
  });

  it("merges one member's notices for several items into one digest, nearest due date first", () => {
    const bob = member(2);
    const items = [
      item("step:3", "2025-06-20", { ownerIds: [1, 2] }),
      item("step:1", "2025-06-14"),
      item("milestone:2", "2025-06-13"),
      item("step:2", "2025-06-13"),
    ];
    const { digests } = planNotices({ items, members: [bob, alice], now: bkk("2025-06-13") });
    expect(
      digests.map((d) => [d.memberId, d.day, d.notices.map((n) => `${n.kind}${n.offsetDays} ${n.itemKey}`)]),
    ).toEqual([
      [1, "2025-06-13", ["due0 milestone:2", "due0 step:2", "lead1 step:1", "lead7 step:3"]],
      [2, "2025-06-13", ["lead7 step:3"]],
    ]);
  });

  it("keeps what comes up after today's digest for tomorrow's, never a second one today", () => {
    const caller = new Caller();
    const morning = [item("step:1", "2025-06-20")];
    caller.run(morning, [alice], bkk("2025-06-13", "09:00"));
    // Added in the afternoon: due today, and due tomorrow.
    const afternoon = [...morning, item("step:2", "2025-06-13"), item("step:3", "2025-06-14")];
    expect(caller.run(afternoon, [alice], bkk("2025-06-13", "14:00"))).toEqual({
      digests: [],
      superseded: [],
    });
    caller.run(afternoon, [alice], bkk("2025-06-14", "09:00"));
    expect(caller.log()).toEqual([
      "2025-06-13 m1 lead7 step:1",
      "2025-06-14 m1 due0 step:2",
      "2025-06-14 m1 due0 step:3",
    ]);
    expect(caller.superseded).toEqual([
      "1|step:2|lead|7|2025-06-13",
      "1|step:2|lead|1|2025-06-13",
      "1|step:3|lead|7|2025-06-14",
      "1|step:3|lead|1|2025-06-14",
    ]);
  });

  it("sends each notice on its own day when the planner runs every hour", () => {
    const caller = new Caller();
    const items = (at: Date) => [
      item("step:1", "2025-06-14"),
      ...(at >= bkk("2025-06-13", "14:00") ? [item("step:2", "2025-06-13")] : []),
    ];
    for (
      let at = bkk("2025-06-13", "00:00");
      at < bkk("2025-06-16", "00:00");
      at = new Date(at.getTime() + 3_600_000)
    ) {
      caller.run(items(at), [alice], at);
    }
    expect(
      caller.digests.map((d) => [d.sendAt, d.notices.map((n) => `${n.kind}${n.offsetDays} ${n.itemKey}`)]),
    ).toEqual([
      [bkk("2025-06-13", "08:00"), ["lead1 step:1"]],
      // step:2 came after the day's digest; the 20:00 run plans it with tomorrow's notices.
      [bkk("2025-06-14", "08:00"), ["due0 step:2", "due0 step:1"]],
    ]);
  });

  it("after a skipped week, sends the latest notice once and supersedes the rest", () => {
    const caller = new Caller();
    const items = [item("step:1", "2025-06-20")];
    caller.run(items, [alice], bkk("2025-06-12"));
    expect(caller.log()).toEqual([]);
    const late = caller.run(items, [alice], bkk("2025-06-22"));
    expect(late.digests.flatMap((d) => d.notices.map((n) => n.dedupeKey))).toEqual([
      "1|step:1|due|0|2025-06-20",
    ]);
    expect(late.superseded).toEqual(["1|step:1|lead|7|2025-06-20", "1|step:1|lead|1|2025-06-20"]);
    expect(caller.run(items, [alice], bkk("2025-06-23"))).toEqual({ digests: [], superseded: [] });
    caller.daily(items, [alice], "2025-06-24", "2025-06-30");
    expect(caller.log()).toEqual(["2025-06-22 m1 due0 step:1", "2025-06-27 m1 overdue7 step:1"]);
  });

  it("still sends a late day-before notice when the member has no due-day notice", () => {
    const caller = new Caller();
    const dan = member(4, { leadDays: [7, 1] });
    const items = [item("step:1", "2025-06-20", { ownerIds: [4] })];
    caller.run(items, [dan], bkk("2025-06-13"));
    caller.run(items, [dan], bkk("2025-06-21"));
    expect(caller.log()).toEqual(["2025-06-13 m4 lead7 step:1", "2025-06-21 m4 lead1 step:1"]);
  });
});

describe("planNotices: snooze and moved deadlines", () => {
  it("holds a snoozed item until the snooze date, then sends the latest notice", () => {
    const caller = new Caller();
    const items = (day: string) => [
      item("step:1", "2025-06-20", day === "2025-06-20" ? { snoozedUntil: "2025-06-21" } : {}),
    ];
    caller.daily(items, [alice], "2025-06-13", "2025-06-22");
    expect(caller.log()).toEqual([
      "2025-06-13 m1 lead7 step:1",
      "2025-06-19 m1 lead1 step:1",
      "2025-06-21 m1 due0 step:1",
    ]);
  });

  it("gives a moved deadline a fresh schedule", () => {
    const caller = new Caller();
    const items = (day: string) => [item("step:1", day < "2025-06-21" ? "2025-06-20" : "2025-06-30")];
    caller.daily(items, [alice], "2025-06-10", "2025-07-01");
    expect(caller.log()).toEqual([
      "2025-06-13 m1 lead7 step:1",
      "2025-06-19 m1 lead1 step:1",
      "2025-06-20 m1 due0 step:1",
      "2025-06-23 m1 lead7 step:1",
      "2025-06-29 m1 lead1 step:1",
      "2025-06-30 m1 due0 step:1",
    ]);
    expect(caller.digests.at(-1)!.notices[0]!.dedupeKey).toBe("1|step:1|due|0|2025-06-30");
  });

  it("sends a deadline moved nearer its nearest notice at once", () => {
    const caller = new Caller();
    const items = (day: string) => [item("step:1", day < "2025-06-15" ? "2025-06-30" : "2025-06-16")];
    caller.daily(items, [alice], "2025-06-14", "2025-06-16");
    expect(caller.log()).toEqual(["2025-06-15 m1 lead1 step:1", "2025-06-16 m1 due0 step:1"]);
    expect(caller.superseded).toEqual(["1|step:1|lead|7|2025-06-16"]);
  });
});

describe("planNotices: weekly members", () => {
  // 2025-06-23 is a Monday.
  const erin = member(5, { frequency: "weekly", weeklyDay: 1 });

  it("holds routine reminders for the weekly day, but not the day before, the day or overdue", () => {
    const caller = new Caller();
    const items = [
      item("step:fri", "2025-06-27", { ownerIds: [5] }),
      item("step:tue", "2025-06-24", { ownerIds: [5] }),
    ];
    caller.daily(items, [erin], "2025-06-15", "2025-07-01");
    expect(caller.log()).toEqual([
      // step:tue's 7-day notice (Tue 17th) waited for Monday, which is its day before: superseded.
      "2025-06-23 m5 lead1 step:tue",
      // step:fri's 7-day notice (Fri 20th) waited for Monday.
      "2025-06-23 m5 lead7 step:fri",
      "2025-06-24 m5 due0 step:tue",
      "2025-06-26 m5 lead1 step:fri",
      "2025-06-27 m5 due0 step:fri",
      "2025-07-01 m5 overdue7 step:tue",
    ]);
    expect(caller.superseded).toEqual(["5|step:tue|lead|7|2025-06-24"]);
  });

  it("does not make a held reminder wait another week when the weekly day's run was missed", () => {
    const caller = new Caller();
    const items = [item("step:1", "2025-07-04", { ownerIds: [5] })];
    // The 7-day notice is on Friday 27 June; the planner is down on Monday 30 June.
    caller.run(items, [erin], bkk("2025-06-27"));
    caller.run(items, [erin], bkk("2025-06-28"));
    caller.run(items, [erin], bkk("2025-07-01"));
    expect(caller.log()).toEqual(["2025-07-01 m5 lead7 step:1"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: a random world, a random sequence of planner runs, and a caller that records.

const HHMM = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The test's own reading of quiet hours: [start, end), wrapping midnight when start > end. */
function quietAt(prefs: MemberPrefs, instant: Date): boolean {
  const hhmm = new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
  const { quietStart: s, quietEnd: e } = prefs;
  if (s === e) return false;
  return s < e ? hhmm >= s && hhmm < e : hhmm >= s || hhmm < e;
}

const NOON = 12 * 60;
/** Quiet hours of every kind, none covering noon, when the final runs happen. */
const quietArb = fc.oneof(
  fc.constant(["20:00", "08:00"]),
  fc.constant(["22:00", "06:00"]),
  fc.constant(["13:00", "15:00"]),
  fc.constant(["08:00", "08:00"]),
  fc
    .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }))
    .filter(([s, e]) => (s === e ? true : s < e ? !(NOON >= s && NOON < e) : !(NOON >= s || NOON < e)))
    .map(([s, e]) => [HHMM(s), HHMM(e)]),
);

const prefsArb = fc.record({
  muted: fc.constantFrom(false, false, false, true),
  leadDays: fc.subarray([0, 1, 2, 3, 5, 7, 14]),
  quiet: quietArb,
  frequency: fc.constantFrom<"daily" | "weekly">("daily", "weekly"),
  weeklyDay: fc.integer({ min: 0, max: 6 }),
});

type Prefs = typeof prefsArb extends fc.Arbitrary<infer T> ? T : never;

function toMember(memberId: number, p: Prefs): MemberPrefs {
  return member(memberId, {
    muted: p.muted,
    leadDays: p.leadDays,
    quietStart: p.quiet[0]!,
    quietEnd: p.quiet[1]!,
    frequency: p.frequency,
    weeklyDay: p.weeklyDay,
  });
}

const itemArb = fc.record({
  dueOffset: fc.integer({ min: -60, max: 60 }),
  status: fc.constantFrom<MeasureStatus>("not_started", "in_progress", "in_progress", "done", "cancelled"),
  owners: fc.subarray([1, 2, 3, 4, 9], { minLength: 1 }),
  snooze: fc.option(fc.integer({ min: -3, max: 3 })),
});

type Mutation =
  | { type: "done"; item: number }
  | { type: "reopen"; item: number }
  | { type: "move"; item: number; days: number }
  | { type: "snooze"; item: number; days: number }
  | { type: "prefs"; member: number; prefs: Prefs };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ type: fc.constant<"done">("done"), item: fc.nat(9) }),
  fc.record({ type: fc.constant<"reopen">("reopen"), item: fc.nat(9) }),
  fc.record({ type: fc.constant<"move">("move"), item: fc.nat(9), days: fc.integer({ min: -10, max: 10 }) }),
  fc.record({ type: fc.constant<"snooze">("snooze"), item: fc.nat(9), days: fc.integer({ min: 1, max: 3 }) }),
  // The member changes lead days, frequency, quiet hours, mutes or unmutes.
  fc.record({ type: fc.constant<"prefs">("prefs"), member: fc.nat(3), prefs: prefsArb }),
);

const stepArb = fc.record({
  /** Run again at the very same instant. */
  same: fc.constantFrom(false, false, false, true),
  gapDays: fc.oneof(
    fc.constant(0),
    fc.constant(1),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 2, max: 20 }),
  ),
  /** Bangkok minute of day, with the quiet-hour edges and late evenings well represented. */
  minute: fc.oneof(
    fc.integer({ min: 0, max: 1439 }),
    fc.constantFrom(0, 360, 479, 480, 540, 1199, 1200, 1290, 1439),
  ),
  mutation: fc.option(mutationArb, { freq: 3 }),
});

const worldArb = fc.record({
  baseOffset: fc.integer({ min: 0, max: 730 }),
  prefs: fc.array(prefsArb, { minLength: 4, maxLength: 4 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 30 }),
});

interface Planned {
  memberId: number;
  itemKey: string;
  dueOn: string;
  day: string;
}

describe("planNotices: properties over random runs", () => {
  it("never plans twice, one digest a day, never in quiet hours, never misses", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const base = addDays("2025-01-01", world.baseOffset);
        const byId = new Map(world.prefs.map((p, i) => [i + 1, toMember(i + 1, p)]));
        const items: DueItem[] = world.items.map((g, i) =>
          item(`step:${i}`, addDays(base, g.dueOffset), {
            status: g.status,
            ownerIds: g.owners,
            ...(g.snooze === null ? {} : { snoozedUntil: addDays(base, g.snooze) }),
          }),
        );

        const sent = new Set<string>();
        const planned = new Map<string, Planned>();
        const superseded = new Set<string>();

        const run = (now: Date) => {
          const members = [...byId.values()];
          const input = { items: structuredClone(items), members, now, sent: new Set(sent) };
          const result = planNotices(input);
          // Deterministic, and blind to the order of its input.
          expect(planNotices(input)).toEqual(result);
          expect(
            planNotices({ ...input, items: [...input.items].reverse(), members: [...members].reverse() }),
          ).toEqual(result);
          const sortKeys = result.digests.map((d) => [d.sendAt.getTime(), d.memberId] as const);
          expect(sortKeys).toEqual([...sortKeys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));

          const digestsNow = new Set<string>();
          for (const digest of result.digests) {
            const prefs = byId.get(digest.memberId)!;
            const marker = digestMarker(digest.memberId, digest.day);
            // (b) at most one digest per member per day, across runs and within this one.
            expect(sent.has(marker)).toBe(false);
            expect(digestsNow.has(marker)).toBe(false);
            digestsNow.add(marker);
            // (d) never inside quiet hours; never before now; the day is the sending date.
            expect(quietAt(prefs, digest.sendAt)).toBe(false);
            expect(digest.sendAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
            expect(digest.day).toBe(bangkokDate(digest.sendAt));
            expect(digest.notices.length).toBeGreaterThan(0);
            expect(prefs.muted).toBe(false);
            for (const notice of digest.notices) {
              // (a) no dedupe key planned twice.
              expect(sent.has(notice.dedupeKey)).toBe(false);
              expect(planned.has(notice.dedupeKey)).toBe(false);
              const owned = items.find((it) => it.key === notice.itemKey)!;
              expect(owned.ownerIds).toContain(digest.memberId);
              expect(["done", "cancelled"]).not.toContain(owned.status);
              // Never sent before its day, nor before a snooze ends.
              expect(notice.day <= digest.day).toBe(true);
              expect(owned.snoozedUntil === undefined || owned.snoozedUntil <= digest.day).toBe(true);
              expect(notice.dedupeKey).toBe(
                noticeKey(digest.memberId, notice.itemKey, notice.kind, notice.offsetDays, owned.dueOn),
              );
              planned.set(notice.dedupeKey, {
                memberId: digest.memberId,
                itemKey: notice.itemKey,
                dueOn: owned.dueOn,
                day: notice.day,
              });
              sent.add(notice.dedupeKey);
            }
            sent.add(marker);
          }
          for (const key of result.superseded) {
            expect(sent.has(key)).toBe(false);
            superseded.add(key);
            sent.add(key);
          }
        };

        let now = bkk(base, "00:00");
        let first = true;
        for (const step of world.steps) {
          if (!(step.same && !first)) {
            const day = addDays(bangkokDate(now), step.gapDays);
            const at = new Date(Date.parse(`${day}T00:00:00+07:00`) + step.minute * 60_000);
            if (at.getTime() > now.getTime()) now = at;
          }
          first = false;
          const change = step.mutation;
          if (change?.type === "prefs")
            byId.set(change.member + 1, toMember(change.member + 1, change.prefs));
          const target =
            change === null || change.type === "prefs" ? undefined : items[change.item % items.length];
          if (change !== null && change.type !== "prefs" && target !== undefined) {
            if (change.type === "done") target.status = "done";
            else if (change.type === "reopen") target.status = "in_progress";
            else if (change.type === "move") target.dueOn = addDays(target.dueOn, change.days);
            else target.snoozedUntil = addDays(bangkokDate(now), change.days);
          }
          run(now);
        }

        // Final runs at noon on seven days in a row: nothing quiet, snoozes over, every weekly day seen.
        const lastDay = bangkokDate(now);
        for (let d = 1; d <= 7; d++) run(bkk(addDays(lastDay, d), "12:00"));
        const finalDay = addDays(lastDay, 7);

        // (c) never missed: every notice due by the final day is planned, or superseded by a later
        // planned notice of the same member and item (same schedule).
        for (const it of items) {
          if (it.status === "done" || it.status === "cancelled") continue;
          for (const ownerId of new Set(it.ownerIds)) {
            const prefs = byId.get(ownerId);
            if (prefs === undefined || prefs.muted) continue;
            const expected: { key: string; day: string; weeklyHold: boolean }[] = [];
            for (const lead of new Set(prefs.leadDays)) {
              const kind = lead === 0 ? "due" : "lead";
              expected.push({
                key: noticeKey(ownerId, it.key, kind, lead, it.dueOn),
                day: addDays(it.dueOn, -lead),
                weeklyHold: prefs.frequency === "weekly" && lead > 1,
              });
            }
            for (let after = 7; addDays(it.dueOn, after) <= finalDay; after += 7) {
              expected.push({
                key: noticeKey(ownerId, it.key, "overdue", after, it.dueOn),
                day: addDays(it.dueOn, after),
                weeklyHold: false,
              });
            }
            const plannedDays = [...planned.values()]
              .filter((p) => p.memberId === ownerId && p.itemKey === it.key && p.dueOn === it.dueOn)
              .map((p) => p.day);
            for (const notice of expected) {
              // A weekly-held reminder may still be waiting for its weekly day in the last week.
              const mustBeDone = notice.day <= (notice.weeklyHold ? addDays(finalDay, -7) : finalDay);
              if (!mustBeDone) continue;
              const ok =
                planned.has(notice.key) ||
                (superseded.has(notice.key) && plannedDays.some((day) => day > notice.day));
              if (!ok) throw new Error(`missed ${notice.key} (day ${notice.day}, final ${finalDay})`);
            }
          }
        }

        // Nothing is both planned and superseded.
        for (const key of superseded) expect(planned.has(key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Watermarks: the tick records per (member, item, due date) only the day of the newest notice
// planned, never the superseded ones, and the planner treats everything up to it as handled.

/** The keys a caller with watermarks keeps: digest markers, and each schedule's newest planned day. */
class WatermarkCaller {
  readonly markers = new Set<string>();
  readonly watermarks = new Map<string, string>();
  readonly digests: Digest[] = [];

  run(items: DueItem[], members: MemberPrefs[], now: Date) {
    const result = planNotices({ items, members, now, sent: this.markers, watermarks: this.watermarks });
    for (const digest of result.digests) {
      this.digests.push(digest);
      this.markers.add(digestMarker(digest.memberId, digest.day));
      for (const notice of digest.notices) {
        const owned = items.find((it) => it.key === notice.itemKey)!;
        const mark = watermarkKey(digest.memberId, notice.itemKey, owned.dueOn);
        const before = this.watermarks.get(mark);
        if (before === undefined || notice.day > before) this.watermarks.set(mark, notice.day);
      }
    }
    return result;
  }
}

/** A random world played step by step, handing each run's items, members and instant to `run`. */
function play(
  world: typeof worldArb extends fc.Arbitrary<infer T> ? T : never,
  options: { keepLeadDays: boolean },
  run: (items: DueItem[], members: MemberPrefs[], now: Date) => void,
) {
  const base = addDays("2025-01-01", world.baseOffset);
  const byId = new Map(world.prefs.map((p, i) => [i + 1, toMember(i + 1, p)]));
  const items: DueItem[] = world.items.map((g, i) =>
    item(`step:${i}`, addDays(base, g.dueOffset), {
      status: g.status,
      ownerIds: g.owners,
      ...(g.snooze === null ? {} : { snoozedUntil: addDays(base, g.snooze) }),
    }),
  );
  const once = (now: Date) => run(structuredClone(items), [...byId.values()], now);
  let now = bkk(base, "00:00");
  let first = true;
  for (const step of world.steps) {
    if (!(step.same && !first)) {
      const day = addDays(bangkokDate(now), step.gapDays);
      const at = new Date(Date.parse(`${day}T00:00:00+07:00`) + step.minute * 60_000);
      if (at.getTime() > now.getTime()) now = at;
    }
    first = false;
    const change = step.mutation;
    if (change?.type === "prefs") {
      const id = change.member + 1;
      const leadDays = options.keepLeadDays ? byId.get(id)!.leadDays : change.prefs.leadDays;
      byId.set(id, { ...toMember(id, change.prefs), leadDays });
    } else if (change !== null) {
      const target = items[change.item % items.length]!;
      if (change.type === "done") target.status = "done";
      else if (change.type === "reopen") target.status = "in_progress";
      else if (change.type === "move") target.dueOn = addDays(target.dueOn, change.days);
      else target.snoozedUntil = addDays(bangkokDate(now), change.days);
    }
    once(now);
  }
  const lastDay = bangkokDate(now);
  for (let d = 1; d <= 7; d++) once(bkk(addDays(lastDay, d), "12:00"));
  return { items, byId, finalDay: addDays(lastDay, 7) };
}

describe("planNotices: watermarks instead of every key", () => {
  it("plans the same digests as the caller that records every planned and superseded key", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const keys = new Caller();
        const marks = new WatermarkCaller();
        play(world, { keepLeadDays: true }, (items, members, now) => {
          const byKeys = keys.run(items, members, now);
          const byMarks = marks.run(items, members, now);
          expect(byMarks.digests).toEqual(byKeys.digests);
          expect(byMarks.superseded).toEqual([]);
          expect(byMarks.supersededCount).toBe(byKeys.superseded.length);
        });
        expect(marks.digests).toEqual(keys.digests);
      }),
      { numRuns: 300 },
    );
  });

  it("also when lead days change: never twice, never older than what went out, never missed", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const marks = new WatermarkCaller();
        const planned = new Map<string, Planned>();
        const { items, byId, finalDay } = play(world, { keepLeadDays: false }, (items, members, now) => {
          const newest = new Map(marks.watermarks);
          const result = marks.run(items, members, now);
          const today = new Set<string>();
          for (const digest of result.digests) {
            expect(today.has(digestMarker(digest.memberId, digest.day))).toBe(false);
            today.add(digestMarker(digest.memberId, digest.day));
            for (const notice of digest.notices) {
              const owned = items.find((it) => it.key === notice.itemKey)!;
              expect(planned.has(notice.dedupeKey)).toBe(false);
              // After a reminder has gone out, none about an earlier day of the same schedule.
              const before = newest.get(watermarkKey(digest.memberId, notice.itemKey, owned.dueOn));
              expect(before === undefined || notice.day > before).toBe(true);
              planned.set(notice.dedupeKey, {
                memberId: digest.memberId,
                itemKey: notice.itemKey,
                dueOn: owned.dueOn,
                day: notice.day,
              });
            }
          }
        });
        // Every notice due by the final day went out, or a later one of its schedule did.
        for (const it of items) {
          if (it.status === "done" || it.status === "cancelled") continue;
          for (const ownerId of new Set(it.ownerIds)) {
            const prefs = byId.get(ownerId);
            if (prefs === undefined || prefs.muted) continue;
            const plannedDays = [...planned.values()]
              .filter((p) => p.memberId === ownerId && p.itemKey === it.key && p.dueOn === it.dueOn)
              .map((p) => p.day);
            for (const notice of noticeSchedule(prefs, it, finalDay)) {
              const weeklyHold =
                prefs.frequency === "weekly" && notice.kind === "lead" && notice.offsetDays > 1;
              if (notice.day > (weeklyHold ? addDays(finalDay, -7) : finalDay)) continue;
              const ok = planned.has(notice.dedupeKey) || plannedDays.some((day) => day > notice.day);
              if (!ok) throw new Error(`missed ${notice.dedupeKey} (final ${finalDay})`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never brings back a reminder older than one already sent when lead days change", () => {
    const items = [item("step:1", "2025-06-20")];
    // The day-before reminder goes out on the 19th; then the member keeps only 7 and 3 days before.
    const changed = member(1, { leadDays: [7, 3] });
    const marks = new WatermarkCaller();
    marks.run(items, [alice], bkk("2025-06-19"));
    expect(marks.run(items, [changed], bkk("2025-06-20"))).toEqual({
      digests: [],
      superseded: [],
      supersededCount: 0,
    });
    // With every key recorded, the 17th's notice was never recorded, so it went out on the 20th,
    // after the 19th's: the one way the two bookkeepings differ (a member's lead days changed).
    const keys = new Caller();
    keys.run(items, [alice], bkk("2025-06-19"));
    keys.run(items, [changed], bkk("2025-06-20"));
    expect(keys.log()).toEqual(["2025-06-19 m1 lead1 step:1", "2025-06-20 m1 lead3 step:1"]);
  });
});
