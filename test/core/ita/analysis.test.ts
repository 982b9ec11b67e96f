import { describe, expect, it } from "vitest";
import {
  compareYears,
  DEFAULT_THRESHOLD,
  indicatorScores,
  lowestItems,
  strengthsAndWeaknesses,
} from "../../../core/ita/analysis.ts";
import type { Assessment, ScoreInput } from "../../../core/ita/assessment.ts";
import { scoreAssessment } from "../../../core/ita/scoring.ts";
import { fw as shipped } from "../../fixtures/frameworks.ts";
import { SEED_000_ITEMS, SEED_001_INDICATORS, s, scores } from "../../fixtures/seeds.ts";

const fw = shipped;
const assess = (year: number, input: ScoreInput) => scoreAssessment(fw(year), input);

const seed001 = () => assess(2565, { indicators: scores(SEED_001_INDICATORS) });

const seed000 = () => assess(2567, { items: scores(SEED_000_ITEMS) });

const nos = (list: { no: number }[]) => list.map((x) => x.no);

describe("indicatorScores", () => {
  it("lists every known indicator of seed 001 in framework order with its name, tool and value", () => {
    const list = indicatorScores(fw(2565), seed001());
    expect(nos(list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(list[0]).toEqual({ no: 1, nameTh: "การปฏิบัติหน้าที่", tool: "IIT", value: s("86.92") });
    expect(list[6]).toEqual({ no: 7, nameTh: "ประสิทธิภาพการสื่อสาร", tool: "EIT", value: s("65.09") });
    expect(list[9]).toEqual({ no: 10, nameTh: "การป้องกันการทุจริต", tool: "OIT", value: s("100") });
  });

  it("leaves out indicators that are not known", () => {
    const a = assess(2565, { indicators: scores({ 2: "77.35", 9: "100" }) });
    expect(indicatorScores(fw(2565), a)).toEqual([
      { no: 2, nameTh: "การใช้งบประมาณ", tool: "IIT", value: s("77.35") },
      { no: 9, nameTh: "การเปิดเผยข้อมูล", tool: "OIT", value: s("100") },
    ]);
  });

  it("includes indicators computed from items (seed 000 indicator 4 = 66.67)", () => {
    const list = indicatorScores(fw(2567), seed000());
    expect(nos(list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(list.find((x) => x.no === 4)?.value).toBe(s("66.67"));
  });
});

describe("strengthsAndWeaknesses", () => {
  it("splits seed 001 at 80 into five strengths and five weaknesses in report order", () => {
    const r = strengthsAndWeaknesses(fw(2565), seed001(), 80);
    expect(r.threshold).toBe(80);
    expect(nos(r.strengths)).toEqual([9, 10, 1, 3, 6]);
    expect(nos(r.weaknesses)).toEqual([5, 2, 4, 8, 7]);
    expect(r.strengths.map((x) => x.value)).toEqual([s("100"), s("100"), s("86.92"), s("83.40"), s("83.16")]);
    expect(r.weaknesses[0]).toEqual({
      no: 5,
      nameTh: "การแก้ไขปัญหาการทุจริต",
      tool: "IIT",
      value: s("78.47"),
    });
  });

  it("uses 85 as the default threshold: only indicators 9, 10 and 1 of seed 001 are strengths", () => {
    expect(DEFAULT_THRESHOLD).toBe(85);
    const r = strengthsAndWeaknesses(fw(2565), seed001());
    expect(r.threshold).toBe(85);
    expect(nos(r.strengths)).toEqual([9, 10, 1]);
    expect(nos(r.weaknesses)).toEqual([3, 6, 5, 2, 4, 8, 7]);
  });

  it("at 90 leaves only the two OIT indicators of seed 001 as strengths", () => {
    const r = strengthsAndWeaknesses(fw(2565), seed001(), 90);
    expect(nos(r.strengths)).toEqual([9, 10]);
    expect(nos(r.weaknesses)).toEqual([1, 3, 6, 5, 2, 4, 8, 7]);
  });

  it("counts a value exactly at the threshold as a strength", () => {
    const a = assess(2565, { indicators: scores({ 1: "85.00", 2: "84.99", 3: "80" }) });
    const at85 = strengthsAndWeaknesses(fw(2565), a, 85);
    expect(nos(at85.strengths)).toEqual([1]);
    expect(nos(at85.weaknesses)).toEqual([2, 3]);
    const at80 = strengthsAndWeaknesses(fw(2565), a, 80);
    expect(nos(at80.strengths)).toEqual([1, 2, 3]);
    expect(at80.weaknesses).toEqual([]);
  });

  it("orders equal values by indicator number", () => {
    const a = assess(2565, { indicators: scores({ 8: "70", 3: "70", 5: "90", 1: "90" }) });
    const r = strengthsAndWeaknesses(fw(2565), a);
    expect(nos(r.strengths)).toEqual([1, 5]);
    expect(nos(r.weaknesses)).toEqual([3, 8]);
  });

  it("puts every indicator in exactly one list", () => {
    for (const threshold of [0, 50, 80, 85, 90, 100]) {
      const r = strengthsAndWeaknesses(fw(2565), seed001(), threshold);
      expect([...nos(r.strengths), ...nos(r.weaknesses)].sort((x, y) => x - y)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
    }
  });
});

describe("lowestItems", () => {
  it("gives the three lowest items of seed 000 with their indicator numbers and names", () => {
    const low = lowestItems(fw(2567), seed000(), 3);
    expect(low.map((x) => x.code)).toEqual(["i12", "e9", "i8"]);
    expect(low[0]).toMatchObject({
      code: "i12",
      value: s("0"),
      indicator: 4,
      indicatorNameTh: "การใช้ทรัพย์สินของราชการ",
      titleTh: "การกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ",
    });
    expect(low[1]).toMatchObject({
      code: "e9",
      value: s("57.47"),
      indicator: 8,
      indicatorNameTh: "การปรับปรุงระบบการทำงาน",
    });
    expect(low[2]).toMatchObject({
      code: "i8",
      value: s("96.67"),
      indicator: 3,
      indicatorNameTh: "การใช้อำนาจ",
    });
  });

  it("returns five items by default, lowest first", () => {
    const low = lowestItems(fw(2567), seed000());
    expect(low.map((x) => x.code)).toEqual(["i12", "e9", "i8", "i5", "e3"]);
    const values = low.map((x) => x.value);
    expect(values).toEqual([...values].sort((x, y) => x - y));
  });

  it("breaks ties by item order: IIT before EIT, then by number", () => {
    const a = assess(2567, { items: scores({ e2: "50", i10: "50", i2: "50", e1: "50", i1: "90" }) });
    expect(lowestItems(fw(2567), a, 4).map((x) => x.code)).toEqual(["i2", "i10", "e1", "e2"]);
  });

  it("returns an item without indicator fields when the year does not place it in an indicator", () => {
    const a = assess(2567, { items: scores({ O30: "0", i1: "100" }) });
    const [first] = lowestItems(fw(2567), a, 1);
    expect(first?.code).toBe("O30");
    expect(first?.titleTh).toBe("การประเมินความเสี่ยงการทุจริตประจำปี");
    expect(first).not.toHaveProperty("indicator");
    expect(first).not.toHaveProperty("indicatorNameTh");
  });

  it("returns nothing when no items are known", () => {
    expect(lowestItems(fw(2565), seed001(), 3)).toEqual([]);
  });
});

/** The deltas of two assessments, each under its own year's framework. */
const yearOverYear = (before: Assessment, after: Assessment) =>
  compareYears(
    { framework: fw(before.year), assessment: before },
    { framework: fw(after.year), assessment: after },
  ).deltas;

describe("compareYears", () => {
  it("gives deltas in hundredths for total, tools and indicators, in framework order", () => {
    const before = assess(2565, {
      indicators: scores({
        1: "80",
        2: "80",
        3: "80",
        4: "80",
        5: "80",
        6: "70",
        7: "70",
        8: "70",
        9: "90",
        10: "90",
      }),
    });
    const after = assess(2566, {
      indicators: scores({
        1: "90",
        2: "80",
        3: "80",
        4: "80",
        5: "80",
        6: "70",
        7: "70",
        8: "67.50",
        9: "100",
        10: "90",
      }),
    });
    const deltas = yearOverYear(before, after);
    expect(deltas.map((d) => `${d.kind}:${d.code}`)).toEqual([
      "total:total",
      "tool:IIT",
      "tool:EIT",
      "tool:OIT",
      "indicator:1",
      "indicator:2",
      "indicator:3",
      "indicator:4",
      "indicator:5",
      "indicator:6",
      "indicator:7",
      "indicator:8",
      "indicator:9",
      "indicator:10",
    ]);
    const byKey = new Map(deltas.map((d) => [`${d.kind}:${d.code}`, d]));
    expect(byKey.get("indicator:1")).toEqual({
      kind: "indicator",
      code: "1",
      from: s("80"),
      to: s("90"),
      delta: 1000,
    });
    expect(byKey.get("indicator:8")?.delta).toBe(-250);
    expect(byKey.get("indicator:2")?.delta).toBe(0);
    // IIT 80 -> 82; EIT 70 -> 69.17; OIT 90 -> 95.
    expect(byKey.get("tool:IIT")).toMatchObject({ from: s("80"), to: s("82"), delta: 200 });
    expect(byKey.get("tool:EIT")).toMatchObject({ from: s("70"), to: s("69.17"), delta: -83 });
    expect(byKey.get("tool:OIT")).toMatchObject({ from: s("90"), to: s("95"), delta: 500 });
    // Total 0.3·80 + 0.3·70 + 0.4·90 = 81 -> 0.3·82 + 0.3·69.17 + 0.4·95 = 83.35 (83.351 half-up).
    expect(byKey.get("total:total")).toMatchObject({ from: s("81"), to: s("83.35"), delta: 235 });
  });

  it("skips what is unknown in either year", () => {
    const before = assess(2566, { indicators: scores({ 1: "80", 2: "70", 9: "60" }) });
    const after = assess(2567, { indicators: scores({ 2: "75", 3: "90", 9: "55.55" }) });
    const deltas = yearOverYear(before, after);
    expect(deltas).toEqual([
      { kind: "indicator", code: "2", from: s("70"), to: s("75"), delta: 500 },
      { kind: "indicator", code: "9", from: s("60"), to: s("55.55"), delta: -445 },
    ]);
  });

  it("compares seed 001 (2565) with seed 000's reported scores (2567)", () => {
    const current = assess(2567, {
      indicators: scores({ 1: "100", 2: "98.92", 3: "98.92", 4: "66.67", 5: "100", 9: "100", 10: "100" }),
      parts: scores({ EIT1: "95.17", EIT2: "100.00" }),
      tools: scores({ IIT: "92.90", OIT: "100.00" }),
    });
    const deltas = yearOverYear(seed001(), current);
    const byKey = new Map(deltas.map((d) => [`${d.kind}:${d.code}`, d.delta]));
    expect(byKey.get("total:total")).toBe(9715 - 8619);
    expect(byKey.get("tool:IIT")).toBe(9290 - 8067);
    expect(byKey.get("tool:EIT")).toBe(9759 - 7328);
    expect(byKey.get("tool:OIT")).toBe(0);
    expect(byKey.get("indicator:4")).toBe(6667 - 7720);
    // Indicators 6–8 are not known in 2567 here, and parts are not compared.
    expect(byKey.has("indicator:6")).toBe(false);
    expect(deltas.some((d) => (d.kind as string) === "part")).toBe(false);
  });

  it("gives nothing when the two years share no known score", () => {
    const before = assess(2565, { indicators: scores({ 1: "80" }) });
    const after = assess(2566, { indicators: scores({ 2: "80" }) });
    expect(yearOverYear(before, after)).toEqual([]);
  });
});

describe("strengthsAndWeaknesses with a two-decimal threshold", () => {
  it("counts a value exactly at 66.29 as a strength (no float drift in the cut)", () => {
    const a = assess(2565, { indicators: scores({ 1: "66.29", 2: "66.30" }) });
    const sw = strengthsAndWeaknesses(fw(2565), a, 66.29);
    expect(nos(sw.strengths)).toEqual([2, 1]);
    expect(sw.weaknesses).toEqual([]);
  });
});
