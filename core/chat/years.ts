import { formatThaiMonthYear } from "../thai/date.ts";
import { toThaiDigits } from "../thai/digits.ts";
import { bangkokDate, fiscalYearAt } from "../thai/fiscal-year.ts";
import type { YearSpec } from "./query.ts";

/** What the answer knows about years besides the question: now, the years with results, the calendar. */
export interface YearContext {
  now: Date;
  /** Fiscal years with results for the agency, any order. */
  available: readonly number[];
  /** When a fiscal year's results are (or were) announced, 'YYYY-MM-DD', from the calendar. */
  resultsDate?: (year: number) => string | undefined;
}

export type YearResolution =
  | { ok: true; year: number; note?: string }
  | { ok: false; wanted?: number; available: number[]; note?: string };

const th = (n: number) => toThaiDigits(String(n));

/**
 * Why a year has no results, and the latest that does: "ผลปี ๒๕๗๐ ยังไม่ประกาศ (คาดว่า ส.ค. ๒๕๗๐)
 * ผลล่าสุดคือปี ๒๕๖๙". A year whose results date has passed was announced but not imported yet.
 */
function missingNote(wanted: number, latest: number | undefined, ctx: YearContext): string {
  const today = bangkokDate(ctx.now);
  const date = ctx.resultsDate?.(wanted);
  const head =
    date && date > today
      ? `ผลปี ${th(wanted)} ยังไม่ประกาศ (คาดว่า ${formatThaiMonthYear(date)})`
      : wanted > fiscalYearAt(ctx.now)
        ? `ผลปี ${th(wanted)} ยังไม่ประกาศ`
        : `ยังไม่มีผลปี ${th(wanted)} ในระบบ${date ? ` (ประกาศเมื่อ ${formatThaiMonthYear(date)} ผู้ดูแลนำเข้าได้)` : ""}`;
  return latest === undefined ? head : `${head} ผลล่าสุดคือปี ${th(latest)}`;
}

/**
 * The fiscal year a question is about: the one asked for, if it has results; the latest with
 * results when none was asked. "ปีนี้" is the fiscal year of `now` (Asia/Bangkok): when it has no
 * results yet, the answer is the latest year that has, with a note saying so and when this year's
 * are expected. "ปีที่แล้ว" and "สองปีก่อน" count back from it the same way.
 */
export function resolveYear(spec: YearSpec | undefined, ctx: YearContext): YearResolution {
  const sorted = [...ctx.available].sort((a, b) => b - a);
  const latest = sorted[0];
  if (!spec) return latest !== undefined ? { ok: true, year: latest } : { ok: false, available: sorted };
  const wanted = spec.kind === "year" ? spec.be : fiscalYearAt(ctx.now) + spec.offset;
  if (sorted.includes(wanted)) {
    if (spec.kind === "year" && spec.era === "ce") {
      return { ok: true, year: wanted, note: `ปี ค.ศ. ${spec.be - 543} คือปีงบประมาณ พ.ศ. ${wanted}` };
    }
    return { ok: true, year: wanted };
  }
  const earlier = sorted.find((y) => y < wanted);
  // A relative year without results falls back to the latest before it, and says so.
  if (spec.kind === "relative" && earlier !== undefined) {
    return { ok: true, year: earlier, note: missingNote(wanted, earlier, ctx) };
  }
  return { ok: false, wanted, available: sorted, note: missingNote(wanted, latest, ctx) };
}

/**
 * The two years to compare, older first: as asked, or the latest and the one before it. A relative
 * year without results ("เทียบปีนี้กับปีที่แล้ว" before this year's are out) moves both back to the
 * latest two with results, with a note.
 */
export function resolveComparison(
  specs: readonly YearSpec[],
  ctx: YearContext,
):
  | { ok: true; from: number; to: number; note?: string }
  | { ok: false; missing: number[]; available: number[]; note?: string } {
  const sorted = [...ctx.available].sort((a, b) => b - a);
  const current = fiscalYearAt(ctx.now);
  const asked = specs.map((s) => (s.kind === "year" ? s.be : current + s.offset));
  const relativeOnly = specs.length > 0 && specs.every((s) => s.kind === "relative");
  let note: string | undefined;
  let pair: number[];
  if (relativeOnly && asked.some((y) => !sorted.includes(y)) && sorted.length >= 2) {
    const missing = asked.find((y) => !sorted.includes(y))!;
    note = missingNote(missing, sorted[0], ctx);
    pair = sorted.slice(0, 2);
  } else if (asked.length >= 2) pair = asked.slice(0, 2);
  else if (asked.length === 1) {
    const one = asked[0]!;
    const other = sorted.find((y) => y !== one && y < one) ?? sorted.find((y) => y !== one);
    pair = other === undefined ? [one] : [one, other];
  } else pair = sorted.slice(0, 2);
  const missing = pair.filter((y) => !sorted.includes(y));
  if (pair.length < 2 || missing.length) return { ok: false, missing, available: sorted };
  const [a, b] = pair as [number, number];
  return { ok: true, from: Math.min(a, b), to: Math.max(a, b), ...(note ? { note } : {}) };
}
