import { describe, expect, it } from "vitest";
import type { FrameworkDocument } from "../../../core/ita/framework.ts";
import {
  checkFramework,
  type FrameworkIssue,
  formatFrameworkIssue,
  pathText,
} from "../../../core/ita/framework-check.ts";
import { fw } from "../../fixtures/frameworks.ts";

const doc = (year = 2569): FrameworkDocument => structuredClone(fw(year).document);

/** The issues of a document that must fail. */
const issuesOf = (raw: unknown): FrameworkIssue[] => {
  const checked = checkFramework(raw);
  if (checked.ok) throw new Error("expected the document to be refused");
  return checked.issues;
};

/** The one issue at a path (as printed, hint included). */
const issueAt = (raw: unknown, path: string): FrameworkIssue => {
  const found = issuesOf(raw).filter((i) => i.path === path);
  expect(found.map((i) => i.path)).toEqual([path]);
  return found[0]!;
};

const THAI = /[\u0E01-\u0E5B]/;
const LATIN = /[A-Za-z]/;

describe("checkFramework", () => {
  it("accepts a shipped year and gives back the checked document", () => {
    const checked = checkFramework(doc());
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.document).toEqual(fw(2569).document);
  });

  it("gives back the year as a number when the file writes it in Thai digits", () => {
    const checked = checkFramework({ ...doc(), year: "๒๕๖๙" });
    expect(checked.ok && checked.document.year).toBe(2569);
  });

  it("gives every issue a path and non-empty Thai and English text", () => {
    const d = doc();
    const raw = {
      ...d,
      passMark: 85.555,
      source: undefined,
      extra: true,
      nameTh: "   ",
      tools: [
        { ...d.tools[0]!, code: "iit", weightPercent: 0 },
        { ...d.tools[1]!, parts: [{ code: "eit1", nameTh: "ส่วนที่ 1" }] },
        d.tools[2]!,
      ],
      indicators: d.indicators.map((i, n) =>
        n === 0 ? { ...i, concept: "Bad_Concept", items: ["i100"] } : i,
      ),
      items: [...d.items, { code: "O5", coverage: "yearly" }],
      levels: d.levels.map((l, n) => (n === 4 ? { ...l, minTotal: 5, color: "red" } : l)),
    };
    const issues = issuesOf(raw);
    expect(issues.length).toBeGreaterThanOrEqual(10);
    for (const issue of issues) {
      expect(issue.th.trim(), JSON.stringify(issue)).not.toBe("");
      expect(issue.en.trim(), JSON.stringify(issue)).not.toBe("");
      expect(issue.th, JSON.stringify(issue)).toMatch(THAI);
      expect(issue.en, JSON.stringify(issue)).toMatch(LATIN);
    }
    // The document itself (an unknown top-level key) has an empty path; everything else has one.
    expect(issues.filter((i) => i.path === "").map((i) => i.en)).toEqual(["unknown field extra (a typo?)"]);
  });

  it("names where an issue is, with the indicator number or code it is inside", () => {
    const d = doc();
    d.indicators[5]!.tool = "XIT";
    const issue = issueAt(d, "indicators[5].tool (ตัวชี้วัดที่ 6)");
    expect(issue.th).toBe("ตัวชี้วัดที่ 6 อ้างถึงเครื่องมือ XIT ซึ่งไม่มีใน tools (มี: IIT, EIT, OIT)");
    expect(issue.en).toBe("indicator 6 names tool XIT, which is not in tools (known: IIT, EIT, OIT)");
  });

  it("says a missing required field is required, in both languages", () => {
    const { source: _, ...raw } = doc();
    expect(issueAt(raw, "source")).toEqual({
      path: "source",
      th: "ต้องมีค่า (ข้อความ)",
      en: "required (string)",
    });
    const { weightPercent: __, ...tool } = doc().tools[0]!;
    const d = doc();
    expect(issueAt({ ...d, tools: [tool, d.tools[1], d.tools[2]] }, "tools[0].weightPercent (IIT)")).toEqual({
      path: "tools[0].weightPercent (IIT)",
      th: "ต้องมีค่า (ตัวเลข)",
      en: "required (number)",
    });
  });

  it("says a value of the wrong type must be of the right type, not that it is missing", () => {
    expect(issueAt({ ...doc(), passMark: "85" }, "passMark")).toEqual({
      path: "passMark",
      th: "ต้องเป็นตัวเลข",
      en: "must be a number",
    });
    expect(issueAt({ ...doc(), provisional: "yes" }, "provisional")).toMatchObject({
      th: expect.stringContaining("true หรือ false"),
      en: "must be a boolean",
    });
    expect(issueAt({ ...doc(), provisional: "yes" }, "provisional").th).not.toContain("ต้องมีค่า");
  });

  it("says a year with a fraction must be a whole number", () => {
    expect(issueAt({ ...doc(), year: 2569.5 }, "year")).toEqual({
      path: "year",
      th: "ต้องเป็นจำนวนเต็ม",
      en: "must be a whole number",
    });
  });

  it("names an unknown key and asks whether it is a typo", () => {
    const d = doc();
    const raw = { ...d, tools: [{ ...d.tools[0]!, weigth: 30 }, d.tools[1], d.tools[2]] };
    expect(issueAt(raw, "tools[0] (IIT)")).toEqual({
      path: "tools[0] (IIT)",
      th: "ไม่รู้จักช่อง weigth (สะกดผิดหรือไม่)",
      en: "unknown field weigth (a typo?)",
    });
    const two = { ...d, tools: [{ ...d.tools[0]!, weigth: 30, cod: "X" }, d.tools[1], d.tools[2]] };
    expect(issueAt(two, "tools[0] (IIT)").en).toBe("unknown fields weigth, cod (a typo?)");
  });

  it("says how many entries a too-long list may have", () => {
    const d = doc();
    const levels = [...d.levels, ...Array.from({ length: 8 }, () => ({ ...d.levels[4]! }))];
    expect(issueAt({ ...d, levels }, "levels")).toEqual({
      path: "levels",
      th: "มีได้ไม่เกิน 12 รายการ",
      en: "at most 12 entries",
    });
  });

  it("says how many entries a too-short list needs, and that a name must not be empty", () => {
    const d = doc();
    expect(issueAt({ ...d, tools: [] }, "tools")).toMatchObject({
      th: "ต้องมีอย่างน้อย 1 รายการ",
      en: "needs at least 1 entry",
    });
    expect(issueAt({ ...d, nameTh: "  " }, "nameTh")).toMatchObject({
      th: "ต้องไม่ว่าง",
      en: "must not be empty",
    });
  });

  it("says a name is too long with the limit", () => {
    const d = doc();
    d.tools[0]!.shortTh = "ก".repeat(41);
    expect(issueAt(d, "tools[0].shortTh (IIT)")).toMatchObject({
      th: "ยาวเกิน 40 ตัวอักษร",
      en: "longer than 40 characters",
    });
  });

  it("explains the item code format for a bad code in an indicator, in items and in continues", () => {
    const itemCode = {
      th: "รหัสข้อต้องเป็นตัวอักษรอังกฤษ 1–3 ตัวตามด้วยเลข 1–99 เช่น i12, O25",
      en: "an item code is 1–3 letters then a number 1–99, e.g. i12, O25",
    };
    const a = doc();
    a.indicators[0]!.items = ["i1", "i100"];
    expect(issueAt(a, "indicators[0].items[1] (ตัวชี้วัดที่ 1)")).toMatchObject(itemCode);
    const b = doc();
    b.items[0]!.code = "O-1";
    expect(issuesOf(b)).toContainEqual({ path: "items[0].code (O-1)", ...itemCode });
    const c = doc();
    c.items[0]!.continues = ["O 1"];
    expect(issueAt(c, "items[0].continues[0] (O1)")).toMatchObject(itemCode);
    const e = doc(2565);
    e.indicators[8]!.subIndicators![0]!.items[0] = "01";
    expect(issuesOf(e)).toContainEqual({
      path: "indicators[8].subIndicators[0].items[0] (ตัวชี้วัดที่ 9)",
      ...itemCode,
    });
  });

  it("explains the concept format for a bad concept", () => {
    const d = doc();
    d.indicators[1]!.concept = "Budget_Use";
    expect(issueAt(d, "indicators[1].concept (ตัวชี้วัดที่ 2)")).toEqual({
      path: "indicators[1].concept (ตัวชี้วัดที่ 2)",
      th: "รหัสประเด็นใช้อักษรอังกฤษตัวเล็ก ตัวเลข และ - เช่น procurement-monthly",
      en: "a concept is lower-case letters, digits and hyphens, e.g. procurement-monthly",
    });
  });

  it("explains the tool code format for a bad tool or part code", () => {
    const d = doc();
    d.tools[1]!.parts![0]!.code = "eit1";
    expect(issueAt(d, "tools[1].parts[0].code (EIT)")).toMatchObject({
      th: "รหัสต้องเป็นอักษรอังกฤษตัวใหญ่หรือตัวเลข 2–8 ตัว ขึ้นต้นด้วยตัวอักษร เช่น IIT, EIT1",
      en: "a code is 2–8 capital letters or digits starting with a letter, e.g. IIT, EIT1",
    });
  });

  it("explains the sub-indicator code, colour and item prefix formats", () => {
    const a = doc(2565);
    a.indicators[8]!.subIndicators![0]!.code = "9-1";
    expect(issueAt(a, "indicators[8].subIndicators[0].code (ตัวชี้วัดที่ 9)")).toMatchObject({
      en: "a sub-indicator code, e.g. 9.1",
    });
    const b = doc();
    b.levels[0]!.color = "green";
    expect(issueAt(b, "levels[0].color (ผ่านดีเยี่ยม)")).toMatchObject({
      th: "สีต้องเป็นรหัสเช่น #2E7D32",
      en: "a colour is a hex code such as #2E7D32",
    });
    const c = doc();
    c.itemRanges![0]!.prefix = "O1";
    expect(issuesOf(c)).toContainEqual({
      path: "itemRanges[0].prefix",
      th: "คำนำหน้ารหัสข้อเป็นตัวอักษรอังกฤษ 1–3 ตัว",
      en: "an item prefix is 1–3 letters",
    });
  });

  it("says a Thai name has control characters", () => {
    const d = doc();
    d.tools[0]!.nameTh = "แบบวัด\u0007ภายใน";
    expect(issueAt(d, "tools[0].nameTh (IIT)")).toMatchObject({
      th: "มีอักขระควบคุมที่ใช้ไม่ได้",
      en: "contains control characters",
    });
  });

  it("says an alias has control characters, not that it is a bad item code", () => {
    const d = doc();
    d.indicators[1]!.aliases = ["งบประมาณ", "งบ\u0007"];
    expect(issueAt(d, "indicators[1].aliases[1] (ตัวชี้วัดที่ 2)")).toMatchObject({
      th: "มีอักขระควบคุมที่ใช้ไม่ได้",
      en: "contains control characters",
    });
  });

  it("lists the allowed values for a value outside a list", () => {
    const d = doc();
    d.items[0]!.coverage = "yearly" as never;
    expect(issueAt(d, "items[0].coverage (O1)")).toEqual({
      path: "items[0].coverage (O1)",
      th: "ต้องเป็นค่าใดค่าหนึ่งของ current, previous, current-first-half, current-and-previous",
      en: "must be one of current, previous, current-first-half, current-and-previous",
    });
  });

  it("says a percentage has too many decimals or must be above 0", () => {
    expect(issueAt({ ...doc(), passMark: 85.555 }, "passMark")).toMatchObject({
      th: "ใช้ทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
      en: "at most two decimals",
    });
    const d = doc();
    d.tools[0]!.weightPercent = 0;
    expect(issueAt(d, "tools[0].weightPercent (IIT)")).toMatchObject({
      th: "ต้องมากกว่า 0",
      en: "must be above 0",
    });
    expect(issueAt({ ...doc(), passMark: 101 }, "passMark")).toMatchObject({
      th: "ต้องไม่เกิน 100",
      en: "must be at most 100",
    });
  });

  it("keeps the Thai text of a sense issue", () => {
    const d = doc();
    d.levels[3]!.code = "ผ่าน";
    expect(issueAt(d, "levels[3].code (ผ่าน)")).toEqual({
      path: "levels[3].code (ผ่าน)",
      th: "ระดับ ผ่าน ซ้ำ",
      en: "level ผ่าน appears twice",
    });
  });
});

describe("pathText", () => {
  const d = fw(2569).document;

  it("writes list positions in brackets and fields after dots", () => {
    expect(pathText(["indicators", 5, "tool"])).toBe("indicators[5].tool");
    expect(pathText(["tools", 1, "parts", 0, "code"])).toBe("tools[1].parts[0].code");
    expect(pathText(["passMark"])).toBe("passMark");
    expect(pathText([])).toBe("");
  });

  it("adds the indicator number or the code of the entry a path is inside", () => {
    expect(pathText(["indicators", 5, "tool"], d)).toBe("indicators[5].tool (ตัวชี้วัดที่ 6)");
    expect(pathText(["tools", 0], d)).toBe("tools[0] (IIT)");
    expect(pathText(["items", 24, "titleTh"], d)).toBe("items[24].titleTh (O25)");
    expect(pathText(["levels", 2], d)).toBe("levels[2] (ผ่าน)");
  });

  it("adds no hint where the document does not say", () => {
    expect(pathText(["itemRanges", 0, "tool"], d)).toBe("itemRanges[0].tool");
    expect(pathText(["tools", 9], d)).toBe("tools[9]");
    expect(pathText(["tools"], d)).toBe("tools");
    expect(pathText(["tools", 0], "not a document")).toBe("tools[0]");
  });
});

describe("formatFrameworkIssue", () => {
  it('prints "path: Thai (English)"', () => {
    expect(formatFrameworkIssue({ path: "passMark", th: "ต้องเป็นตัวเลข", en: "must be a number" })).toBe(
      "passMark: ต้องเป็นตัวเลข (must be a number)",
    );
  });

  it("prints only the text for the document itself", () => {
    expect(formatFrameworkIssue({ path: "", th: "ไม่รู้จักช่อง x", en: "unknown field x" })).toBe(
      "ไม่รู้จักช่อง x (unknown field x)",
    );
  });

  it("prints a real issue with its hint", () => {
    const d = doc();
    d.indicators[5]!.tool = "XIT";
    expect(issuesOf(d).map(formatFrameworkIssue)).toEqual([
      "indicators[5].tool (ตัวชี้วัดที่ 6): ตัวชี้วัดที่ 6 อ้างถึงเครื่องมือ XIT ซึ่งไม่มีใน tools (มี: IIT, EIT, OIT) (indicator 6 names tool XIT, which is not in tools (known: IIT, EIT, OIT))",
    ]);
  });
});
