import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatThaiDate, isIsoDate } from "../../../core/thai/date.ts";

describe("Thai dates", () => {
  it("writes an official date in Thai digits and the Buddhist Era (seed 004: ๓๑ มีนาคม ๒๕๖๖)", () => {
    expect(formatThaiDate("2023-03-31")).toBe("๓๑ มีนาคม ๒๕๖๖");
    expect(formatThaiDate("2024-10-01")).toBe("๑ ตุลาคม ๒๕๖๗");
  });

  it("writes a short chat date with Arabic digits", () => {
    expect(formatThaiDate("2025-02-07", { style: "short", digits: "arabic" })).toBe("7 ก.พ. 68");
    expect(formatThaiDate("2025-12-31", { style: "short" })).toBe("๓๑ ธ.ค. ๖๘");
  });

  it("refuses what is not a date", () => {
    expect(() => formatThaiDate("31/03/2566")).toThrow();
  });

  it("counts days across months and leap years", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-03-01", "2025-02-22")).toBe(-7);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("knows a real date written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-02-30")).toBe(false);
    expect(isIsoDate("2025-2-3")).toBe(false);
    expect(isIsoDate("31/03/2568")).toBe(false);
  });
});
