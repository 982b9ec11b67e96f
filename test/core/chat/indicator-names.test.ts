import { describe, expect, it } from "vitest";
import {
  FUZZY_WINDOW,
  matchIndicatorName,
  tolerance,
  WORD_ONLY_MAX_MESSAGE,
} from "../../../core/chat/indicator-names.ts";
import { normalise } from "../../../core/chat/normalise.ts";
import { chatVocabulary } from "../../../core/chat/vocabulary.ts";
import { frameworkCatalog } from "../../../core/ita/catalog.ts";
import { fw, VOCABULARY } from "../../fixtures/frameworks.ts";

const match = (raw: string) => matchIndicatorName(normalise(raw), VOCABULARY)?.no;

describe("matchIndicatorName", () => {
  it.each(fw(2569).indicators.map((i) => [i.no, i.nameTh] as const))(
    "reads the official name of indicator %s",
    (no, name) => {
      expect(match(name)).toBe(no);
    },
  );

  it("gives the concept of the named indicator, so a year that numbers it otherwise finds it", () => {
    expect(matchIndicatorName(normalise("ทรัพย์สิน"), VOCABULARY)).toEqual({
      no: 4,
      concept: "asset-use",
      alias: "ทรัพย์สิน",
    });
  });

  it("reads the names a loaded framework gives, and none it does not", () => {
    const doc = {
      ...fw(2569).document,
      year: 2570,
      indicators: [
        { no: 1, nameTh: "ความโปร่งใสของการจัดซื้อจัดจ้าง", tool: "IIT", aliases: ["จัดซื้อจัดจ้าง"] },
        ...fw(2569).document.indicators.slice(1),
      ],
    };
    const vocabulary = chatVocabulary(frameworkCatalog([doc]));
    expect(matchIndicatorName(normalise("คะแนนจัดซื้อจัดจ้าง"), vocabulary)?.no).toBe(1);
    expect(matchIndicatorName(normalise("ปฏิบัติหน้าที่"), vocabulary)).toBeUndefined();
  });

  it.each([
    ["ทรัพย์สิน", 4],
    ["ทรัพสิน", 4],
    ["การใช้ทรัพย์สิ้นของราชการ", 4],
    ["งบประมาณ", 2],
    ["งบ", 2],
    ["อำนาจ", 3],
    ["อํานาจ", 3],
    ["ปฏิบัติหน้าที่", 1],
    ["ปฎิบัติหน้าที่", 1],
    ["แก้ไขปัญหาการทุจริต", 5],
    ["แก้ปัญหาทุจริต", 5],
    ["คุณภาพ", 6],
    ["ประสิทธิภาพการสือสาร", 7],
    ["สื่อสาร", 7],
    ["ปรับปรุงการทำงาน", 8],
    ["เปิดเผยข้อมูล", 9],
    ["ป้องกันทุจริต", 10],
    ["ป้องกันการทุจจริต", 10],
    ["budget", 2],
    ["disclosure", 9],
  ])("reads the alias or typo %j as indicator %i", (raw, no) => {
    expect(match(raw)).toBe(no);
  });

  it("finds the name among other words and polite particles", () => {
    expect(match("คะแนนเรื่องการใช้อำนาจปีนี้เป็นยังไงบ้างครับ")).toBe(3);
  });

  it("takes the name written first when two are exact", () => {
    expect(match("การใช้อำนาจกับการใช้งบประมาณ")).toBe(3);
  });

  it("prefers an exact name over a typo of another", () => {
    expect(match("ปฎิบัติหน้าที่ กับ อำนาจ")).toBe(3);
  });

  it("does not read the fiscal year or the OIT tool's name (which holds indicator 9's) as an indicator", () => {
    expect(match("ปีงบประมาณ")).toBeUndefined();
    expect(match("แบบตรวจการเปิดเผยข้อมูลสาธารณะ")).toBeUndefined();
  });

  it("does not read near-words as names", () => {
    expect(match("ได้ประมาณเท่าไร")).toBeUndefined();
    expect(match("ทุจริต")).toBeUndefined();
    expect(match("คุณ")).toBeUndefined();
  });

  it("reads งบ only as a word of its own, and only in a short message", () => {
    expect(match("ใช้งบอย่างไร")).toBe(2);
    expect(match("ยังบอกไม่ได้")).toBeUndefined();
    expect(match("ทั้งบ้าน")).toBeUndefined();
    expect(match("สงบ")).toBeUndefined();
    expect(match(`งบ ${"ฯ".repeat(WORD_ONLY_MAX_MESSAGE)}`)).toBeUndefined();
    expect(match(`งบประมาณ ${"ฯ".repeat(WORD_ONLY_MAX_MESSAGE)}`)).toBe(2);
  });

  it("reads only the first FUZZY_WINDOW characters", () => {
    expect(match(`${"ก".repeat(FUZZY_WINDOW)}อำนาจ`)).toBeUndefined();
    expect(match(`${"ก".repeat(FUZZY_WINDOW - 10)}อำนาจ`)).toBe(3);
  });
});

describe("tolerance", () => {
  it("allows no typo in short words, one in middling ones, two in long names", () => {
    expect(tolerance("งบ".length)).toBe(0);
    expect(tolerance("อำนาจ".length)).toBe(0);
    expect(tolerance("คุณภาพ".length)).toBe(1);
    expect(tolerance("ปฏิบัติหน้าที่".length)).toBe(2);
  });
});

describe("the shipped frameworks' aliases", () => {
  it("cover every indicator 1–10 and nothing else", () => {
    expect([...new Set(VOCABULARY.indicators.map((a) => a.no))].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });
});
