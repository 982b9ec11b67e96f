import { describe, expect, it } from "vitest";
import {
  COMPARE,
  firstIndex,
  HELP_WORDS,
  hasAny,
  latin,
  OVERALL,
  RANK,
  STRENGTHS,
  WEAKNESSES,
} from "../../../core/chat/keywords.ts";
import { normalise } from "../../../core/chat/normalise.ts";

describe("latin", () => {
  it("matches a Latin word next to Thai letters or digits", () => {
    expect(latin("ita").test("คะแนนitaปี67")).toBe(true);
    expect(latin("ita").test("ita2567")).toBe(true);
  });

  it("does not match inside a longer Latin word", () => {
    expect(latin("ita").test("capital")).toBe(false);
    expect(latin("rank").test("frankly")).toBe(false);
  });
});

describe("firstIndex", () => {
  it("gives the position of the earliest keyword, string or pattern", () => {
    expect(firstIndex("abcrank", ["c", latin("rank")])).toBe(2);
    expect(firstIndex("xx rank c", ["c", latin("rank")])).toBe(3);
  });

  it("is -1 when no keyword occurs", () => {
    expect(firstIndex("abc", ["x", /y/])).toBe(-1);
    expect(hasAny("abc", [])).toBe(false);
  });
});

describe("keyword tables", () => {
  const has = (raw: string, keys: Parameters<typeof hasAny>[1]) => hasAny(normalise(raw), keys);

  it("recognise comparing words", () => {
    expect(has("เปรียบเทียบ", COMPARE)).toBe(true);
    expect(has("คะแนนเพิ่มขึ้นไหม", COMPARE)).toBe(true);
    expect(has("2566 vs 2567", COMPARE)).toBe(true);
    expect(has("ปีนี้vsปีที่แล้ว", COMPARE)).toBe(true);
  });

  it("read vs as comparing only next to a number or a year", () => {
    expect(has("ขvsค", COMPARE)).toBe(false);
  });

  it("recognise rank questions but not 'where can I'", () => {
    expect(has("ได้ที่เท่าไหร่", RANK)).toBe(true);
    expect(has("เป็นที่เท่าไรของประเทศ", RANK)).toBe(true);
    expect(has("ดูได้ที่ไหน", RANK)).toBe(false);
    expect(has("ตัวชี้วัดที่เท่าไร", RANK)).toBe(false);
  });

  it("recognise strengths and weaknesses, including 'which is lowest'", () => {
    expect(has("จุดแข็ง", STRENGTHS)).toBe(true);
    expect(has("ข้อไหนได้คะแนนสูง", STRENGTHS)).toBe(true);
    expect(has("ตัวชี้วัดไหนต่ำสุด", WEAKNESSES)).toBe(true);
    expect(has("ข้อไหนได้น้อย", WEAKNESSES)).toBe(true);
    expect(has("จุดแข็ง", WEAKNESSES)).toBe(false);
  });

  it("recognise result words", () => {
    expect(has("ได้กี่คะแนน", OVERALL)).toBe(true);
    expect(has("ระดับอะไร", OVERALL)).toBe(true);
    expect(has("ITA", OVERALL)).toBe(true);
    expect(has("hospital", OVERALL)).toBe(false);
  });

  it("list help words as they are left once fillers are off", () => {
    expect(HELP_WORDS.has("วิธีใช้")).toBe(true);
    expect(HELP_WORDS.has("?")).toBe(true);
    expect(HELP_WORDS.has("คะแนน")).toBe(false);
  });
});
