import { describe, expect, it } from "vitest";
import { type FrameworkDocument, frameworkSchema, senseIssues } from "../../../core/ita/framework.ts";
import { checkFramework } from "../../../core/ita/framework-check.ts";
import { fw, SHIPPED } from "../../fixtures/frameworks.ts";

/** A fresh copy of a shipped year's document, to spoil one thing in. */
const doc = (year = 2569): FrameworkDocument => structuredClone(fw(year).document);

/** Where the sense rules find problems, as "tools.2.code". */
const sensePaths = (raw: unknown) => senseIssues(raw).map((i) => i.path.join("."));

/** Every issue the one schema reports, shape and sense. */
const schemaIssues = (raw: unknown) => {
  const parsed = frameworkSchema.safeParse(raw);
  return parsed.success ? [] : parsed.error.issues;
};
const schemaPaths = (raw: unknown) => schemaIssues(raw).map((i) => i.path.join("."));

describe("frameworkSchema", () => {
  it("accepts every shipped year as it is, with no sense problems", () => {
    expect(SHIPPED.all().length).toBe(8);
    for (const framework of SHIPPED.all()) {
      expect(frameworkSchema.safeParse(framework.document).success, String(framework.year)).toBe(true);
      expect(senseIssues(framework.document), String(framework.year)).toEqual([]);
    }
  });

  it("accepts weights with two decimals that add up to exactly 100 (33.33 + 33.33 + 33.34)", () => {
    const d = doc();
    d.tools[0]!.weightPercent = 33.33;
    d.tools[1]!.weightPercent = 33.33;
    d.tools[2]!.weightPercent = 33.34;
    expect(schemaIssues(d)).toEqual([]);
  });

  it("refuses a weight with three decimals (33.333) even when the weights round to 100", () => {
    const d = doc();
    d.tools[0]!.weightPercent = 33.33;
    d.tools[1]!.weightPercent = 33.333;
    d.tools[2]!.weightPercent = 33.337;
    const issues = schemaIssues(d);
    expect(issues.map((i) => i.path.join("."))).toEqual(["tools.1.weightPercent", "tools.2.weightPercent"]);
    for (const issue of issues) {
      expect(issue.code).toBe("custom");
      expect((issue as { params?: { rule?: string } }).params?.rule).toBe("two-decimals");
    }
  });

  it("refuses a misspelt field (weigth) as an unknown key", () => {
    const d = doc();
    const { weightPercent, ...rest } = d.tools[0]!;
    const raw = { ...d, tools: [{ ...rest, weigth: weightPercent }, d.tools[1], d.tools[2]] };
    const issues = schemaIssues(raw);
    const unknown = issues.find((i) => i.code === "unrecognized_keys");
    expect(unknown?.path).toEqual(["tools", 0]);
    expect((unknown as { keys?: string[] }).keys).toEqual(["weigth"]);
    expect(issues.map((i) => i.path.join("."))).toContain("tools.0.weightPercent");
  });

  it("still runs every sense rule, and reports them all, when the document also has shape errors", () => {
    const d = doc();
    d.tools[0]!.weightPercent = 20;
    d.levels[3]!.code = "ผ่าน";
    const raw = { ...d, passMark: "85", source: undefined };
    const issues = schemaIssues(raw);
    const byPath = new Map(issues.map((i) => [i.path.join("."), i.code]));
    expect(byPath.get("passMark")).toBe("invalid_type");
    expect(byPath.get("source")).toBe("invalid_type");
    expect(byPath.get("tools")).toBe("custom");
    expect(byPath.get("levels.3.code")).toBe("custom");
    expect(issues).toHaveLength(4);
  });

  it("still reports sense problems when a list is too long", () => {
    // A list over its maximum makes zod stop before the sense rules; checkFramework (how every
    // file is checked) still lists them, so a file is refused with every problem at once.
    const d = doc();
    d.tools[0]!.weightPercent = 20;
    const levels = [...d.levels, ...Array.from({ length: 8 }, () => ({ ...d.levels[4]! }))];
    const checked = checkFramework({ ...d, levels });
    const paths = checked.ok ? [] : checked.issues.map((i) => i.path);
    expect(paths).toContain("levels");
    expect(paths).toContain("tools");
  });

  it.each([
    ["๒๕๖๙", 2569],
    ["2569", 2569],
    [" ๒๕๖๙ ", 2569],
    [2569, 2569],
  ])("reads the year %j as the number %d", (year, expected) => {
    const parsed = frameworkSchema.safeParse({ ...doc(), year });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.year).toBe(expected);
  });

  it.each([["๒๕๖๙๐"], ["two thousand"], [2569.5], [2400]])("refuses the year %j", (year) => {
    expect(schemaPaths({ ...doc(), year })).toEqual(["year"]);
  });

  it.each([
    ["a bell", "แบบวัด\u0007ภายใน"],
    ["a tab", "แบบวัด\tภายใน"],
    ["a line break", "แบบวัด\nภายใน"],
    ["DEL", "แบบวัด\u007fภายใน"],
  ])("refuses a control character (%s) in a Thai name", (_, name) => {
    const d = doc();
    d.tools[0]!.nameTh = name;
    const issues = schemaIssues(d);
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([["tools.0.nameTh", "invalid_format"]]);
  });

  it("trims Thai names and refuses one that is only spaces", () => {
    const d = doc();
    d.tools[0]!.nameTh = "  แบบวัดภายใน  ";
    expect(frameworkSchema.parse(d).tools[0]!.nameTh).toBe("แบบวัดภายใน");
    d.tools[0]!.nameTh = "   ";
    expect(schemaPaths(d)).toEqual(["tools.0.nameTh"]);
  });
});

describe("senseIssues", () => {
  it("refuses weights that do not add up to 100, saying what they add up to", () => {
    const d = doc();
    d.tools[0]!.weightPercent = 20;
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["tools"]]);
    expect(issues[0]!.en).toBe("tool weights add up to 90; they must add up to 100");
    expect(issues[0]!.th).toBe("น้ำหนักของเครื่องมือรวมกันได้ 90 ต้องรวมเป็น 100");
  });

  it("adds weights in hundredths, so 33.33 + 33.33 + 33.34 is exactly 100 and 33.33 × 3 is not", () => {
    const d = doc();
    d.tools[0]!.weightPercent = 33.33;
    d.tools[1]!.weightPercent = 33.33;
    d.tools[2]!.weightPercent = 33.34;
    expect(senseIssues(d)).toEqual([]);
    d.tools[2]!.weightPercent = 33.33;
    expect(senseIssues(d).map((i) => i.en)).toEqual([
      "tool weights add up to 99.99; they must add up to 100",
    ]);
  });

  it("refuses a tool code used twice", () => {
    const d = doc();
    d.tools.push({ ...d.tools[0]!, weightPercent: 10 });
    d.tools[0]!.weightPercent = 20;
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["tools", 3, "code"]]);
    expect(issues[0]!.en).toContain("code IIT repeats tools.0.code");
  });

  it("refuses a part code equal to a tool code (both are result-file columns)", () => {
    const d = doc();
    d.tools[1]!.parts![0]!.code = "IIT";
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["tools", 1, "parts", 0, "code"]]);
    expect(issues[0]!.th).toContain("ซ้ำกับที่ tools.0.code");
  });

  it("refuses an indicator that names a tool the year does not have", () => {
    const d = doc();
    d.indicators[5]!.tool = "XIT";
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["indicators", 5, "tool"]]);
    expect(issues[0]!.en).toBe("indicator 6 names tool XIT, which is not in tools (known: IIT, EIT, OIT)");
  });

  it("refuses an indicator number used twice", () => {
    const d = doc();
    d.indicators[1]!.no = 1;
    expect(sensePaths(d)).toEqual(["indicators.1.no"]);
  });

  it("refuses the same item in two indicators, in any case", () => {
    const d = doc();
    d.indicators[1]!.items = ["i4", "i5", "i6", "I1"];
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["indicators", 1, "items", 3]]);
    expect(issues[0]!.en).toContain("item I1 is in both indicator 1 and indicator 2");
  });

  it("refuses the same item in an indicator and in a sub-indicator", () => {
    const d = doc(2565);
    d.indicators[9]!.subIndicators![1]!.items.push("i1");
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["indicators", 9, "subIndicators", 1, "items", 2]]);
    expect(issues[0]!.en).toContain("item i1 is in both indicator 1 and sub-indicator 10.2");
    expect(issues[0]!.th).toContain("ตัวชี้วัดที่ 1");
    expect(issues[0]!.th).toContain("ตัวชี้วัดย่อย 10.2");
  });

  it("refuses a sub-indicator code used twice", () => {
    const d = doc(2565);
    d.indicators[8]!.subIndicators![1]!.code = "9.1";
    expect(sensePaths(d)).toEqual(["indicators.8.subIndicators.1.code"]);
  });

  it("refuses an indicator with both items and subIndicators", () => {
    const d = doc(2565);
    d.indicators[8]!.items = ["x1"];
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["indicators", 8]]);
    expect(issues[0]!.en).toBe("indicator 9 has both items and subIndicators; use one");
  });

  it("refuses a tool that no indicator names", () => {
    const d = doc();
    d.indicators[8]!.tool = "EIT";
    d.indicators[9]!.tool = "EIT";
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["tools", 2]]);
    expect(issues[0]!.en).toContain("tool OIT has no indicator");
  });

  it("refuses an item in items that is in no indicator and outside every itemRange", () => {
    const d = doc();
    d.items.push({ code: "O27" }, { code: "X1" });
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([
      ["items", 26, "code"],
      ["items", 27, "code"],
    ]);
    expect(issues[0]!.en).toBe("item O27 is in no indicator or sub-indicator and in no item range");
  });

  it("accepts an item that is in no indicator but inside an itemRange", () => {
    const d = doc();
    expect(d.items.find((i) => i.code === "O25")).toBeDefined();
    expect(d.indicators.some((i) => i.items?.includes("O25"))).toBe(false);
    expect(senseIssues(d)).toEqual([]);
  });

  it("refuses a reversed itemRange", () => {
    const d = doc();
    d.itemRanges!.push({ prefix: "X", from: 9, to: 2, tool: "OIT" });
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["itemRanges", 1]]);
    expect(issues[0]!.en).toBe("item range 9–2 is reversed");
  });

  it("refuses an itemRange that names a tool the year does not have", () => {
    const d = doc();
    d.itemRanges!.push({ prefix: "X", from: 1, to: 2, tool: "XIT" });
    expect(sensePaths(d)).toEqual(["itemRanges.1.tool"]);
  });

  it('refuses duplicate item codes, ignoring case ("o5" and "O5")', () => {
    const d = doc();
    expect(d.items[4]!.code).toBe("O5");
    d.items.push({ code: "o5" });
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["items", 26, "code"]]);
    expect(issues[0]!.en).toBe("item o5 repeats items.4");
  });

  it("refuses level bands that are not best first", () => {
    const d = doc();
    const [a, b, c, e, f] = d.levels;
    d.levels = [a!, b!, e!, c!, f!]; // 95, 85, 70, 85, 0
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["levels", 3]]);
    expect(issues[0]!.en).toContain("level ผ่าน (from 85) is out of order");
  });

  it("refuses two bands with the same minimum where the later one is stricter", () => {
    const d = doc();
    const [a, b, c, e, f] = d.levels;
    d.levels = [a!, c!, b!, e!, f!]; // ผ่าน (85) before ผ่านดี (85, every tool 85)
    expect(sensePaths(d)).toEqual(["levels.2"]);
    const stricterEach = doc();
    stricterEach.levels[1]!.minTotal = 95; // ผ่านดี from 95 with each 85, after ผ่านดีเยี่ยม from 95 with each 95: looser, fine
    expect(sensePaths(stricterEach)).toEqual([]);
    stricterEach.levels[1]!.minEachTool = 96; // now stricter than the band before it
    expect(sensePaths(stricterEach)).toEqual(["levels.1"]);
  });

  it("refuses a last band that does not start at 0", () => {
    const d = doc();
    d.levels[4]!.minTotal = 10;
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["levels", 4, "minTotal"]]);
    expect(issues[0]!.en).toBe("the last level must start at 0, or totals below 10 have no level");
  });

  it("refuses a level code used twice", () => {
    const d = doc();
    d.levels[3]!.code = "ผ่าน";
    const issues = senseIssues(d);
    expect(issues.map((i) => i.path)).toEqual([["levels", 3, "code"]]);
    expect(issues[0]!.th).toBe("ระดับ ผ่าน ซ้ำ");
  });

  it("does not throw on things that are not documents", () => {
    expect(senseIssues(undefined)).toEqual([]);
    expect(senseIssues("2569")).toEqual([]);
    expect(sensePaths({ tools: "IIT", indicators: [null, 3], items: {}, levels: [1] })).toEqual([]);
  });
});
