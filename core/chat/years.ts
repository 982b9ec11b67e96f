import { fiscalYearAt } from "../thai/fiscal-year.ts";
import type { YearSpec } from "./query.ts";

export type YearResolution =
  | { ok: true; year: number; note?: string }
  | { ok: false; wanted?: number; available: number[] };

/**
 * The fiscal year a question is about: the one asked for, if it has data; the latest with data
 * when none was asked. `now` decides what "ปีนี้" and "ปีที่แล้ว" mean (Asia/Bangkok fiscal year).
 */
export function resolveYear(
  spec: YearSpec | undefined,
  now: Date,
  available: readonly number[],
): YearResolution {
  const sorted = [...available].sort((a, b) => b - a);
  if (!spec) return sorted.length ? { ok: true, year: sorted[0]! } : { ok: false, available: sorted };
  const wanted = spec.kind === "year" ? spec.be : fiscalYearAt(now) + spec.offset;
  if (!sorted.includes(wanted)) return { ok: false, wanted, available: sorted };
  if (spec.kind === "year" && spec.era === "ce") {
    return { ok: true, year: wanted, note: `ปี ค.ศ. ${spec.be - 543} คือปีงบประมาณ พ.ศ. ${wanted}` };
  }
  return { ok: true, year: wanted };
}

/** The two years to compare, older first: as asked, or the latest and the one before it. */
export function resolveComparison(
  specs: readonly YearSpec[],
  now: Date,
  available: readonly number[],
): { ok: true; from: number; to: number } | { ok: false; missing: number[]; available: number[] } {
  const sorted = [...available].sort((a, b) => b - a);
  const asked = specs.map((s) => (s.kind === "year" ? s.be : fiscalYearAt(now) + s.offset));
  let pair: number[];
  if (asked.length >= 2) pair = asked.slice(0, 2);
  else if (asked.length === 1) {
    const one = asked[0]!;
    const other = sorted.find((y) => y !== one && y < one) ?? sorted.find((y) => y !== one);
    pair = other === undefined ? [one] : [one, other];
  } else pair = sorted.slice(0, 2);
  const missing = pair.filter((y) => !sorted.includes(y));
  if (pair.length < 2 || missing.length) return { ok: false, missing, available: sorted };
  const [a, b] = pair as [number, number];
  return { ok: true, from: Math.min(a, b), to: Math.max(a, b) };
}
