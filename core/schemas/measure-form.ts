import { z } from "zod/mini";
import { INDICATOR_MAX, INDICATOR_MIN, TITLE_MAX } from "../measures/fields.ts";
import { formatThaiDate } from "../thai/date.ts";
import { toArabicDigits } from "../thai/digits.ts";
import { BE_OFFSET, parseYear } from "../thai/year.ts";
import { convert, refuse } from "./convert.ts";
import { multiLineText, singleLineText } from "./text.ts";

// The LIFF measure and step-plan forms and their API routes share these schemas: the form shows
// the messages next to each field, the server refuses the same things with the same words. Form
// values are strings (Thai digits welcome); the output is what the repository takes, and is itself
// valid input, so the app can send what it checked.

/**
 * A date as officials type it (where the browser has no date picker, or from another client):
 * "2025-03-31", "31/3/2568", "๓๑/๐๓/๖๘", "31.3.2025" (a four-digit year from 2400 is พ.ศ., two
 * digits are พ.ศ. 25xx). Returns 'YYYY-MM-DD', null for empty text, undefined when it is not a
 * real date.
 */
export function parseDateInput(text: string): string | null | undefined {
  const t = toArabicDigits(text).trim();
  if (t === "") return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  const parts = iso ? [iso[3]!, iso[2]!, iso[1]!] : dmy ? [dmy[1]!, dmy[2]!, dmy[3]!] : undefined;
  if (!parts) return undefined;
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const ce = parts[2]!.length === 2 ? 2500 + y - BE_OFFSET : y >= 2400 ? y - BE_OFFSET : y;
  if (ce < 1957 || ce > 2157) return undefined;
  const date = new Date(Date.UTC(ce, m - 1, d));
  if (date.getUTCFullYear() !== ce || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

const BAD_DATE = "วันที่ไม่ถูกต้อง ใส่เป็น วัน/เดือน/ปี พ.ศ. เช่น 31/03/2568";

const dateField = convert(z.nullish(z.string({ error: BAD_DATE })), (raw, ctx): string | null => {
  const parsed = parseDateInput(raw ?? "");
  return parsed === undefined ? refuse(ctx, BAD_DATE) : parsed;
});

// An edit leaves out what it does not change: no default there.
const editedText = (max: number, tooLong: string) =>
  z.optional(
    z.string({ error: "ข้อความไม่ถูกต้อง" }).check(multiLineText(), z.trim(), z.maxLength(max, tooLong)),
  );
const text = (max: number, tooLong: string) => z._default(editedText(max, tooLong), "");

const title = (empty: string) =>
  z
    .string({ error: empty })
    .check(
      singleLineText(),
      z.trim(),
      z.minLength(1, empty),
      z.maxLength(TITLE_MAX, `ชื่อยาวเกิน ${TITLE_MAX} ตัวอักษร กรุณาย่อให้สั้นลง`),
    );

/** Whole numbers from checkboxes ("3", "๓") or JSON (3), each once, in order. */
const wholeNumbers = (message: string, min: number, max: number) =>
  convert(
    z.optional(z.array(z.union([z.number(), z.string()]), { error: message })),
    (values, ctx): number[] => {
      const out = new Set<number>();
      for (const v of values ?? []) {
        const n = typeof v === "number" ? v : Number(toArabicDigits(v.trim()) || Number.NaN);
        if (!Number.isInteger(n) || n < min || n > max) return refuse(ctx, message);
        out.add(n);
      }
      return [...out].sort((a, b) => a - b);
    },
  );

const ownerIds = wholeNumbers("เลือกผู้รับผิดชอบจากรายชื่อสมาชิกของหน่วยงาน", 1, 2 ** 31 - 1);

/** A step's plan: what is reminded, when, and to whom (no owners: the measure's owners). */
export const stepPlanSchema = z.object({
  title: title("ใส่ชื่อขั้นตอน"),
  dueOn: dateField,
  ownerIds,
});

/** PATCH /api/agencies/:agencyId/steps/:stepId: a field left out stays as it is. */
export const stepPlanPatchSchema = z.partial(stepPlanSchema);

const METHOD_TOO_LONG = "วิธีการดำเนินการยาวเกิน 5,000 ตัวอักษร";
const UNIT_TOO_LONG = "ชื่อหน่วยที่รับผิดชอบยาวเกิน 200 ตัวอักษร";

const measureFields = {
  title: title("ใส่ชื่อมาตรการ"),
  // Which numbers the year has is checked on the server against its framework.
  indicators: wholeNumbers(`ตัวชี้วัดต้องเป็นเลข ${INDICATOR_MIN}–${INDICATOR_MAX}`, INDICATOR_MIN, INDICATOR_MAX),
  method: text(5000, METHOD_TOO_LONG),
  responsibleUnit: text(200, UNIT_TOO_LONG),
  periodStart: dateField,
  periodEnd: dateField,
  ownerIds,
};

export interface Period {
  periodStart: string | null;
  periodEnd: string | null;
}

const short = (iso: string) => formatThaiDate(iso, { style: "short", digits: "arabic" });

/** Why a due date does not fit the measure's period, or undefined when it does (or either is open). */
export function dueOutsidePeriod(dueOn: string | null, period: Period): string | undefined {
  if (dueOn === null) return undefined;
  const { periodStart: start, periodEnd: end } = period;
  if ((start && dueOn < start) || (end && dueOn > end)) {
    return `วันครบกำหนดต้องอยู่ในระยะเวลาของมาตรการ (${start ? short(start) : "…"} – ${end ? short(end) : "…"})`;
  }
  return undefined;
}

const PERIOD_ORDER = "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม";

/** What is wrong with a measure's period as a whole: out of order, or leaving planned steps outside. */
export function periodProblems(
  period: Period,
  steps: readonly { seq: number; dueOn: string | null }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (period.periodStart && period.periodEnd && period.periodEnd < period.periodStart) {
    out.periodEnd = PERIOD_ORDER;
  }
  for (const s of steps) {
    if (s.dueOn === null) continue;
    if (period.periodStart && s.dueOn < period.periodStart) {
      out.periodStart ??= `ขั้นตอนที่ ${s.seq} ครบกำหนด ${short(s.dueOn)} ก่อนวันเริ่มนี้ แก้วันครบกำหนดก่อน`;
    }
    if (period.periodEnd && s.dueOn > period.periodEnd) {
      out.periodEnd ??= `ขั้นตอนที่ ${s.seq} ครบกำหนด ${short(s.dueOn)} หลังวันสิ้นสุดนี้ แก้วันครบกำหนดก่อน`;
    }
  }
  return out;
}

// The date checks run even when other fields are wrong, so the form shows every message at once;
// a date that did not parse is left to its own message.
const isDate = (v: unknown): v is string => typeof v === "string";
const always = { when: () => true };

function periodInOrder(m: Partial<Period> | null | undefined, ctx: z.core.$RefinementCtx): void {
  // Runs even when the body is not an object (already refused as such): nothing to compare then.
  if (typeof m !== "object" || m === null) return;
  if (isDate(m.periodStart) && isDate(m.periodEnd) && m.periodEnd < m.periodStart) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: PERIOD_ORDER });
  }
}

/**
 * PATCH /api/agencies/:agencyId/measures/:measureId: the plan's fields; one left out stays as it
 * is (the form sends them all). The server checks the period against the stored one as well.
 */
export const measureEditSchema = z
  .partial(
    z.object({
      ...measureFields,
      method: editedText(5000, METHOD_TOO_LONG),
      responsibleUnit: editedText(200, UNIT_TOO_LONG),
    }),
  )
  .check(z.superRefine(periodInOrder, always));

/** POST /api/agencies/:agencyId/measures: a new measure with its steps, numbered in this order. */
export const measureCreateSchema = z
  .object({
    fiscalYear: convert(z.union([z.number(), z.string()], { error: "เลือกปีงบประมาณ" }), (v, ctx): number => {
      const year = parseYear(String(v))?.be;
      return year === undefined ? refuse(ctx, "ใส่ปีงบประมาณเป็น พ.ศ. เช่น 2568") : year;
    }),
    ...measureFields,
    steps: z._default(z.optional(z.array(stepPlanSchema).check(z.maxLength(30, "ขั้นตอนได้ไม่เกิน 30 ขั้น"))), []),
  })
  .check(
    z.superRefine((m, ctx) => {
      if (typeof m !== "object" || m === null) return;
      periodInOrder(m, ctx);
      const period = {
        periodStart: isDate(m.periodStart) ? m.periodStart : null,
        periodEnd: isDate(m.periodEnd) ? m.periodEnd : null,
      };
      for (const [i, step] of (Array.isArray(m.steps) ? m.steps : []).entries()) {
        const problem = isDate(step?.dueOn) ? dueOutsidePeriod(step.dueOn, period) : undefined;
        if (problem) ctx.addIssue({ code: "custom", path: ["steps", i, "dueOn"], message: problem });
      }
    }, always),
  );

export type StepPlanInput = z.input<typeof stepPlanSchema>;
export type StepPlan = z.output<typeof stepPlanSchema>;
export type StepPlanPatch = z.output<typeof stepPlanPatchSchema>;
export type MeasureEditInput = z.input<typeof measureEditSchema>;
export type MeasureEdit = z.output<typeof measureEditSchema>;
export type MeasureCreateInput = z.input<typeof measureCreateSchema>;
export type MeasureCreate = z.output<typeof measureCreateSchema>;

/**
 * Field → first Thai message, named as the form names its inputs: "title", "ownerIds",
 * "steps.1.dueOn" (a list of checkboxes is one field: "ownerIds.2" is "ownerIds").
 */
export function formFieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    while (path.length > 1 && /^\d+$/.test(path.at(-1)!)) path.pop();
    out[path.join(".") || "_"] ??= issue.message;
  }
  return out;
}
