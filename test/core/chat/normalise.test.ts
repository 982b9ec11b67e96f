import { describe, expect, it } from "vitest";
import { bareForms, maskMatches, maskSpan, normalise } from "../../../core/chat/normalise.ts";

describe("normalise", () => {
  it.each([
    ["คะแนน ITA ปี ๒๕๖๗ ครับ", "คะแนนitaปี2567ครับ"],
    ["ตัวชี้วัด ที่ ๔", "ตัวชี้วัดที่4"],
    ["  link   123456 ", "link 123456"],
    ["เปรียบเทียบ 2566 2567", "เปรียบเทียบ2566 2567"],
    ["I 12", "i 12"],
    ["พ.ศ. ๒๕๖๗", "พ.ศ.2567"],
    ["what is\nour ITA", "what is our ita"],
  ])("reads %j as %j", (raw, expected) => {
    expect(normalise(raw)).toBe(expected);
  });

  it("turns a Thai zero after ข้อ into the letter O of an OIT item", () => {
    expect(normalise("ข้อ ๐๓๐")).toBe("ข้อo30");
    expect(normalise("ข้อที่ ๐๑๐")).toBe("ข้อที่o10");
  });

  it("keeps a Thai zero that does not open an item number after ข้อ", () => {
    expect(normalise("ปี ๒๕๖๐")).toBe("ปี2560");
    expect(normalise("๐๓๐")).toBe("030");
    expect(normalise("ข้อ ๑๐")).toBe("ข้อ10");
  });

  it("writes sara am one way whether typed as one character or as nikhahit and sara aa", () => {
    expect(normalise("อํานาจ")).toBe("อำนาจ");
    expect(normalise("อำนาจ")).toBe("อำนาจ");
  });

  it("reads two sara e typed for sara ae as sara ae", () => {
    expect(normalise("คะเเนน")).toBe("คะแนน");
  });

  it("drops zero-width characters and reads full-width Latin as Latin", () => {
    expect(normalise("คะ\u200bแนน ＩＴＡ")).toBe("คะแนนita");
  });

  it("reads only the start of a very long message", () => {
    expect(normalise("ก".repeat(5000)).length).toBe(1000);
  });
});

describe("maskSpan and maskMatches", () => {
  it("blank out text with spaces, keeping every position", () => {
    expect(maskSpan("abcdef", 1, 3)).toBe("a  def");
    expect(maskMatches("a12b345", /\d+/g, (m) => m[0].length > 2)).toBe("a12b   ");
  });
});

describe("bareForms", () => {
  it("takes polite particles and fillers off both ends, one at a time", () => {
    expect(bareForms("ขอวิธีใช้หน่อยครับ")).toContain("วิธีใช้");
    expect(bareForms("อยากรู้คะแนนค่ะ")).toContain("คะแนน");
  });

  it("keeps the form a word has before a filler-like start is cut off it", () => {
    const forms = bareForms("ช่วยเหลือครับ");
    expect(forms).toContain("ช่วยเหลือ");
    expect(forms).toContain("เหลือ");
  });

  it("does not cut a particle out of the middle of a word", () => {
    expect(bareForms("คะแนน")).toEqual(["คะแนน"]);
  });

  it("takes punctuation off the ends", () => {
    expect(bareForms("วิธีใช้?")).toContain("วิธีใช้");
    expect(bareForms(" 123456 !! ")).toContain("123456");
  });

  it("ends with an empty form when the message is only fillers", () => {
    expect(bareForms("ครับ")).toContain("");
  });
});
