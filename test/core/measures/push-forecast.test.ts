import { describe, expect, it } from "vitest";
import { DEFAULT_PREFS, type DueItem, type MemberPrefs } from "../../../core/measures/model.ts";
import { digestMarker } from "../../../core/measures/plan.ts";
import {
  awakeInstant,
  bangkokInstant,
  boundaryTicks,
  EVERY_HOUR,
  forecastMonth,
  forecastMonthFor,
  itemId,
  monthAfter,
  simulatePushes,
} from "../../../core/measures/push-forecast.ts";
import { typicalAgency } from "../../../core/measures/typical-agency.ts";

function member(memberId: number, prefs: Partial<MemberPrefs> = {}): MemberPrefs {
  return {
    ...DEFAULT_PREFS,
    leadDays: [...DEFAULT_PREFS.leadDays],
    memberId,
    lineUserId: `U${memberId}`,
    ...prefs,
  };
}

function step(id: number, dueOn: string, ownerIds = [1]): DueItem {
  return { key: `step:${id}`, agencyId: 1, title: `ขั้นตอน ${id}`, dueOn, status: "not_started", ownerIds };
}

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
const pushes = (result: ReturnType<typeof simulatePushes>) =>
  Object.fromEntries(result.months.map((m) => [m.month, m.pushes]));

describe("simulatePushes", () => {
  // 1 June 2026 is a Monday, the default weekly day.
  const june1 = step(1, "2026-06-01");

  it("pushes one digest for each notice of a lone step, in the Bangkok month it goes out, weekly while late", () => {
    const result = simulatePushes({
      items: [june1],
      members: [member(1)],
      from: at("2026-05-01", "00:00"),
      to: at("2026-07-01", "00:00"),
    });
    // May: 7 days before (Monday 25th) and the day before; June: the day, then every 7 days late.
    expect(pushes(result)).toEqual({ "2026-05": 2, "2026-06": 5 });
    expect(result.months[1]!.notices).toBe(5);
    expect(result.months[1]!.byMember.get(1)).toBe(5);
  });

  it("stops when the step is done", () => {
    const result = simulatePushes({
      items: [june1],
      members: [member(1)],
      from: at("2026-05-01", "00:00"),
      to: at("2026-07-01", "00:00"),
      doneAt: new Map([[itemId(june1), at("2026-06-01", "14:00")]]),
    });
    expect(pushes(result)).toEqual({ "2026-05": 2, "2026-06": 1 });
  });

  it("counts a digest planned on the evening of the 31st in the month of the morning it goes out", () => {
    const result = simulatePushes({
      items: [step(1, "2026-06-02")],
      members: [member(1, { leadDays: [1] })],
      from: at("2026-05-31", "12:00"),
      to: at("2026-06-02", "00:00"),
    });
    expect(pushes(result)).toEqual({ "2026-05": 0, "2026-06": 1 });
  });

  it("does not count a digest whose every step was done between the evening it was planned and the morning", () => {
    const item = step(1, "2026-06-02");
    const result = simulatePushes({
      items: [item],
      members: [member(1, { leadDays: [1, 0] })],
      from: at("2026-05-31", "12:00"),
      to: at("2026-06-03", "00:00"),
      doneAt: new Map([[itemId(item), at("2026-05-31", "22:00")]]),
    });
    expect(pushes(result)).toEqual({ "2026-05": 0, "2026-06": 0 });
  });

  it("merges the notices of a day into one push per member", () => {
    const result = simulatePushes({
      items: [step(1, "2026-06-10"), step(2, "2026-06-10"), step(3, "2026-06-10", [1, 2])],
      members: [member(1), member(2)],
      from: at("2026-06-10", "00:00"),
      to: at("2026-06-11", "00:00"),
    });
    expect(result.months[0]).toMatchObject({ pushes: 2, digests: 2, notices: 4 });
  });

  it("puts a calendar date into the admin's digest of the day rather than a push of its own", () => {
    const date: DueItem = { ...step(9, "2026-06-10"), key: "milestone:1", remindWhenLate: false };
    const result = simulatePushes({
      items: [step(1, "2026-06-10"), date],
      members: [member(1)],
      from: at("2026-06-10", "00:00"),
      to: at("2026-06-11", "00:00"),
    });
    expect(result.months[0]).toMatchObject({ pushes: 1, notices: 2 });
  });

  it("tells a step's other owners when it is done, not the one who marked it", () => {
    const item = step(1, "2026-06-10", [1, 2, 3]);
    const result = simulatePushes({
      items: [item],
      members: [member(1), member(2), member(3)],
      from: at("2026-06-10", "00:00"),
      to: at("2026-06-11", "00:00"),
      doneAt: new Map([[itemId(item), at("2026-06-10", "15:00")]]),
      statusNotices: true,
    });
    // The morning digest of the day to each, then the news to 2 and 3.
    expect(result.months[0]).toMatchObject({ digests: 3, statusNotices: 2 });
    expect([...result.months[0]!.byMember].sort()).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
    ]);
  });

  it("plans nothing already recorded", () => {
    const result = simulatePushes({
      items: [step(1, "2026-06-10")],
      members: [member(1)],
      from: at("2026-06-10", "09:00"),
      to: at("2026-06-11", "00:00"),
      sent: new Set([digestMarker(1, "2026-06-10")]),
    });
    expect(result.months[0]!.pushes).toBe(0);
  });

  it("sends with runs at the quiet-hour boundaries what it sends with a run every hour", () => {
    const agency = typicalAgency({ fiscalYear: 2569, seed: 7, oitItems: 26 });
    const run = (tickMinutes?: readonly number[]) =>
      simulatePushes({
        items: agency.items,
        members: agency.members,
        from: at("2026-04-01", "00:00"),
        to: at("2026-07-01", "00:00"),
        doneAt: agency.doneAt,
        statusNotices: true,
        ...(tickMinutes ? { tickMinutes } : {}),
      }).months.map((m) => [m.month, m.pushes, m.notices]);
    expect(run()).toEqual(run(EVERY_HOUR));
  });
});

describe("boundaryTicks", () => {
  it("runs at the end and the start of the default quiet hours", () => {
    expect(boundaryTicks([member(1)])).toEqual([8 * 60, 20 * 60]);
  });

  it("runs at midnight for someone without quiet hours, and on the defaults for malformed ones", () => {
    expect(boundaryTicks([member(1, { quietStart: "00:00", quietEnd: "00:00" })])).toEqual([0]);
    expect(boundaryTicks([member(1, { quietStart: "25:00" })])).toEqual([8 * 60, 20 * 60]);
    expect(boundaryTicks([member(1), member(2, { quietStart: "22:00", quietEnd: "06:30" })])).toEqual([
      390, 480, 1200, 1320,
    ]);
  });
});

describe("forecastMonthFor", () => {
  it("looks at this month until its last seven days, then at the next", () => {
    expect(forecastMonthFor("2026-06-01")).toBe("2026-06");
    expect(forecastMonthFor("2026-06-23")).toBe("2026-06");
    expect(forecastMonthFor("2026-06-24")).toBe("2026-07");
    expect(forecastMonthFor("2026-12-30")).toBe("2027-01");
  });

  it("turns the year after December", () => {
    expect(monthAfter("2026-12")).toBe("2027-01");
    expect(monthAfter("2026-09")).toBe("2026-10");
  });
});

describe("forecastMonth", () => {
  it("assumes a step still ahead is done on its day, so it is not chased afterwards", () => {
    const f = forecastMonth({
      items: [step(1, "2026-07-01")],
      members: [member(1)],
      now: at("2026-06-24", "10:00"),
      month: "2026-07",
    });
    // The day before falls in June; July has the due day only.
    expect(f).toMatchObject({ month: "2026-07", pushes: 1, digests: 1 });
  });

  it("keeps chasing a step already late every 7 days", () => {
    const f = forecastMonth({
      items: [step(1, "2026-06-20")],
      members: [member(1)],
      now: at("2026-06-24", "10:00"),
      month: "2026-07",
    });
    // 27 June is in June; 4, 11, 18 and 25 July.
    expect(f.pushes).toBe(4);
  });

  it("counts the rest of a month that has begun", () => {
    const f = forecastMonth({
      items: [step(1, "2026-06-10"), step(2, "2026-06-20")],
      members: [member(1, { frequency: "daily" })],
      now: at("2026-06-15", "10:00"),
      month: "2026-06",
    });
    // Nothing recorded yet: the first digest (the 16th) carries what is pending once, step 1's due
    // notice and step 2's first reminder; then step 1 late on the 17th and 24th, step 2 on the
    // 19th and 20th.
    expect(f.pushes).toBe(5);
  });

  it("tells co-owners of the steps it assumes done", () => {
    const f = forecastMonth({
      items: [step(1, "2026-07-10", [1, 2])],
      members: [member(1), member(2)],
      now: at("2026-06-24", "10:00"),
      month: "2026-07",
    });
    // Each: 7 days before (held to Monday the 6th), the day before, the day; then the news to one.
    expect(f).toMatchObject({ digests: 6, statusNotices: 1, pushes: 7 });
  });
});

describe("awakeInstant", () => {
  it("sends at once outside quiet hours and at their end inside them", () => {
    expect(awakeInstant(member(1), at("2026-06-10", "10:00"))).toEqual(at("2026-06-10", "10:00"));
    expect(awakeInstant(member(1), at("2026-06-10", "21:30"))).toEqual(at("2026-06-11", "08:00"));
    expect(awakeInstant(member(1), at("2026-06-11", "07:59"))).toEqual(at("2026-06-11", "08:00"));
  });

  it("reads Bangkok wall-clock time", () => {
    expect(bangkokInstant("2026-06-10", 8 * 60)).toEqual(new Date("2026-06-10T01:00:00Z"));
  });
});
