import { describe, expect, it } from "vitest";
import { TYPICAL_PATTERN, typicalCalendar } from "../../../core/calendar/typical.ts";

const KEYS = [
  "annual-report",
  "registration",
  "survey",
  "oit-submission",
  "six-month-report",
  "oit-scoring",
  "clarification",
  "confirmation",
  "results",
];

const byKey = (fiscalYear: number) => new Map(typicalCalendar(fiscalYear).map((m) => [m.key, m]));

/** '2027-04-30' -> '2028-04-30' */
const nextYear = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;

describe("typicalCalendar", () => {
  it("lists the nine national dates of the year in the order of the year", () => {
    expect(typicalCalendar(2570).map((m) => m.key)).toEqual(KEYS);
    expect(TYPICAL_PATTERN.map((p) => p.key)).toEqual(KEYS);
  });

  it("dates fiscal 2570 from October 2026 to August 2027", () => {
    const dates = typicalCalendar(2570).map((m) => [m.key, m.startsOn, m.dueOn]);
    expect(dates).toEqual([
      ["annual-report", undefined, "2026-10-30"],
      ["registration", "2027-01-05", "2027-02-28"],
      ["survey", "2027-02-01", "2027-06-30"],
      ["oit-submission", "2027-03-01", "2027-04-30"],
      ["six-month-report", undefined, "2027-04-30"],
      ["oit-scoring", "2027-05-01", "2027-05-31"],
      ["clarification", "2027-06-01", "2027-06-10"],
      ["confirmation", undefined, "2027-06-30"],
      ["results", undefined, "2027-08-15"],
    ]);
  });

  it("puts the annual report of the year before in the calendar year before", () => {
    const annual = byKey(2570).get("annual-report")!;
    expect(annual.dueOn).toBe("2026-10-30");
    expect(annual.dueOn < byKey(2570).get("registration")!.startsOn!).toBe(true);
  });

  it("gives the OIT submission a window from 1 March to 30 April and results on 15 August", () => {
    const cal = byKey(2570);
    expect(cal.get("oit-submission")).toMatchObject({ startsOn: "2027-03-01", dueOn: "2027-04-30" });
    expect(cal.get("results")?.dueOn).toBe("2027-08-15");
  });

  it("leaves out startsOn for a single date rather than setting it undefined", () => {
    for (const key of ["annual-report", "six-month-report", "confirmation", "results"]) {
      expect(byKey(2570).get(key)).not.toHaveProperty("startsOn");
    }
  });

  it("marks every date provisional, national (agencyId null) and of the fiscal year asked for", () => {
    for (const m of typicalCalendar(2570)) {
      expect(m).toMatchObject({ provisional: true, agencyId: null, fiscalYear: 2570 });
      expect(m).not.toHaveProperty("id");
    }
  });

  it("calls the two reports duties and the rest ITA dates", () => {
    const duties = typicalCalendar(2570)
      .filter((m) => m.kind === "duty")
      .map((m) => m.key);
    expect(duties).toEqual(["annual-report", "six-month-report"]);
    expect(typicalCalendar(2570).filter((m) => m.kind === "ita")).toHaveLength(7);
  });

  it("titles the ITA dates 'ITA ๒๕๗๐: …' in Thai digits", () => {
    const cal = typicalCalendar(2570);
    for (const m of cal.filter((x) => x.kind === "ita")) {
      expect(m.titleTh.startsWith("ITA ๒๕๗๐: ")).toBe(true);
    }
    expect(byKey(2570).get("results")?.titleTh).toBe("ITA ๒๕๗๐: ประกาศผลการประเมิน");
    for (const m of cal) expect(m.titleTh).not.toMatch(/[0-9]/);
  });

  it("titles the annual report with the year before and the six-month report with this year", () => {
    const cal = byKey(2570);
    expect(cal.get("annual-report")?.titleTh).toBe("ส่งรายงานผลการดำเนินงานประจำปีงบประมาณ ๒๕๖๙");
    expect(cal.get("six-month-report")?.titleTh).toBe("ส่งรายงานผลการดำเนินงาน รอบ ๖ เดือน ปีงบประมาณ ๒๕๗๐");
  });

  it("reminds of every date but the survey, the OIT scoring and the results", () => {
    const quiet = typicalCalendar(2570)
      .filter((m) => !m.remind)
      .map((m) => m.key);
    expect(quiet).toEqual(["survey", "oit-scoring", "results"]);
    expect(typicalCalendar(2570).filter((m) => m.remind)).toHaveLength(6);
  });

  it("moves every date of the next fiscal year exactly one year later", () => {
    const a = typicalCalendar(2570);
    const b = typicalCalendar(2571);
    expect(b.map((m) => m.key)).toEqual(a.map((m) => m.key));
    a.forEach((m, i) => {
      expect(b[i]!.dueOn).toBe(nextYear(m.dueOn));
      expect(b[i]!.startsOn).toBe(m.startsOn && nextYear(m.startsOn));
      expect(b[i]!.fiscalYear).toBe(2571);
      expect(b[i]!.remind).toBe(m.remind);
    });
    expect(byKey(2571).get("annual-report")?.titleTh).toContain("๒๕๗๐");
    expect(byKey(2571).get("results")?.titleTh).toContain("ITA ๒๕๗๑: ");
  });

  it("gives a new array of new objects each call", () => {
    const a = typicalCalendar(2570);
    a[0]!.dueOn = "1999-01-01";
    expect(typicalCalendar(2570)[0]!.dueOn).toBe("2026-10-30");
  });
});
