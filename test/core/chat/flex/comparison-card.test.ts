import { describe, expect, it } from "vitest";
import { comparisonCard } from "../../../../core/chat/flex/comparison-card.ts";
import { expectSendable, quickReplies, textOf, textsOf } from "./inspect.ts";
import { sriSongRak2566to2567 } from "./views.ts";

describe("comparisonCard", () => {
  it("draws ศรีสองรัก 2566 → 2567", () => {
    expect(comparisonCard(sriSongRak2566to2567())).toMatchSnapshot();
  });

  it("states both totals, the change and the levels in the alt text", () => {
    const alt = comparisonCard(sriSongRak2566to2567()).altText;
    expect(alt).toContain("เทียบ ITA 2566 กับ 2567 เทศบาลตำบลศรีสองรัก");
    expect(alt).toContain("คะแนนรวม 88.28 → 97.15 (+8.87)");
    expect(alt).toContain("ระดับ ผ่าน → ผ่านดี");
    expect(alt).toContain("ลดลงมากสุด ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ -5.33");
  });

  it("colours rises green with ▲, falls red with ▼ and no change grey with ＝", () => {
    const m = comparisonCard(sriSongRak2566to2567());
    expect(textOf(m, "▲ +20.00")?.color).toBe("#2E7D32");
    expect(textOf(m, "▼ -0.60")?.color).toBe("#C62828");
    expect(textOf(m, "▼ -5.33")?.color).toBe("#C62828");
    expect(
      textsOf(m)
        .filter((t) => t.text === "＝ 0.00")
        .map((t) => t.color),
    ).toEqual(["#9E9E9E", "#9E9E9E"]);
  });

  it("shows the levels from → to", () => {
    expect(textOf(comparisonCard(sriSongRak2566to2567()), "ระดับ ผ่าน → ผ่านดี")).toBeDefined();
  });

  it("leads to the indicator that fell most, then the later year's weaknesses", () => {
    const texts = quickReplies(comparisonCard(sriSongRak2566to2567())).map((q) => q.text);
    expect(texts.slice(0, 2)).toEqual(["ตัวชี้วัดที่ 4 ปี 2567", "จุดอ่อน ปี 2567"]);
  });

  it("says so when the two years have nothing in common", () => {
    const { total: _t, levels: _l, ...v } = sriSongRak2566to2567();
    const m = comparisonCard({ ...v, tools: [], indicators: [] });
    expect(textOf(m, "ยังไม่มีคะแนนที่เทียบกันได้ระหว่างสองปีนี้")).toBeDefined();
    expectSendable(m);
  });

  it("passes LINE's limits", () => {
    expectSendable(comparisonCard(sriSongRak2566to2567()));
  });
});
