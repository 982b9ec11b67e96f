import { describe, expect, it } from "vitest";
import { indicatorCard } from "../../../../core/chat/flex/indicator-card.ts";
import { expectSendable, quickReplies, textOf, textsOf } from "./inspect.ts";
import { assetUse2567, budgetComputed2567, disclosure2565 } from "./views.ts";

describe("indicatorCard", () => {
  it("draws indicator 4 of 2567 with its three items", () => {
    expect(indicatorCard(assetUse2567())).toMatchSnapshot();
  });

  it("draws indicator 9 of 2565 with five sub-indicators and 33 items", () => {
    expect(indicatorCard(disclosure2565())).toMatchSnapshot();
  });

  it("states the indicator and its value in the alt text, with the items under the threshold", () => {
    expect(indicatorCard(assetUse2567()).altText).toBe(
      "ITA 2567 เทศบาลตำบลศรีสองรัก ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 66.67 · ต่ำกว่า 85: i12 0.00",
    );
  });

  it("marks the items under the threshold and only them", () => {
    const m = indicatorCard(assetUse2567());
    expect(textsOf(m).filter((t) => t.text === "ต่ำกว่า 85")).toHaveLength(1);
    expect(textOf(m, "i12 การกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ")?.color).toBe("#C62828");
    expect(textOf(m, "i10")?.color).not.toBe("#C62828");
  });

  it("says when the value was computed from the items", () => {
    expect(textOf(indicatorCard(budgetComputed2567()), "(คำนวณจากข้อคำถาม)")).toBeDefined();
    expect(textOf(indicatorCard(assetUse2567()), "(คำนวณจากข้อคำถาม)")).toBeUndefined();
  });

  it("lists sub-indicators when the indicator has them", () => {
    const texts = textsOf(indicatorCard(disclosure2565())).map((t) => t.text);
    expect(texts).toContain("9.1 ข้อมูลพื้นฐาน");
    expect(texts).toContain("9.5 การส่งเสริมความโปร่งใส");
  });

  it("offers the low item, weaknesses, the tool and the neighbouring indicators", () => {
    expect(quickReplies(indicatorCard(assetUse2567())).map((q) => q.text)).toEqual([
      "ข้อ i12 ปี 2567",
      "จุดอ่อน ปี 2567",
      "IIT ปี 2567",
      "ตัวชี้วัดที่ 3 ปี 2567",
      "ตัวชี้วัดที่ 5 ปี 2567",
      "คะแนน ปี 2567",
      "ช่วยเหลือ",
    ]);
    // The neighbours are the year's own (10 is the last indicator of 2565: only 9 before it).
    const last = quickReplies(indicatorCard({ ...disclosure2565(), no: 10, neighbours: [9] })).map(
      (q) => q.text,
    );
    expect(last).toContain("ตัวชี้วัดที่ 9 ปี 2565");
    expect(last).not.toContain("ตัวชี้วัดที่ 11 ปี 2565");
  });

  it("passes LINE's limits, also when a long OIT indicator has to drop its item titles", () => {
    expectSendable(indicatorCard(assetUse2567()));
    expectSendable(indicatorCard(budgetComputed2567()));
    expectSendable(indicatorCard(disclosure2565()));
    const long = disclosure2565();
    const many = [...long.items, ...long.items, ...long.items].map((i, n) => ({ ...i, code: `O${n + 1}` }));
    const m = indicatorCard({ ...long, items: many });
    expectSendable(m);
    expect(textOf(m, "O99")).toBeDefined();
  });
});
