import { describe, expect, it } from "vitest";
import type { Milestone } from "../../../core/calendar/milestone.ts";
import { typicalCalendar } from "../../../core/calendar/typical.ts";
import {
  dateRangeText,
  daysLeftText,
  milestoneFor,
  upcomingMilestones,
} from "../../../core/calendar/upcoming.ts";

const date = (dueOn: string, more: Partial<Milestone> = {}): Milestone => ({
  agencyId: null,
  fiscalYear: 2570,
  titleTh: `วันที่ ${dueOn}`,
  dueOn,
  kind: "ita",
  provisional: false,
  remind: true,
  ...more,
});

const keysOf = (list: { milestone: Milestone }[]) => list.map((u) => u.milestone.key ?? u.milestone.titleTh);

describe("upcomingMilestones", () => {
  it("keeps only the dates due today or later, soonest first", () => {
    const list = [date("2027-05-01"), date("2027-04-19"), date("2027-04-20"), date("2027-04-21")];
    const due = upcomingMilestones(list, "2027-04-20").map((u) => u.milestone.dueOn);
    expect(due).toEqual(["2027-04-20", "2027-04-21", "2027-05-01"]);
  });

  it("gives daysLeft 0 on the day and counts whole days to the due date", () => {
    const list = [date("2027-04-20"), date("2027-05-20")];
    expect(upcomingMilestones(list, "2027-04-20").map((u) => u.daysLeft)).toEqual([0, 30]);
  });

  it("counts days across the end of February in a leap year", () => {
    expect(upcomingMilestones([date("2028-03-01")], "2028-02-28")[0]?.daysLeft).toBe(2);
  });

  it("returns at most `limit` dates, six unless told", () => {
    const cal = typicalCalendar(2570);
    expect(upcomingMilestones(cal, "2026-10-01")).toHaveLength(6);
    expect(keysOf(upcomingMilestones(cal, "2026-10-01", 3))).toEqual([
      "annual-report",
      "registration",
      "oit-submission",
    ]);
  });

  it("orders dates due the same day by key", () => {
    const due = upcomingMilestones(typicalCalendar(2570), "2027-04-20", 2);
    expect(keysOf(due)).toEqual(["oit-submission", "six-month-report"]);
    expect(due.map((u) => u.milestone.dueOn)).toEqual(["2027-04-30", "2027-04-30"]);
  });

  it("marks open a window that contains today, and only such a window", () => {
    const byKey = new Map(
      upcomingMilestones(typicalCalendar(2570), "2027-04-20", 9).map((u) => [u.milestone.key, u]),
    );
    expect(byKey.get("oit-submission")?.open).toBe(true);
    expect(byKey.get("survey")?.open).toBe(true);
    expect(byKey.get("six-month-report")?.open).toBe(false); // a single date, no window
    expect(byKey.get("oit-scoring")?.open).toBe(false); // starts 1 May
  });

  it("counts a window open on its first and its last day", () => {
    const window = date("2027-04-30", { startsOn: "2027-03-01" });
    expect(upcomingMilestones([window], "2027-03-01")[0]?.open).toBe(true);
    expect(upcomingMilestones([window], "2027-04-30")[0]).toMatchObject({ open: true, daysLeft: 0 });
    expect(upcomingMilestones([window], "2027-02-28")[0]?.open).toBe(false);
  });

  it("puts a window that is open today first when it closes soonest", () => {
    const first = upcomingMilestones(typicalCalendar(2570), "2027-04-20")[0];
    expect(first).toMatchObject({ milestone: { key: "oit-submission" }, open: true, daysLeft: 10 });
  });

  it("returns nothing when every date is past", () => {
    expect(upcomingMilestones(typicalCalendar(2570), "2027-08-16")).toEqual([]);
  });

  it("does not reorder the caller's array", () => {
    const list = [date("2027-05-01"), date("2027-04-21")];
    upcomingMilestones(list, "2027-04-20");
    expect(list.map((m) => m.dueOn)).toEqual(["2027-05-01", "2027-04-21"]);
  });
});

describe("milestoneFor", () => {
  const twoYears = [...typicalCalendar(2571), ...typicalCalendar(2570)];

  it("takes this year's date while it is still ahead", () => {
    const u = milestoneFor(twoYears, "oit-submission", "2027-04-20");
    expect(u).toMatchObject({
      milestone: { fiscalYear: 2570, dueOn: "2027-04-30" },
      daysLeft: 10,
      open: true,
    });
  });

  it("takes this year's date on its last day", () => {
    expect(milestoneFor(twoYears, "results", "2027-08-15")).toMatchObject({
      milestone: { fiscalYear: 2570 },
      daysLeft: 0,
    });
  });

  it("takes next year's date once this year's has passed", () => {
    const u = milestoneFor(twoYears, "oit-submission", "2027-05-01");
    expect(u).toMatchObject({ milestone: { fiscalYear: 2571, dueOn: "2028-04-30" }, open: false });
    expect(u?.daysLeft).toBe(365);
  });

  it("takes the latest past date when none is ahead", () => {
    const past = [...typicalCalendar(2570), ...typicalCalendar(2569)];
    const u = milestoneFor(past, "results", "2027-09-01");
    expect(u).toMatchObject({ milestone: { fiscalYear: 2570, dueOn: "2027-08-15" }, daysLeft: -17 });
    expect(u?.open).toBe(false);
  });

  it("ignores agency dates without the key", () => {
    const own = date("2027-04-22", { agencyId: 7, kind: "agency", titleTh: "ส่ง OIT ให้ผู้บริหารตรวจ" });
    expect(milestoneFor([own, ...typicalCalendar(2570)], "oit-submission", "2027-04-20")?.milestone.key).toBe(
      "oit-submission",
    );
  });

  it("returns undefined for a key the calendar does not have", () => {
    expect(milestoneFor(twoYears, "no-such-date", "2027-04-20")).toBeUndefined();
    expect(milestoneFor([], "results", "2027-04-20")).toBeUndefined();
  });
});

describe("daysLeftText", () => {
  it.each([
    [0, "วันนี้"],
    [1, "พรุ่งนี้"],
    [2, "อีก 2 วัน"],
    [12, "อีก 12 วัน"],
    [-1, "ผ่านมาแล้ว 1 วัน"],
    [-3, "ผ่านมาแล้ว 3 วัน"],
  ])("says %i days as %j", (days, text) => {
    expect(daysLeftText(days)).toBe(text);
  });
});

describe("dateRangeText", () => {
  it("writes a single date short, in Arabic digits and the Buddhist year", () => {
    expect(dateRangeText(date("2027-04-30"))).toBe("30 เม.ย. 70");
  });

  it("writes a window within one year with the year once", () => {
    expect(dateRangeText(date("2027-04-30", { startsOn: "2027-03-01" }))).toBe("1 มี.ค. – 30 เม.ย. 70");
  });

  it("keeps both years for a window that spans two calendar years", () => {
    expect(dateRangeText(date("2027-01-15", { startsOn: "2026-12-15" }))).toBe("15 ธ.ค. 69 – 15 ม.ค. 70");
  });

  it("writes the typical OIT window and annual report as the card shows them", () => {
    const cal = new Map(typicalCalendar(2570).map((m) => [m.key, m]));
    expect(dateRangeText(cal.get("oit-submission")!)).toBe("1 มี.ค. – 30 เม.ย. 70");
    expect(dateRangeText(cal.get("annual-report")!)).toBe("30 ต.ค. 69");
  });
});
