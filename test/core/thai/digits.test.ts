import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toArabicDigits, toThaiDigits } from "../../../core/thai/digits.ts";

/** Text mixing Arabic and Thai digits, Thai letters and marks, punctuation and arbitrary code points. */
const mixedText = fc
  .array(
    fc.oneof(
      fc.constantFrom(..."0123456789๐๑๒๓๔๕๖๗๘๙"),
      fc.constantFrom(..."ปีงบประมาณคะแนนต.ค.ก.ย. -/()%"),
      fc.string({ unit: "binary", maxLength: 2 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("toArabicDigits", () => {
  it("turns every Thai digit into its Arabic digit", () => {
    expect(toArabicDigits("๐๑๒๓๔๕๖๗๘๙")).toBe("0123456789");
    expect(toArabicDigits("๙๘.๕")).toBe("98.5");
  });

  it("keeps the rest of mixed text unchanged", () => {
    expect(toArabicDigits("ปีงบประมาณ ๒๕๖๗ ได้ ๙๗.๑๕ คะแนน (97.15)")).toBe(
      "ปีงบประมาณ 2567 ได้ 97.15 คะแนน (97.15)",
    );
    expect(toArabicDigits("ต.ค.๖๖ - ก.ย.๖๗")).toBe("ต.ค.66 - ก.ย.67");
    expect(toArabicDigits("")).toBe("");
  });
});

describe("toThaiDigits", () => {
  it("turns every Arabic digit into its Thai digit", () => {
    expect(toThaiDigits("0123456789")).toBe("๐๑๒๓๔๕๖๗๘๙");
    expect(toThaiDigits("97.15")).toBe("๙๗.๑๕");
  });

  it("keeps the rest of mixed text unchanged", () => {
    expect(toThaiDigits("ลำดับที่ 543 ของหน่วยงานประเภท เทศบาลตำบล")).toBe(
      "ลำดับที่ ๕๔๓ ของหน่วยงานประเภท เทศบาลตำบล",
    );
    expect(toThaiDigits("ไม่มีตัวเลข")).toBe("ไม่มีตัวเลข");
  });
});

describe("round trip", () => {
  it("gets any text without Thai digits back through Thai digits", () => {
    fc.assert(
      fc.property(mixedText, (raw) => {
        const text = raw.replace(/[๐-๙]/g, "");
        expect(toArabicDigits(toThaiDigits(text))).toBe(text);
      }),
    );
  });

  it("gets any text without Arabic digits back through Arabic digits", () => {
    fc.assert(
      fc.property(mixedText, (raw) => {
        const text = raw.replace(/[0-9]/g, "");
        expect(toThaiDigits(toArabicDigits(text))).toBe(text);
      }),
    );
  });

  it("leaves no digit of the other script behind", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(toArabicDigits(text)).not.toMatch(/[๐-๙]/);
        expect(toThaiDigits(text)).not.toMatch(/[0-9]/);
        expect(toArabicDigits(text)).toHaveLength(text.length);
      }),
    );
  });

  it("reads any mixed text the same whichever script its digits were written in", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(toArabicDigits(toThaiDigits(text))).toBe(toArabicDigits(text));
        expect(toThaiDigits(toArabicDigits(text))).toBe(toThaiDigits(text));
      }),
    );
  });

  it("round-trips the score strings and years that reports use", () => {
    for (const text of ["86.19", "100.00", "0.00", "2567", "ปี 67"]) {
      expect(toArabicDigits(toThaiDigits(text))).toBe(text);
    }
  });
});
