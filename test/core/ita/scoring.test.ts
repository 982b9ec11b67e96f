import { describe, expect, it } from "vitest";
import type { Assessment } from "../../../core/ita/assessment.ts";
import { formatScore } from "../../../core/ita/score.ts";
import { scoreAssessment, toolsHoldingBack } from "../../../core/ita/scoring.ts";
import { fw as shipped } from "../../fixtures/frameworks.ts";
import { SEED_001_INDICATORS, s, scores } from "../../fixtures/seeds.ts";

const fw = shipped;
const value = (a: Assessment, kind: string, code: string) => {
  const n = a.nodes.find((x) => x.kind === kind && x.code === code);
  return n && formatScore(n.value);
};

describe("scoreAssessment", () => {
  it("reproduces seed 001 (2565): 86.19, level A, from the ten indicators", () => {
    const a = scoreAssessment(fw(2565), {
      indicators: scores(SEED_001_INDICATORS),
    });
    expect(value(a, "tool", "IIT")).toBe("80.67");
    expect(value(a, "tool", "EIT")).toBe("73.28");
    expect(value(a, "tool", "OIT")).toBe("100.00");
    expect(formatScore(a.total!.value)).toBe("86.19");
    expect(a.total!.source).toBe("computed");
    expect(a.level).toBe("A");
    expect(a.mismatches).toEqual([]);
  });

  it("reproduces seed 000 (2567): EIT from its two parts, 97.15, ผ่านดี", () => {
    const a = scoreAssessment(fw(2567), {
      indicators: scores({ 1: "100", 2: "98.92", 3: "98.92", 4: "66.67", 5: "100", 9: "100", 10: "100" }),
      parts: scores({ EIT1: "95.17", EIT2: "100.00" }),
      tools: scores({ IIT: "92.90", OIT: "100.00" }),
    });
    expect(value(a, "tool", "EIT")).toBe("97.59");
    expect(formatScore(a.total!.value)).toBe("97.15");
    expect(a.level).toBe("ผ่านดี");
  });

  it("keeps a reported indicator official but flags it when its items say otherwise (seed 000, indicator 3)", () => {
    const a = scoreAssessment(fw(2567), {
      items: scores({ i7: "100", i8: "96.67", i9: "100", i4: "100", i5: "96.77", i6: "100" }),
      indicators: scores({ 2: "98.92", 3: "98.92" }),
    });
    const ind3 = a.nodes.find((n) => n.kind === "indicator" && n.code === "3")!;
    expect(formatScore(ind3.value)).toBe("98.92");
    expect(ind3.source).toBe("reported");
    expect(formatScore(ind3.computed!)).toBe("98.89");
    expect(a.mismatches).toEqual([{ kind: "indicator", code: "3", reported: "98.92", computed: "98.89" }]);
  });

  it("does not flag a difference of exactly 0.01", () => {
    const a = scoreAssessment(fw(2567), {
      items: scores({ i10: "100", i11: "100", i12: "0" }),
      indicators: scores({ 4: "66.66" }),
    });
    expect(a.mismatches).toEqual([]);
  });

  it("computes an indicator from its items with half-up rounding (2567 indicator 4 = 66.67)", () => {
    const a = scoreAssessment(fw(2567), { items: scores({ i10: "100", i11: "100", i12: "0" }) });
    expect(value(a, "indicator", "4")).toBe("66.67");
  });

  it("computes OIT sub-indicators as the share of items passed (8 of 9 = 88.89)", () => {
    const framework = fw(2565);
    const ind9 = framework.indicator(9)!;
    const items: Record<string, string> = {};
    for (const sub of ind9.subIndicators!) for (const code of sub.items) items[code] = "100";
    const sub95 = ind9.subIndicators!.find((x) => x.code === "9.5")!;
    const firstOf91 = ind9.subIndicators!.find((x) => x.code === "9.1")!.items[0]!;
    items[firstOf91] = "0";
    const a = scoreAssessment(framework, { items: scores(items) });
    expect(value(a, "sub", "9.1")).toBe("88.89");
    expect(value(a, "sub", sub95.code)).toBe("100.00");
    expect(value(a, "indicator", "9")).toBe("97.78");
  });

  it("reproduces ITEMS.md's 2564 check: indicator 10 = mean(7 of 8, 100) = 93.75", () => {
    const framework = fw(2564);
    const items: Record<string, string> = {};
    for (const sub of framework.indicator(10)!.subIndicators!)
      for (const code of sub.items) items[code] = "100";
    items.O36 = "0";
    const a = scoreAssessment(framework, { items: scores(items) });
    expect(value(a, "sub", "10.1")).toBe("87.50");
    expect(value(a, "indicator", "10")).toBe("93.75");
  });

  it("rounds the weighted total half-up (76.045 -> 76.05)", () => {
    const a = scoreAssessment(fw(2565), { tools: scores({ IIT: "87.46", EIT: "66.29", OIT: "74.80" }) });
    expect(formatScore(a.total!.value)).toBe("76.05");
    expect(a.level).toBe("B");
  });

  it("rounds each tool before weighting it (unrounded tools give 86.18 for seed 001)", () => {
    const a = scoreAssessment(fw(2565), {
      indicators: scores({ 1: "86.92", 2: "77.35", 3: "83.40", 4: "77.20", 5: "78.47" }),
      tools: scores({ EIT: "73.28", OIT: "100" }),
    });
    expect(formatScore(a.total!.value)).toBe("86.19");
  });

  it("flags a reported total that the tools do not give", () => {
    const a = scoreAssessment(fw(2565), {
      tools: scores({ IIT: "80.67", EIT: "73.28", OIT: "100" }),
      total: s("86.17"),
    });
    expect(formatScore(a.total!.value)).toBe("86.17");
    expect(a.mismatches).toEqual([{ kind: "total", code: "total", reported: "86.17", computed: "86.19" }]);
  });

  it("flags a reported level that the official scores do not give", () => {
    const a = scoreAssessment(fw(2565), { total: s("86.19"), level: "AA" });
    expect(a.level).toBe("AA");
    expect(a.mismatches).toEqual([{ kind: "level", code: "level", reported: "AA", computed: "A" }]);
  });

  it("leaves what cannot be computed unknown rather than guessing", () => {
    const a = scoreAssessment(fw(2567), { indicators: scores({ 1: "90", 2: "90", 3: "90", 4: "90" }) });
    expect(a.nodes.some((n) => n.kind === "tool")).toBe(false);
    expect(a.total).toBeUndefined();
    expect(a.level).toBeUndefined();
  });

  it.each([
    ["ผ่านดีเยี่ยม", { IIT: "95.00", EIT: "96.00", OIT: "99.00" }],
    ["ผ่านดี", { IIT: "92.90", EIT: "97.59", OIT: "100" }],
    ["ผ่าน", { IIT: "84.99", EIT: "90.00", OIT: "95.00" }],
    ["ต้องปรับปรุง", { IIT: "70.00", EIT: "70.00", OIT: "70.00" }],
    ["ต้องปรับปรุงโดยด่วน", { IIT: "69.99", EIT: "69.99", OIT: "69.99" }],
  ])("gives level %s from 2566 on, checking every tool", (level, tools) => {
    expect(scoreAssessment(fw(2567), { tools: scores(tools) }).level).toBe(level);
  });

  it("cannot tell ผ่านดี from ผ่าน from a 2567 total alone", () => {
    expect(scoreAssessment(fw(2567), { total: s("90") }).level).toBeUndefined();
    expect(scoreAssessment(fw(2567), { total: s("60") }).level).toBe("ต้องปรับปรุงโดยด่วน");
  });

  it.each([
    ["95.00", "AA"],
    ["94.99", "A"],
    ["85.00", "A"],
    ["84.99", "B"],
    ["65.00", "C"],
    ["55.00", "D"],
    ["50.00", "E"],
    ["49.99", "F"],
  ])("gives 2565 total %s level %s", (total, level) => {
    expect(scoreAssessment(fw(2565), { total: s(total) }).level).toBe(level);
  });
});

describe("toolsHoldingBack", () => {
  const tools = (o: Record<string, string>) => new Map(Object.entries(scores(o)));

  it("finds EIT holding 2569's 94.64 back from ผ่านดี (EIT 80.00)", () => {
    expect(
      toolsHoldingBack(fw(2569), s("94.64"), tools({ IIT: "95.00", EIT: "80.00", OIT: "100.00" })),
    ).toEqual({
      band: "ผ่านดี",
      tools: ["EIT"],
    });
  });

  it("finds IIT holding a total of 96 back from ผ่านดีเยี่ยม (IIT 93)", () => {
    expect(toolsHoldingBack(fw(2569), s("96"), tools({ IIT: "93.00", EIT: "97.00", OIT: "97.50" }))).toEqual({
      band: "ผ่านดีเยี่ยม",
      tools: ["IIT"],
    });
  });

  it("lists every tool below the mark, in the framework's order", () => {
    expect(toolsHoldingBack(fw(2567), s("89.20"), tools({ OIT: "100", EIT: "84.00", IIT: "80.00" }))).toEqual(
      {
        band: "ผ่านดี",
        tools: ["IIT", "EIT"],
      },
    );
  });

  it("never holds back a letter-level year (2565)", () => {
    expect(
      toolsHoldingBack(fw(2565), s("96"), tools({ IIT: "50.00", EIT: "100", OIT: "100" })),
    ).toBeUndefined();
    expect(
      toolsHoldingBack(fw(2565), s("86.19"), tools({ IIT: "10.00", EIT: "100", OIT: "100" })),
    ).toBeUndefined();
  });

  it("finds nothing when the total alone decides", () => {
    expect(
      toolsHoldingBack(fw(2569), s("84.99"), tools({ IIT: "60", EIT: "100", OIT: "100" })),
    ).toBeUndefined();
    expect(toolsHoldingBack(fw(2569), s("96"), tools({ IIT: "96", EIT: "95", OIT: "97" }))).toBeUndefined();
  });

  it("does not count a tool at exactly the mark, nor a tool whose score is unknown", () => {
    expect(
      toolsHoldingBack(fw(2569), s("90"), tools({ IIT: "85.00", EIT: "85.00", OIT: "96" })),
    ).toBeUndefined();
    expect(toolsHoldingBack(fw(2569), s("90"), tools({ EIT: "80.00" }))).toEqual({
      band: "ผ่านดี",
      tools: ["EIT"],
    });
    expect(toolsHoldingBack(fw(2569), s("90"), new Map())).toBeUndefined();
  });
});
