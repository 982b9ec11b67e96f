import { describe, expect, it } from "vitest";
import { closestSubstring } from "../../../core/chat/fuzzy.ts";

describe("closestSubstring", () => {
  it("finds an exact occurrence at distance zero, with where it ends", () => {
    expect(closestSubstring("งบ", "ตัวชี้วัดงบปี67")).toEqual({ distance: 0, end: 11 });
  });

  it("counts a substituted letter as one edit", () => {
    expect(closestSubstring("ปฏิบัติหน้าที่", "ปฎิบัติหน้าที่ครับ").distance).toBe(1);
  });

  it("counts a missing letter and mark as two edits", () => {
    expect(closestSubstring("ทรัพย์สิน", "การใช้ทรัพสิน").distance).toBe(2);
  });

  it("ignores text around the match", () => {
    expect(closestSubstring("อำนาจ", "คะแนนการใช้อำนาจปีนี้").distance).toBe(0);
  });

  it("is the whole pattern's length when nothing matches, or the text is empty", () => {
    expect(closestSubstring("abc", "xyz").distance).toBe(3);
    expect(closestSubstring("abc", "")).toEqual({ distance: 3, end: 0 });
  });

  it("matches an empty pattern everywhere", () => {
    expect(closestSubstring("", "abc").distance).toBe(0);
  });
});
