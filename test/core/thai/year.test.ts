import { describe, expect, it } from "vitest";
import { BE_OFFSET, parseYear } from "../../../core/thai/year.ts";

describe("parseYear", () => {
  it.each([
    ["2567", "be"],
    ["๒๕๖๗", "be"],
    ["พ.ศ. 2567", "be"],
    ["พ.ศ.๒๕๖๗", "be"],
    ["  2567  ", "be"],
    ["67", "short"],
    ["๖๗", "short"],
    ["พ.ศ. 67", "short"],
    ["ค.ศ. 2024", "ce"],
    ["ค.ศ.2024", "ce"],
    ["คศ ๒๐๒๔", "ce"],
    ["2024", "ce"],
  ] as const)("reads %j as 2567 (era %s)", (text, era) => {
    expect(parseYear(text)).toEqual({ be: 2567, era });
  });

  it("converts Christian Era years with the 543-year offset", () => {
    expect(BE_OFFSET).toBe(543);
    expect(parseYear("2025")).toEqual({ be: 2568, era: "ce" });
    expect(parseYear("ค.ศ. 1957")).toEqual({ be: 2500, era: "ce" });
    expect(parseYear("2157")).toEqual({ be: 2700, era: "ce" });
  });

  it("reads two digits as 25xx", () => {
    expect(parseYear("65")).toEqual({ be: 2565, era: "short" });
    expect(parseYear("00")).toEqual({ be: 2500, era: "short" });
  });

  it("accepts Buddhist Era years from 2500 to 2700 only", () => {
    expect(parseYear("2500")).toEqual({ be: 2500, era: "be" });
    expect(parseYear("2700")).toEqual({ be: 2700, era: "be" });
    expect(parseYear("2499")).toBeUndefined();
    expect(parseYear("2701")).toBeUndefined();
  });

  it.each(["ค.ศ. 67", "ค.ศ. 2567", "12345", "567", "7", "abc", "", "   ", "25.67", "ปี 2567 ครับ", "1956"])(
    "rejects %j",
    (text) => {
      expect(parseYear(text)).toBeUndefined();
    },
  );
});

describe("parseYear with an explicit era", () => {
  it("refuses a ค.ศ. number labelled พ.ศ. rather than guessing", () => {
    expect(parseYear("พ.ศ. 2024")).toBeUndefined();
  });
});
