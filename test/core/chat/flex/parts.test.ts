import { describe, expect, it } from "vitest";
import {
  ask,
  asks,
  bar,
  barLabel,
  clip,
  formatInt,
  indicatorPhrase,
  inProvince,
  quickReply,
  widthPercent,
} from "../../../../core/chat/flex/parts.ts";
import { parseQuery } from "../../../../core/chat/intent.ts";
import { VOCABULARY } from "../../../fixtures/frameworks.ts";

describe("flex parts", () => {
  it("formats whole numbers with thousands separators", () => {
    expect([formatInt(7), formatInt(2400), formatInt(8325), formatInt(1234567)]).toEqual([
      "7",
      "2,400",
      "8,325",
      "1,234,567",
    ]);
  });

  it("keeps bar widths within 0–100 %", () => {
    expect([widthPercent(-3), widthPercent(66.666), widthPercent(140), widthPercent(Number.NaN)]).toEqual([
      "0%",
      "66.67%",
      "100%",
      "0%",
    ]);
    expect(bar(92.9).contents[0]).toMatchObject({ type: "box", width: "92.9%", backgroundColor: "#1565C0" });
  });

  it("labels bars without repeating the code", () => {
    expect(barLabel({ code: "4", label: "4. การใช้ทรัพย์สินของราชการ" })).toBe("4. การใช้ทรัพย์สินของราชการ");
    expect(barLabel({ code: "4", label: "การใช้ทรัพย์สินของราชการ" })).toBe("4 การใช้ทรัพย์สินของราชการ");
    expect(barLabel({ code: "1", label: "10. การป้องกันการทุจริต" })).toBe("1 10. การป้องกันการทุจริต");
    expect(barLabel({ code: "IIT", label: "IIT" })).toBe("IIT");
    expect(indicatorPhrase({ code: "4", label: "4. การใช้ทรัพย์สินของราชการ", value: "66.67" })).toBe(
      "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 66.67",
    );
  });

  it("says จังหวัด except for Bangkok", () => {
    expect(inProvince("เลย")).toBe("ในจังหวัดเลย");
    expect(inProvince("กรุงเทพมหานคร")).toBe("ในกรุงเทพมหานคร");
  });

  it("clips with an ellipsis", () => {
    expect(clip("เทียบปี 2566 กับ 2567", 20)).toBe("เทียบปี 2566 กับ 25…");
    expect(clip("อันดับ", 20)).toBe("อันดับ");
  });

  it("builds quick replies without duplicates, at most 13", () => {
    const q = quickReply([
      ask("จุดอ่อน"),
      ask("จุดอ่อน"),
      ...Array.from({ length: 20 }, (_, i) => ask(`ข้อ i${i}`)),
    ]);
    expect(q.items).toHaveLength(13);
    expect(q.items?.[0]).toEqual({
      type: "action",
      action: { type: "message", label: "จุดอ่อน", text: "จุดอ่อน" },
    });
    expect(q.items?.[1]?.action?.label).toBe("ข้อ i0");
  });

  it("asks questions the bot understands, for the card's year", () => {
    const year = { kind: "year", be: 2567, era: "be" };
    expect(parseQuery(asks.overall(2567).text, VOCABULARY)).toEqual({ intent: "overall", year });
    expect(parseQuery(asks.indicator(4, 2567).text, VOCABULARY)).toEqual({
      intent: "indicator",
      no: 4,
      year,
    });
    expect(parseQuery(asks.item("i12", 2567).text, VOCABULARY)).toEqual({
      intent: "item",
      code: "i12",
      year,
    });
    expect(parseQuery(asks.weaknesses(2567).text, VOCABULARY)).toEqual({ intent: "weaknesses", year });
    expect(parseQuery(asks.strengths(2567).text, VOCABULARY)).toEqual({ intent: "strengths", year });
    expect(parseQuery(asks.rank(2567).text, VOCABULARY)).toEqual({ intent: "rank", year });
    expect(parseQuery(asks.tool("EIT", 2567).text, VOCABULARY)).toEqual({
      intent: "tool",
      tool: "EIT",
      year,
    });
    expect(parseQuery(asks.compare(2566, 2567).text, VOCABULARY)).toEqual({
      intent: "compare",
      years: [{ kind: "year", be: 2566, era: "be" }, year],
    });
    expect(parseQuery(asks.help().text, VOCABULARY)).toEqual({ intent: "help" });
  });
});
