import { describe, expect, it } from "vitest";
import { checkMessage } from "../../../../core/chat/flex/limits.ts";
import { helpMessage, textAnswer } from "../../../../core/chat/flex/text.ts";
import { expectSendable, quickReplies } from "./inspect.ts";

describe("textAnswer", () => {
  it("sends the text with a quick reply for each given question", () => {
    const m = textAnswer("ยังไม่มีผลการประเมินปี 2568", ["คะแนน ปี 2567", "ช่วยเหลือ"]);
    expect(m).toMatchSnapshot();
    expect(quickReplies(m)).toEqual([
      { label: "คะแนน ปี 2567", text: "คะแนน ปี 2567" },
      { label: "ช่วยเหลือ", text: "ช่วยเหลือ" },
    ]);
  });

  it("has no quick reply when none is given", () => {
    expect(textAnswer("สวัสดี").quickReply).toBeUndefined();
  });

  it("keeps within LINE's limits whatever it is given", () => {
    const m = textAnswer(
      "ก".repeat(6000),
      Array.from({ length: 20 }, (_, i) => `คำถามที่ยาวมากเกินยี่สิบตัวอักษร ${i}`),
    );
    expect(checkMessage(m)).toEqual([]);
    expect(m.text.length).toBe(5000);
    expect(quickReplies(m)).toHaveLength(13);
    expect(quickReplies(m)[0]?.text).toBe("คำถามที่ยาวมากเกินยี่สิบตัวอักษร 0");
  });
});

describe("helpMessage", () => {
  it("lists what can be asked, in Thai", () => {
    const m = helpMessage(["IIT", "EIT", "OIT"]);
    expect(m).toMatchSnapshot();
    for (const example of ["ตัวชี้วัดที่ 4", "ข้อ i12", "จุดอ่อน", "เทียบปี 2566 กับ 2567", "อันดับ"]) {
      expect(m.text).toContain(example);
    }
  });

  it("names the tools of the newest year, whatever they are", () => {
    expect(helpMessage(["PERC", "OPEN"]).text).toContain("• PERC, OPEN — คะแนนรายเครื่องมือ");
    expect(helpMessage(["PERC", "OPEN"]).text).not.toContain("IIT");
    expect(quickReplies(helpMessage(["PERC", "OPEN"])).map((q) => q.text)).toContain("PERC");
  });

  it("offers each example as a quick reply", () => {
    const texts = quickReplies(helpMessage()).map((q) => q.text);
    expect(texts).toEqual(
      expect.arrayContaining(["คะแนน", "ตัวชี้วัดที่ 4", "ข้อ i12", "จุดอ่อน", "เทียบปี 2566 กับ 2567", "อันดับ"]),
    );
    expectSendable(helpMessage());
  });
});
