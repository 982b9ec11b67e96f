import { describe, expect, it } from "vitest";
import { normalise } from "../../../core/chat/normalise.ts";
import type { YearSpec } from "../../../core/chat/query.ts";
import { extractYears, sameYear } from "../../../core/chat/year-mentions.ts";

const be = (y: number): YearSpec => ({ kind: "year", be: y, era: "be" });
const short = (y: number): YearSpec => ({ kind: "year", be: y, era: "short" });
const ce = (y: number): YearSpec => ({ kind: "year", be: y, era: "ce" });
const rel = (offset: number): YearSpec => ({ kind: "relative", offset });

const years = (raw: string, bare = false) => extractYears(normalise(raw), { bare }).years;

describe("extractYears", () => {
  it.each([
    ["ปี 2567", [be(2567)]],
    ["๒๕๖๗", [be(2567)]],
    ["พ.ศ. 2567", [be(2567)]],
    ["ปีงบประมาณ พ.ศ. ๒๕๖๗", [be(2567)]],
    ["ปี 67", [short(2567)]],
    ["ปี๖๗", [short(2567)]],
    ["ปีงบ 66", [short(2566)]],
    ["พ.ศ.67", [short(2567)]],
    ["ค.ศ. 2024", [ce(2567)]],
    ["2024", [ce(2567)]],
    ["ปีนี้", [rel(0)]],
    ["ปีงบประมาณนี้", [rel(0)]],
    ["ปีที่แล้ว", [rel(-1)]],
    ["ปีก่อน", [rel(-1)]],
    ["ปีที่ผ่านมา", [rel(-1)]],
    ["สองปีก่อน", [rel(-2)]],
    ["last year", [rel(-1)]],
  ] as const)("reads %j", (raw, expected) => {
    expect(years(raw)).toEqual(expected);
  });

  it("lists years in the order written", () => {
    expect(years("ปีนี้กับปีที่แล้ว")).toEqual([rel(0), rel(-1)]);
    expect(years("2567 กับ 2566")).toEqual([be(2567), be(2566)]);
    expect(years("ปี 2567 กับปีก่อน")).toEqual([be(2567), rel(-1)]);
  });

  it("reads a pair of short years joined by a dash or a conjunction", () => {
    expect(years("ปี 66-67")).toEqual([short(2566), short(2567)]);
    expect(years("ปี66กับ67")).toEqual([short(2566), short(2567)]);
  });

  it("needs ปี or พ.ศ. before two digits unless reading a comparison", () => {
    expect(years("เทียบ 66 กับ 67")).toEqual([]);
    expect(years("เทียบ 66 กับ 67", true)).toEqual([short(2566), short(2567)]);
  });

  it("does not take indicator numbers, item numbers, scores or invite codes as years", () => {
    expect(years("ตัวชี้วัดที่ 4")).toEqual([]);
    expect(years("ตัวชี้วัดที่ 10", true)).toEqual([]);
    expect(years("ข้อ i12", true)).toEqual([]);
    expect(years("เชื่อมต่อ 123456", true)).toEqual([]);
    expect(years("ได้ 97.15", true)).toEqual([]);
    expect(years("1000 5000")).toEqual([]);
  });

  it("blanks the years out of the text it hands on", () => {
    const { rest } = extractYears(normalise("ตัวชี้วัดที่ 4 ปี 67"));
    expect(rest.trim()).toBe("ตัวชี้วัดที่4");
    expect(rest.length).toBe(normalise("ตัวชี้วัดที่ 4 ปี 67").length);
  });
});

describe("sameYear", () => {
  it("compares years by พ.ศ. year whatever the era written, and relative years by offset", () => {
    expect(sameYear(short(2567), be(2567))).toBe(true);
    expect(sameYear(ce(2567), be(2566))).toBe(false);
    expect(sameYear(rel(-1), rel(-1))).toBe(true);
    expect(sameYear(rel(0), be(2567))).toBe(false);
  });
});
