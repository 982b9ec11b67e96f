import { describe, expect, it } from "vitest";
import {
  bangkokDate,
  fiscalYearAt,
  fiscalYearOfDate,
  fiscalYearRange,
} from "../../../core/thai/fiscal-year.ts";

describe("fiscalYearOfDate", () => {
  it("starts fiscal year 2568 on 1 October 2024", () => {
    expect(fiscalYearOfDate("2024-10-01")).toBe(2568);
  });

  it("keeps 30 September 2024 in fiscal year 2567", () => {
    expect(fiscalYearOfDate("2024-09-30")).toBe(2567);
  });

  it("puts January to September in the fiscal year of the same calendar year", () => {
    expect(fiscalYearOfDate("2025-01-01")).toBe(2568);
    expect(fiscalYearOfDate("2025-09-30")).toBe(2568);
    expect(fiscalYearOfDate("2024-12-31")).toBe(2568);
    expect(fiscalYearOfDate("2025-10-01")).toBe(2569);
  });
});

describe("bangkokDate", () => {
  it("gives the Bangkok calendar date, seven hours ahead of UTC", () => {
    expect(bangkokDate(new Date("2024-09-30T16:59:59Z"))).toBe("2024-09-30");
    expect(bangkokDate(new Date("2024-09-30T17:00:00Z"))).toBe("2024-10-01");
    expect(bangkokDate(new Date("2024-12-31T17:00:00Z"))).toBe("2025-01-01");
  });

  it("crosses a leap day correctly", () => {
    expect(bangkokDate(new Date("2024-02-28T17:00:00Z"))).toBe("2024-02-29");
    expect(bangkokDate(new Date("2024-02-29T17:00:00Z"))).toBe("2024-03-01");
  });
});

describe("fiscalYearAt", () => {
  it("is already 2568 at 17:00 UTC on 30 September 2024 (midnight 1 October in Bangkok)", () => {
    expect(fiscalYearAt(new Date("2024-09-30T17:00:00Z"))).toBe(2568);
  });

  it("is still 2567 one second earlier", () => {
    expect(fiscalYearAt(new Date("2024-09-30T16:59:59Z"))).toBe(2567);
  });
});

describe("fiscalYearRange", () => {
  it("runs fiscal year 2568 from 1 October 2024 to 30 September 2025", () => {
    expect(fiscalYearRange(2568)).toEqual({ start: "2024-10-01", end: "2025-09-30" });
  });

  it("gives first and last days that fall in that fiscal year, with the days around them outside", () => {
    for (const fy of [2562, 2566, 2567, 2569]) {
      const { start, end } = fiscalYearRange(fy);
      expect(fiscalYearOfDate(start)).toBe(fy);
      expect(fiscalYearOfDate(end)).toBe(fy);
      const dayBefore = new Date(`${start}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      expect(fiscalYearOfDate(dayBefore.toISOString().slice(0, 10))).toBe(fy - 1);
      const dayAfter = new Date(`${end}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      expect(fiscalYearOfDate(dayAfter.toISOString().slice(0, 10))).toBe(fy + 1);
    }
  });
});
