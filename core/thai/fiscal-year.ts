import { BE_OFFSET } from "./year.ts";

/** Thailand keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Asia/Bangkok at an instant, as 'YYYY-MM-DD'. */
export function bangkokDate(instant: Date): string {
  return new Date(instant.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** Fiscal year (พ.ศ.) that a date 'YYYY-MM-DD' falls in: 1 Oct 2024 – 30 Sep 2025 is 2568. */
export function fiscalYearOfDate(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return year + BE_OFFSET + (month >= 10 ? 1 : 0);
}

/** Fiscal year (พ.ศ.) at an instant, in Bangkok time. */
export function fiscalYearAt(instant: Date): number {
  return fiscalYearOfDate(bangkokDate(instant));
}

/** First and last day of a fiscal year (พ.ศ.), as ISO dates. */
export function fiscalYearRange(fiscalYearBe: number): { start: string; end: string } {
  const ce = fiscalYearBe - BE_OFFSET;
  return { start: `${ce - 1}-10-01`, end: `${ce}-09-30` };
}
