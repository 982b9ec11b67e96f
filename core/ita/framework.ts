// The framework of one fiscal year as a document: tools and weights, indicators, items, level
// bands, pass mark, where it came from and whether it is confirmed. The NACC changes these between
// years (and is reforming them for 2570), so nothing here is fixed in code: a year is a document
// that this one schema checks, in shape and in sense, and that the database stores with its history.
import { z } from "zod";
import { toArabicDigits } from "../thai/digits.ts";

/** Which period an OIT item's evidence must cover, counted from the assessed fiscal year. */
export const COVERAGES = ["current", "previous", "current-first-half", "current-and-previous"] as const;
export type Coverage = (typeof COVERAGES)[number];

export const COVERAGE_TH: Record<Coverage, string> = {
  current: "ปีงบประมาณที่ประเมิน",
  previous: "ปีงบประมาณที่ผ่านมา",
  "current-first-half": "ครึ่งปีแรกของปีงบประมาณที่ประเมิน",
  "current-and-previous": "ปีงบประมาณที่ประเมินและปีที่ผ่านมา",
};

/** What users see after a provisional year's name when the document gives no note of its own. */
export const DEFAULT_PROVISIONAL_NOTE = "รอยืนยันจาก ป.ป.ช.";

const TOOL_CODE = /^[A-Z][A-Z0-9]{1,7}$/;
const ITEM_CODE = /^[A-Za-z]{1,3}[1-9]\d?$/;
const CONCEPT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

/** Thai text: one line, trimmed, no control characters. */
const thai = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/);

/** A percentage 0–100 with at most two decimals (weights, pass marks, level bounds). */
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
    params: { rule: "two-decimals" },
  });

/** The year as a number; "๒๕๖๙" and "2569" in a hand-written file are read too. */
const fiscalYear = z.preprocess(
  (v) => (typeof v === "string" && /^\s*[\d๐-๙]{4}\s*$/.test(v) ? Number(toArabicDigits(v.trim())) : v),
  z.number().int().min(2550).max(2700),
);

const words = z.array(thai(60)).max(20);

export const partSchema = z.strictObject({
  /** Column code of the part in result files, e.g. "EIT1". */
  code: z.string().regex(TOOL_CODE),
  nameTh: thai(200),
});

export const toolSchema = z.strictObject({
  /** Column code in result files and the word people type ("IIT"). */
  code: z.string().regex(TOOL_CODE),
  nameTh: thai(200),
  /** A short Thai name for cards and chat ("แบบวัดภายใน"). */
  shortTh: thai(40).optional(),
  /** Other words people use for the tool in chat ("ไอไอที"). */
  aliases: words.optional(),
  weightPercent: percent.refine((n) => n > 0, { params: { rule: "positive" } }),
  /** When given and all parts are known, the tool score is the mean of its parts (EIT from 2566). */
  parts: z.array(partSchema).max(10).optional(),
});

export const subIndicatorSchema = z.strictObject({
  code: z.string().regex(/^[0-9A-Za-z.]{1,8}$/),
  nameTh: thai(200),
  /** Pass/fail items; the sub-indicator is the share passed. */
  items: z.array(z.string().regex(ITEM_CODE)).min(1).max(100),
});

export const indicatorSchema = z.strictObject({
  no: z.number().int().min(1).max(99),
  nameTh: thai(200),
  tool: z.string(),
  /** A meaning that survives renumbering: advice and year-to-year comparisons follow it. */
  concept: z.string().regex(CONCEPT).optional(),
  /** Short names people type in chat ("งบประมาณ"). */
  aliases: words.optional(),
  /** Survey items whose mean is the indicator. */
  items: z.array(z.string().regex(ITEM_CODE)).min(1).max(100).optional(),
  /** The indicator is the mean of its sub-indicators (OIT). */
  subIndicators: z.array(subIndicatorSchema).min(1).max(20).optional(),
});

export const itemSchema = z.strictObject({
  code: z.string().regex(ITEM_CODE),
  titleTh: thai(300).optional(),
  /** Stable meaning across years (item codes are renumbered between years). */
  concept: z.string().regex(CONCEPT).optional(),
  /** The period its evidence must cover (OIT). */
  coverage: z.enum(COVERAGES).optional(),
  /** The previous year's codes this item continues (a merge lists several): the concept map. */
  continues: z.array(z.string().regex(ITEM_CODE)).max(10).optional(),
});

/** Item codes accepted for a year without known membership or title (e.g. O1–O43 in 2566). */
export const itemRangeSchema = z.strictObject({
  prefix: z.string().regex(/^[A-Za-z]{1,3}$/),
  from: z.number().int().min(1).max(99),
  to: z.number().int().min(1).max(99),
  tool: z.string(),
});

export const levelSchema = z.strictObject({
  code: thai(40),
  nameTh: thai(60),
  /** Lowest total in this band. */
  minTotal: percent,
  /** Every tool must reach this too (the 2566 rule for ผ่านดี / ผ่านดีเยี่ยม). */
  minEachTool: percent.optional(),
  /** Hex colour used in cards and charts. */
  color: z.string().regex(COLOR),
});

const shape = z.strictObject({
  year: fiscalYear,
  /** How the year is called where it matters ("กรอบการประเมิน ITA ปี ๒๕๖๙"). */
  nameTh: thai(200).optional(),
  /** Not (yet) confirmed by an NACC manual: users see it marked. */
  provisional: z.boolean(),
  /** Shown after the year's name when provisional; DEFAULT_PROVISIONAL_NOTE otherwise. */
  provisionalNote: thai(120).optional(),
  source: z.string().trim().min(1).max(4000),
  passMark: percent,
  tools: z.array(toolSchema).min(1).max(10),
  indicators: z.array(indicatorSchema).min(1).max(60),
  items: z.array(itemSchema).max(500),
  itemRanges: z.array(itemRangeSchema).max(10).optional(),
  /** Ordered from best to worst; the first band whose conditions hold is the level. */
  levels: z.array(levelSchema).min(1).max(12),
});

export type PartDef = z.infer<typeof partSchema>;
export type ToolDef = z.infer<typeof toolSchema>;
export type SubIndicatorDef = z.infer<typeof subIndicatorSchema>;
export type IndicatorDef = z.infer<typeof indicatorSchema>;
export type ItemDef = z.infer<typeof itemSchema>;
export type ItemRange = z.infer<typeof itemRangeSchema>;
export type LevelBand = z.infer<typeof levelSchema>;
export type FrameworkDocument = z.infer<typeof shape>;

/** A problem with a document, in both languages, with its place in the document. */
export interface SenseIssue {
  path: (string | number)[];
  th: string;
  en: string;
}

const hundredths = (n: number) => Math.round(n * 100);
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/**
 * The rules a well-formed document must also keep. Written defensively, because it also runs on
 * documents with shape errors: a file is refused with every problem at once, not one per try.
 */
export function senseIssues(raw: unknown): SenseIssue[] {
  const out: SenseIssue[] = [];
  const add = (path: (string | number)[], th: string, en: string) => out.push({ path, th, en });
  const doc = obj(raw);
  const tools = list<unknown>(doc.tools).map(obj);
  const indicators = list<unknown>(doc.indicators).map(obj);
  const items = list<unknown>(doc.items).map(obj);
  const levels = list<unknown>(doc.levels).map(obj);

  // Tools: unique codes (parts share their namespace: both are result-file columns), weights sum to 100.
  const columns = new Map<string, (string | number)[]>();
  const claim = (code: string | undefined, path: (string | number)[]) => {
    if (!code) return;
    const first = columns.get(code.toUpperCase());
    if (first) {
      add(
        path,
        `รหัส ${code} ซ้ำกับที่ ${first.join(".")} (รหัสเครื่องมือและส่วนต้องไม่ซ้ำกัน)`,
        `code ${code} repeats ${first.join(".")} (tool and part codes must be unique)`,
      );
    } else columns.set(code.toUpperCase(), path);
  };
  const toolCodes = new Set<string>();
  let weights = 0;
  let allWeights = tools.length > 0;
  tools.forEach((t, i) => {
    const code = str(t.code);
    claim(code, ["tools", i, "code"]);
    if (code) toolCodes.add(code);
    const w = num(t.weightPercent);
    if (w === undefined) allWeights = false;
    else weights += hundredths(w);
    list<unknown>(t.parts)
      .map(obj)
      .forEach((p, j) => {
        claim(str(p.code), ["tools", i, "parts", j, "code"]);
      });
  });
  if (allWeights && weights !== 10000) {
    const sum = (weights / 100).toFixed(2).replace(/\.00$/, "");
    add(
      ["tools"],
      `น้ำหนักของเครื่องมือรวมกันได้ ${sum} ต้องรวมเป็น 100`,
      `tool weights add up to ${sum}; they must add up to 100`,
    );
  }

  // Indicators: unique numbers, a known tool each, items or sub-indicators (not both), every tool used.
  const numbers = new Map<number, number>();
  const usedTools = new Set<string>();
  const placed = new Map<string, string>();
  const subCodes = new Map<string, number>();
  const place = (code: unknown, where: string, path: (string | number)[]) => {
    const c = str(code);
    if (!c) return;
    const key = c.toLowerCase();
    const first = placed.get(key);
    if (first) {
      add(
        path,
        `ข้อ ${c} อยู่ทั้งใน${first} และใน${where} — ข้อหนึ่งอยู่ได้ในตัวชี้วัดหรือตัวชี้วัดย่อยเดียว`,
        `item ${c} is in both ${thaiToEnglishPlace(first)} and ${thaiToEnglishPlace(where)}; an item belongs to one indicator or sub-indicator`,
      );
    } else placed.set(key, where);
  };
  indicators.forEach((ind, i) => {
    const no = num(ind.no);
    if (no !== undefined) {
      const first = numbers.get(no);
      if (first !== undefined) {
        add(
          ["indicators", i, "no"],
          `ตัวชี้วัดที่ ${no} ซ้ำกับ indicators.${first}`,
          `indicator ${no} repeats indicators.${first}`,
        );
      } else numbers.set(no, i);
    }
    const tool = str(ind.tool);
    if (tool !== undefined) {
      if (!toolCodes.has(tool)) {
        const known = [...toolCodes].join(", ") || "-";
        add(
          ["indicators", i, "tool"],
          `ตัวชี้วัดที่ ${no ?? i + 1} อ้างถึงเครื่องมือ ${tool} ซึ่งไม่มีใน tools (มี: ${known})`,
          `indicator ${no ?? i + 1} names tool ${tool}, which is not in tools (known: ${known})`,
        );
      } else usedTools.add(tool);
    }
    if (ind.items !== undefined && ind.subIndicators !== undefined) {
      add(
        ["indicators", i],
        `ตัวชี้วัดที่ ${no ?? i + 1} มีทั้ง items และ subIndicators — ใช้อย่างใดอย่างหนึ่ง`,
        `indicator ${no ?? i + 1} has both items and subIndicators; use one`,
      );
    }
    list<unknown>(ind.items).forEach((code, j) => {
      place(code, `ตัวชี้วัดที่ ${no ?? i + 1}`, ["indicators", i, "items", j]);
    });
    list<unknown>(ind.subIndicators)
      .map(obj)
      .forEach((sub, j) => {
        const code = str(sub.code);
        if (code) {
          const first = subCodes.get(code);
          if (first !== undefined) {
            add(
              ["indicators", i, "subIndicators", j, "code"],
              `ตัวชี้วัดย่อย ${code} ซ้ำ`,
              `sub-indicator ${code} appears twice`,
            );
          } else subCodes.set(code, i);
        }
        list<unknown>(sub.items).forEach((c, k) => {
          place(c, `ตัวชี้วัดย่อย ${code ?? j + 1}`, ["indicators", i, "subIndicators", j, "items", k]);
        });
      });
  });
  tools.forEach((t, i) => {
    const code = str(t.code);
    if (code && !usedTools.has(code)) {
      add(
        ["tools", i],
        `เครื่องมือ ${code} ไม่มีตัวชี้วัด — ตัวชี้วัดแต่ละตัวระบุ tool: ${code}`,
        `tool ${code} has no indicator; name it in an indicator's tool`,
      );
    }
  });

  // Item ranges: a known tool, from ≤ to, no overlap with items placed in indicators of another tool.
  const ranges = list<unknown>(doc.itemRanges).map(obj);
  ranges.forEach((r, i) => {
    const tool = str(r.tool);
    if (tool !== undefined && !toolCodes.has(tool)) {
      add(
        ["itemRanges", i, "tool"],
        `ช่วงรหัสข้ออ้างถึงเครื่องมือ ${tool} ซึ่งไม่มีใน tools`,
        `item range names tool ${tool}, which is not in tools`,
      );
    }
    const from = num(r.from);
    const to = num(r.to);
    if (from !== undefined && to !== undefined && from > to) {
      add(["itemRanges", i], `ช่วงรหัสข้อ ${from}–${to} กลับด้าน`, `item range ${from}–${to} is reversed`);
    }
  });
  const inRange = (code: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(code);
    if (!m) return false;
    return ranges.some(
      (r) =>
        str(r.prefix)?.toLowerCase() === m[1]!.toLowerCase() &&
        Number(m[2]) >= (num(r.from) ?? Infinity) &&
        Number(m[2]) <= (num(r.to) ?? -Infinity),
    );
  };

  // Items: unique codes, each placed in an indicator or sub-indicator or accepted by a range.
  const itemCodes = new Map<string, number>();
  items.forEach((it, i) => {
    const code = str(it.code);
    if (!code) return;
    const key = code.toLowerCase();
    const first = itemCodes.get(key);
    if (first !== undefined) {
      add(["items", i, "code"], `ข้อ ${code} ซ้ำกับ items.${first}`, `item ${code} repeats items.${first}`);
      return;
    }
    itemCodes.set(key, i);
    if (!placed.has(key) && !inRange(code)) {
      add(
        ["items", i, "code"],
        `ข้อ ${code} ไม่อยู่ในตัวชี้วัดหรือตัวชี้วัดย่อยใด และไม่อยู่ในช่วง itemRanges`,
        `item ${code} is in no indicator or sub-indicator and in no item range`,
      );
    }
  });

  // Level bands: unique codes, best first, the last open to every total.
  const levelCodes = new Set<string>();
  levels.forEach((band, i) => {
    const code = str(band.code);
    if (code) {
      if (levelCodes.has(code)) add(["levels", i, "code"], `ระดับ ${code} ซ้ำ`, `level ${code} appears twice`);
      levelCodes.add(code);
    }
    if (i === 0) return;
    const prev = levels[i - 1]!;
    const [a, b] = [num(prev.minTotal), num(band.minTotal)];
    if (a === undefined || b === undefined) return;
    const prevEach = num(prev.minEachTool);
    const each = num(band.minEachTool);
    const looser = b < a || (b === a && prevEach !== undefined && (each === undefined || each < prevEach));
    if (!looser) {
      add(
        ["levels", i],
        `ระดับ ${code ?? i + 1} (ตั้งแต่ ${b}) อยู่ผิดลำดับ — เรียงจากระดับดีที่สุดลงไป คะแนนขั้นต่ำต้องลดลง (หรือเท่ากันแต่เงื่อนไขรายเครื่องมือหลวมกว่า)`,
        `level ${code ?? i + 1} (from ${b}) is out of order; list bands best first, each with a lower minimum (or the same minimum with a looser per-tool rule)`,
      );
    }
  });
  const last = levels[levels.length - 1];
  if (last && num(last.minTotal) !== undefined && num(last.minTotal) !== 0) {
    add(
      ["levels", levels.length - 1, "minTotal"],
      `ระดับสุดท้ายต้องเริ่มที่ 0 มิฉะนั้นคะแนนต่ำกว่า ${num(last.minTotal)} จะไม่มีระดับ`,
      `the last level must start at 0, or totals below ${num(last.minTotal)} have no level`,
    );
  }
  return out;
}

/** The English reading of a place named in Thai by `place` above. */
function thaiToEnglishPlace(where: string): string {
  return where.replace("ตัวชี้วัดย่อย ", "sub-indicator ").replace("ตัวชี้วัดที่ ", "indicator ");
}

/** The one schema of a framework document: shape, then sense (which also runs on a misshapen one). */
export const frameworkSchema = shape.check(
  z.superRefine(
    (doc: unknown, ctx) => {
      for (const issue of senseIssues(doc)) {
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.en, params: { th: issue.th } });
      }
    },
    { when: () => true },
  ) as unknown as z.core.$ZodCheck<FrameworkDocument>,
);
