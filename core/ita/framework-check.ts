// Checking a framework document: the schema's issues, in Thai and English, each with its place in
// the document, so an operator can fix a whole file from one answer.
import type { z } from "zod";
import { type FrameworkDocument, frameworkSchema, senseIssues } from "./framework.ts";

export interface FrameworkIssue {
  /** Where in the document: "indicators[3].tool". Empty for the document itself. */
  path: string;
  th: string;
  en: string;
}

export type FrameworkCheck =
  | { ok: true; document: FrameworkDocument }
  | { ok: false; issues: FrameworkIssue[] };

/** Checks a parsed file (JSON or YAML already read) as a framework document. */
export function checkFramework(input: unknown): FrameworkCheck {
  const parsed = frameworkSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, document: parsed.data };
  const issues = parsed.error.issues.map((issue) => describeIssue(issue, input));
  // A list past its maximum aborts zod before the sense refinement runs; the file is still
  // refused with every problem at once.
  const seen = new Set(issues.map((i) => `${i.path}|${i.en}`));
  for (const sense of senseIssues(input)) {
    const issue = { path: pathText(sense.path, input), th: sense.th, en: sense.en };
    if (!seen.has(`${issue.path}|${issue.en}`)) issues.push(issue);
  }
  return { ok: false, issues };
}

/** "indicators[3].tool (ตัวชี้วัดที่ 4): …" in Thai, then English in brackets. */
export function formatFrameworkIssue(issue: FrameworkIssue): string {
  const where = issue.path ? `${issue.path}: ` : "";
  return `${where}${issue.th} (${issue.en})`;
}

export function pathText(path: readonly PropertyKey[], document?: unknown): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  const hint = hintOf(path, document);
  return hint ? `${out} (${hint})` : out;
}

/** Names the indicator, tool or item a path is inside, when the document says. */
function hintOf(path: readonly PropertyKey[], document: unknown): string | undefined {
  const [list, index] = path;
  if (typeof index !== "number" || !document || typeof document !== "object") return undefined;
  const entries = (document as Record<string, unknown>)[String(list)];
  const entry = Array.isArray(entries) ? (entries[index] as Record<string, unknown> | undefined) : undefined;
  if (!entry || typeof entry !== "object") return undefined;
  if (list === "indicators" && typeof entry.no === "number") return `ตัวชี้วัดที่ ${entry.no}`;
  if ((list === "tools" || list === "items" || list === "levels") && typeof entry.code === "string")
    return entry.code;
  return undefined;
}

const FORMATS: Record<string, { th: string; en: string }> = {
  "tool-code": {
    th: "รหัสต้องเป็นอักษรอังกฤษตัวใหญ่หรือตัวเลข 2–8 ตัว ขึ้นต้นด้วยตัวอักษร เช่น IIT, EIT1",
    en: "a code is 2–8 capital letters or digits starting with a letter, e.g. IIT, EIT1",
  },
  "item-code": {
    th: "รหัสข้อต้องเป็นตัวอักษรอังกฤษ 1–3 ตัวตามด้วยเลข 1–99 เช่น i12, O25",
    en: "an item code is 1–3 letters then a number 1–99, e.g. i12, O25",
  },
  "sub-code": { th: "รหัสตัวชี้วัดย่อย เช่น 9.1", en: "a sub-indicator code, e.g. 9.1" },
  concept: {
    th: "รหัสประเด็นใช้อักษรอังกฤษตัวเล็ก ตัวเลข และ - เช่น procurement-monthly",
    en: "a concept is lower-case letters, digits and hyphens, e.g. procurement-monthly",
  },
  color: { th: "สีต้องเป็นรหัสเช่น #2E7D32", en: "a colour is a hex code such as #2E7D32" },
  prefix: { th: "คำนำหน้ารหัสข้อเป็นตัวอักษรอังกฤษ 1–3 ตัว", en: "an item prefix is 1–3 letters" },
  control: { th: "มีอักขระควบคุมที่ใช้ไม่ได้", en: "contains control characters" },
};

/** Which format a regex issue is about, from the field it is on. */
function formatRule(path: readonly PropertyKey[]): string {
  const field = [...path].reverse().find((k) => typeof k === "string");
  const list = path[0];
  switch (field) {
    case "concept":
    case "color":
    case "prefix":
      return field;
    case "code":
      if (path.includes("subIndicators")) return "sub-code";
      if (list === "tools") return "tool-code";
      if (list === "items") return "item-code";
      return "control";
    case "items":
    case "continues":
      return "item-code";
    default:
      return "control";
  }
}

const TYPE_TH: Record<string, string> = {
  number: "ตัวเลข",
  int: "จำนวนเต็ม",
  string: "ข้อความ",
  boolean: "true หรือ false",
  array: "รายการ",
  object: "ชุดข้อมูล (object)",
};

function describeIssue(issue: z.core.$ZodIssue, document: unknown): FrameworkIssue {
  const path = pathText(issue.path, document);
  const at = (th: string, en: string): FrameworkIssue => ({ path, th, en });
  const rule = (issue as { params?: { rule?: string; th?: string } }).params;
  switch (issue.code) {
    case "custom": {
      if (rule?.th) return at(rule.th, issue.message);
      if (rule?.rule === "two-decimals") return at("ใช้ทศนิยมได้ไม่เกิน 2 ตำแหน่ง", "at most two decimals");
      if (rule?.rule === "positive") return at("ต้องมากกว่า 0", "must be above 0");
      return at("ค่าไม่ถูกต้อง", issue.message);
    }
    case "invalid_type": {
      const expected = String(issue.expected);
      const missing = issue.input === undefined;
      if (missing) return at(`ต้องมีค่า (${TYPE_TH[expected] ?? expected})`, `required (${expected})`);
      return at(
        `ต้องเป็น${TYPE_TH[expected] ?? expected}`,
        `must be ${expected === "int" ? "a whole number" : `a ${expected}`}`,
      );
    }
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "array")
        return at(`ต้องมีอย่างน้อย ${n} รายการ`, `needs at least ${n} entr${n === 1 ? "y" : "ies"}`);
      if (issue.origin === "string") return at("ต้องไม่ว่าง", "must not be empty");
      return at(`ต้องไม่น้อยกว่า ${n}`, `must be at least ${n}`);
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "array") return at(`มีได้ไม่เกิน ${n} รายการ`, `at most ${n} entries`);
      if (issue.origin === "string") return at(`ยาวเกิน ${n} ตัวอักษร`, `longer than ${n} characters`);
      return at(`ต้องไม่เกิน ${n}`, `must be at most ${n}`);
    }
    case "invalid_format": {
      const f = FORMATS[formatRule(issue.path)]!;
      return at(f.th, f.en);
    }
    case "invalid_value": {
      const values = issue.values.map(String).join(", ");
      return at(`ต้องเป็นค่าใดค่าหนึ่งของ ${values}`, `must be one of ${values}`);
    }
    case "unrecognized_keys": {
      const keys = issue.keys.join(", ");
      return at(
        `ไม่รู้จักช่อง ${keys} (สะกดผิดหรือไม่)`,
        `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys} (a typo?)`,
      );
    }
    default:
      return at("ค่าไม่ถูกต้อง", issue.message);
  }
}
