import { describe, expect, it } from "vitest";
import { strengthsCard } from "../../../../core/chat/flex/strengths-card.ts";
import { expectSendable, quickReplies, textOf, textsOf } from "./inspect.ts";
import { strengths2567, weaknesses2565, weaknesses2567 } from "./views.ts";

describe("strengthsCard", () => {
  it("draws the weaknesses of 2567 with the lowest item", () => {
    expect(strengthsCard(weaknesses2567())).toMatchSnapshot();
  });

  it("draws the strengths of 2567", () => {
    expect(strengthsCard(strengths2567())).toMatchSnapshot();
  });

  it("draws the seven weaknesses of seed 001", () => {
    expect(strengthsCard(weaknesses2565())).toMatchSnapshot();
  });

  it("states the threshold and the weak indicators in the alt text", () => {
    expect(strengthsCard(weaknesses2567()).altText).toBe(
      "จุดอ่อน ITA 2567 เทศบาลตำบลศรีสองรัก (ตัวชี้วัดที่ได้ต่ำกว่า 85): ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 66.67",
    );
    expect(strengthsCard(strengths2567()).altText).toContain("(ตัวชี้วัดที่ได้ 85 ขึ้นไป): ตัวชี้วัดที่ 1");
  });

  it("draws weaknesses in red and strengths in blue", () => {
    expect(textOf(strengthsCard(weaknesses2567()), "4. การใช้ทรัพย์สินของราชการ")?.color).toBe("#C62828");
    expect(textOf(strengthsCard(strengths2567()), "8. การปรับปรุงระบบการทำงาน")?.color).not.toBe("#C62828");
  });

  it("lists the lowest items for weaknesses", () => {
    const texts = textsOf(strengthsCard(weaknesses2567())).map((t) => t.text);
    expect(texts).toContain("ข้อคำถามที่ได้คะแนนต่ำสุด");
    expect(texts).toContain("i12 การกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ");
  });

  it("says when no indicator is below the threshold", () => {
    const m = strengthsCard({ ...weaknesses2567(), indicators: [], lowestItems: [] });
    expect(textOf(m, "ไม่มีตัวชี้วัดที่ได้ต่ำกว่า 85")).toBeDefined();
    expect(m.altText.endsWith(": ไม่มี")).toBe(true);
  });

  it("leads from weaknesses to the weak indicators and lowest items", () => {
    expect(quickReplies(strengthsCard(weaknesses2567())).map((q) => q.text)).toEqual([
      "ตัวชี้วัดที่ 4 ปี 2567",
      "ข้อ i12 ปี 2567",
      "จุดแข็ง ปี 2567",
      "คะแนน ปี 2567",
      "ช่วยเหลือ",
    ]);
    expect(quickReplies(strengthsCard(strengths2567()))[0]?.text).toBe("จุดอ่อน ปี 2567");
  });

  it("passes LINE's limits", () => {
    for (const v of [weaknesses2567(), strengths2567(), weaknesses2565()]) expectSendable(strengthsCard(v));
  });
});
