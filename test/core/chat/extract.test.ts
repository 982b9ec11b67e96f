import { describe, expect, it } from "vitest";
import {
  extractIndicatorNumber,
  extractItemCode,
  extractLinkCode,
  extractThreshold,
  extractTool,
} from "../../../core/chat/extract.ts";
import { normalise } from "../../../core/chat/normalise.ts";
import { VOCABULARY } from "../../fixtures/frameworks.ts";

describe("extractLinkCode", () => {
  it.each([
    "เชื่อมต่อ 123456",
    "เชื่อม ๑๒๓๔๕๖",
    "link 123456",
    "ขอเชื่อมต่อหน่วยงาน รหัส 123456 ครับ",
    "123456",
    "๑๒๓๔๕๖ ครับ",
  ])("finds the invite code in %j", (raw) => {
    expect(extractLinkCode(normalise(raw))).toBe("123456");
  });

  it("ignores six digits without a linking word inside a longer message", () => {
    expect(extractLinkCode(normalise("คะแนน 123456"))).toBeUndefined();
  });

  it("ignores codes that are not exactly six digits", () => {
    expect(extractLinkCode(normalise("เชื่อมต่อ 12345"))).toBeUndefined();
    expect(extractLinkCode(normalise("เชื่อมต่อ 1234567"))).toBeUndefined();
    expect(extractLinkCode(normalise("12345678"))).toBeUndefined();
  });
});

describe("extractThreshold", () => {
  it.each([
    ["จุดอ่อน เกณฑ์ 80", 80],
    ["ต่ำกว่า ๙๐", 90],
    ["มากกว่า 85.5", 85.5],
    ["ต่ำกว่าเกณฑ์ 85", 85],
    ["below 70", 70],
  ])("reads the threshold in %j", (raw, expected) => {
    expect(extractThreshold(normalise(raw)).threshold).toBe(expected);
  });

  it("blanks the number but keeps the comparing word for the keyword rules", () => {
    const { rest } = extractThreshold(normalise("ข้อไหนต่ำกว่า 85"));
    expect(rest).toContain("ไหนต่ำกว่า");
    expect(rest).not.toContain("85");
  });

  it("ignores numbers that cannot be scores and comparisons without a number", () => {
    expect(extractThreshold(normalise("มากกว่า 2567")).threshold).toBeUndefined();
    expect(extractThreshold(normalise("ต่ำกว่าเกณฑ์")).threshold).toBeUndefined();
  });
});

describe("extractItemCode", () => {
  it.each([
    ["ข้อ i12", "i12"],
    ["i12", "i12"],
    ["I 12", "i12"],
    ["ข้อ O30", "O30"],
    ["o030", "O30"],
    ["e3", "e3"],
    ["ข้อ ๐๓๐", "O30"],
    ["ข้อ ๐๑๐", "O10"],
    ["ข้อe๓ คืออะไร", "e3"],
  ])("reads %j as %s", (raw, expected) => {
    // The lookup key; each year's framework spells it its own way (O30).
    expect(extractItemCode(normalise(raw), VOCABULARY)).toBe(expected.toLowerCase());
  });

  it("does not read letters inside Latin words or tool names as items", () => {
    expect(extractItemCode(normalise("ita 2567"), VOCABULARY)).toBeUndefined();
    expect(extractItemCode(normalise("oit 67"), VOCABULARY)).toBeUndefined();
    expect(extractItemCode(normalise("more 12"), VOCABULARY)).toBeUndefined();
  });

  it("does not read a number without its letter, or item zero, or three digits", () => {
    expect(extractItemCode(normalise("ข้อ 12"), VOCABULARY)).toBeUndefined();
    expect(extractItemCode(normalise("i0"), VOCABULARY)).toBeUndefined();
    expect(extractItemCode(normalise("i123"), VOCABULARY)).toBeUndefined();
  });
});

describe("extractIndicatorNumber", () => {
  it.each([
    ["ตัวชี้วัดที่ 4", 4],
    ["ตัวชี้วัด ๔", 4],
    ["ตชว 4", 4],
    ["ตชว.10", 10],
    ["indicator 4", 4],
    ["ตัวชีวัดที่ 2", 2],
    ["ตัวชี้วัดย่อยที่ 9.1", 9],
  ])("reads %j as indicator %i", (raw, expected) => {
    expect(extractIndicatorNumber(normalise(raw), 10)).toBe(expected);
  });

  it("marks a number beyond every year's indicators (10 here) invalid rather than returning it", () => {
    expect(extractIndicatorNumber(normalise("ตัวชี้วัดที่ 11"), 10)).toBe("invalid");
    expect(extractIndicatorNumber(normalise("indicator 0"), 10)).toBe("invalid");
  });

  it("finds nothing when no indicator number is written", () => {
    expect(extractIndicatorNumber(normalise("ตัวชี้วัดทั้งหมด"), 10)).toBeUndefined();
  });
});

describe("extractTool", () => {
  it.each([
    ["IIT", "IIT"],
    ["คะแนน eit", "EIT"],
    ["OIT ปี 67", "OIT"],
    ["แบบวัดภายใน", "IIT"],
    ["ภายนอก", "EIT"],
    ["แบบตรวจการเปิดเผยข้อมูลสาธารณะ", "OIT"],
    ["โอไอที", "OIT"],
  ])("reads %j as %s", (raw, expected) => {
    expect(extractTool(normalise(raw), VOCABULARY)).toBe(expected);
  });

  it("takes the tool named first", () => {
    expect(extractTool(normalise("eit กับ iit"), VOCABULARY)).toBe("EIT");
  });

  it("reads a tool by the words its framework gives it, and by none of another year's", () => {
    expect(extractTool(normalise("แบบวัดภายนอก"), VOCABULARY)).toBe("EIT");
    expect(extractTool(normalise("คะแนนเครื่องมือ PERC"), VOCABULARY)).toBeUndefined();
  });

  it("does not read 'within the agency' or Latin words containing the letters as a tool", () => {
    expect(extractTool(normalise("ภายในหน่วยงาน"), VOCABULARY)).toBeUndefined();
    expect(extractTool(normalise("either"), VOCABULARY)).toBeUndefined();
    expect(extractTool(normalise("การเปิดเผยข้อมูล"), VOCABULARY)).toBeUndefined();
  });
});
