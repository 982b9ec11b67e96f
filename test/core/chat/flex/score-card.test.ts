import { describe, expect, it } from "vitest";
import { jsonBytes } from "../../../../core/chat/flex/limits.ts";
import { scoreCard } from "../../../../core/chat/flex/score-card.ts";
import { bubbleOf, componentsOf, expectSendable, quickReplies, textOf, textsOf } from "./inspect.ts";
import { banLaeng2565, indicator, sriSongRak2567 } from "./views.ts";

const RED = "#C62828";

describe("scoreCard", () => {
  it("draws seed 000 (ศรีสองรัก 2567, 97.15 ผ่านดี)", () => {
    expect(scoreCard(sriSongRak2567())).toMatchSnapshot();
  });

  it("draws seed 001 (บ้านแลง 2565, 86.19 A)", () => {
    expect(scoreCard(banLaeng2565())).toMatchSnapshot();
  });

  it("states agency, year, total and level in the alt text", () => {
    const m = scoreCard(sriSongRak2567());
    expect(m.altText.startsWith("ITA 2567 เทศบาลตำบลศรีสองรัก 97.15 ผ่านดี")).toBe(true);
    expect(m.altText).toContain("อันดับ 543 ของเทศบาลตำบลทั่วประเทศ");
    expect(m.altText).toContain("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 66.67");
    expect(scoreCard(banLaeng2565()).altText).toContain("86.19 ระดับ A");
  });

  it("shows the fiscal year, the total with two decimals and the level chip in the level's colour", () => {
    const m = scoreCard(sriSongRak2567());
    expect(textOf(m, "ปีงบประมาณ พ.ศ. 2567")).toBeDefined();
    expect(textOf(m, "97.15")?.size).toBe("3xl");
    const chip = componentsOf(m).find(
      (c) => c.type === "box" && c.contents.some((x) => x.type === "text" && x.text === "ผ่านดี"),
    );
    expect(chip).toMatchObject({ backgroundColor: "#2E7D32" });
  });

  it("gives the rank ITAS published and the provincial rank", () => {
    const texts = textsOf(scoreCard(sriSongRak2567())).map((t) => t.text);
    expect(texts).toContain("อันดับ 543 ของเทศบาลตำบลทั่วประเทศ");
    expect(texts).toContain("อันดับ 3/17 ในจังหวัดเลย");
    expect(texts).not.toContain("อันดับ 540/2,469 ของเทศบาลตำบลทั่วประเทศ");
  });

  it("falls back to the computed national rank with thousands separators", () => {
    const { reportedRank: _, ...view } = sriSongRak2567();
    const texts = textsOf(scoreCard({ ...view, national: { rank: 12, of: 2400, agencyType: "เทศบาลตำบล" } }));
    expect(texts.map((t) => t.text)).toContain("อันดับ 12/2,400 ของเทศบาลตำบลทั่วประเทศ");
  });

  it("highlights only the weakest indicator, in red and marked ต่ำสุด", () => {
    const m = scoreCard(sriSongRak2567());
    expect(textOf(m, "4. การใช้ทรัพย์สินของราชการ")?.color).toBe(RED);
    expect(textOf(m, "1. การปฏิบัติหน้าที่")?.color).not.toBe(RED);
    expect(textsOf(m).filter((t) => t.text === "ต่ำสุด")).toHaveLength(1);
    const redBars = componentsOf(m).filter((c) => c.type === "box" && c.backgroundColor === RED);
    expect(redBars).toHaveLength(1);
    expect(redBars[0]).toMatchObject({ width: "67%" });
  });

  it("draws three tool bars and ten indicator bars as wide as their percent", () => {
    const fills = componentsOf(scoreCard(sriSongRak2567())).filter(
      (c) => c.type === "box" && c.width !== undefined,
    );
    expect(fills.map((f) => (f.type === "box" ? f.width : ""))).toEqual([
      "93%",
      "98%",
      "100%",
      "100%",
      "99%",
      "99%",
      "67%",
      "100%",
      "100%",
      "100%",
      "93%",
      "100%",
      "100%",
    ]);
  });

  it("notes reported figures that differ from the computed ones, and only then", () => {
    expect(textOf(scoreCard(sriSongRak2567()), "มีตัวเลขที่รายงานไม่ตรงกับที่คำนวณ 1 รายการ")).toBeDefined();
    expect(textsOf(scoreCard(banLaeng2565())).some((t) => t.text?.includes("ไม่ตรง"))).toBe(false);
  });

  it("offers the weakest indicator, weaknesses, the previous year, rank and help as quick replies", () => {
    const texts = quickReplies(scoreCard(sriSongRak2567())).map((q) => q.text);
    expect(texts.slice(0, 4)).toEqual([
      "ตัวชี้วัดที่ 4 ปี 2567",
      "จุดอ่อน ปี 2567",
      "เทียบปี 2566 กับ 2567",
      "อันดับ ปี 2567",
    ]);
    expect(texts).toContain("ช่วยเหลือ");
    expect(quickReplies(scoreCard(banLaeng2565())).map((q) => q.text)).not.toContain(
      expect.stringContaining("เทียบ"),
    );
  });

  it("compares with the next year when only later years have data", () => {
    const texts = quickReplies(scoreCard({ ...banLaeng2565(), otherYears: [2567, 2566] })).map((q) => q.text);
    expect(texts).toContain("เทียบปี 2565 กับ 2566");
  });

  it("says when there is no total yet", () => {
    const { total: _t, level: _l, ...view } = sriSongRak2567();
    const m = scoreCard({ ...view, tools: [], indicators: [] });
    expect(textOf(m, "ยังไม่มีคะแนนรวม")).toBeDefined();
    expect(m.altText).toBe("ITA 2567 เทศบาลตำบลศรีสองรัก ยังไม่มีคะแนนรวม · อันดับ 543 ของเทศบาลตำบลทั่วประเทศ");
    expectSendable(m);
  });

  it("passes LINE's limits for both seeds", () => {
    expectSendable(scoreCard(sriSongRak2567()));
    expectSendable(scoreCard(banLaeng2565()));
  });

  it("stays within limits with ten indicators, ties for lowest and a very long Thai agency name", () => {
    const name = "องค์การบริหารส่วนตำบลหนองบัวแดงเฉลิมพระเกียรติสมเด็จพระศรีนครินทร์ทรงพระกรุณาโปรดเกล้า".repeat(8);
    const view = {
      ...sriSongRak2567(),
      agencyName: name,
      otherYears: [2566, 2565, 2564, 2563],
      mismatchCount: 12,
      indicators: sriSongRak2567().indicators.map((b) => indicator(Number(b.code) as 1, "66.67", true)),
    };
    const m = scoreCard(view);
    expectSendable(m);
    expect(m.altText.length).toBeLessThanOrEqual(400);
    expect(m.altText).toContain("97.15");
    expect(jsonBytes(bubbleOf(m))).toBeLessThan(30_000);
    expect(quickReplies(m).filter((q) => q.text.startsWith("ตัวชี้วัดที่"))).toHaveLength(3);
  });
});
