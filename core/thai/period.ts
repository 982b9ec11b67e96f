import { MONTHS_TH } from "./date.ts";
import { toArabicDigits } from "./digits.ts";
import { fiscalYearRange } from "./fiscal-year.ts";
import { BE_OFFSET } from "./year.ts";

// ระยะเวลาดำเนินการ as agencies write it in their plans and reports, read as dates.

const MONTH_RE = new RegExp(`(?:(\\d{1,2})\\s*)?(${MONTHS_TH.join("|")})\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4})?`, "g");
const WHOLE_YEAR_RE = /ตลอดปี(?:งบประมาณ)?\s*(?:พ\.ศ\.\s*)?(\d{4})?|ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?(\d{4})/;
const RECURRING_RE = /รายเดือน|รายไตรมาส|ทุกไตรมาส|ทุกเดือน|รอบ\s*\d\s*เดือน/;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The dates a Thai period covers, for a measure of a fiscal year (พ.ศ.): "มีนาคม ๒๕๖๖" →
 * 2023-03-01 … 2023-03-31; "กุมภาพันธ์ ถึง มีนาคม ๒๕๖๖" → 2023-02-01 … 2023-03-31;
 * "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘" → 2024-10-01 … 2025-09-30; "ตลอดปี ๒๕๖๖", "ปีงบประมาณ
 * พ.ศ. ๒๕๖๖" and recurring periods ("ทุกไตรมาส") → the whole fiscal year. A month without a
 * year takes the next one written, else the one it falls in within the fiscal year.
 */
export function periodRange(text: string, fiscalYear: number): { start: string; end: string } | undefined {
  const t = toArabicDigits(text);
  const months = [...t.matchAll(MONTH_RE)].map((m) => ({
    day: m[1] ? Number(m[1]) : undefined,
    month: (MONTHS_TH as readonly string[]).indexOf(m[2]!) + 1,
    yearBe: m[3] ? Number(m[3]) : undefined,
  }));
  if (months.length === 0) {
    const whole = WHOLE_YEAR_RE.exec(t);
    if (whole) return fiscalYearRange(Number(whole[1] ?? whole[2] ?? fiscalYear));
    if (RECURRING_RE.test(t)) return fiscalYearRange(fiscalYear);
    return undefined;
  }
  const ce = (i: number): number => {
    const m = months[i]!;
    const written = m.yearBe ?? months.slice(i + 1).find((n) => n.yearBe !== undefined)?.yearBe;
    if (written !== undefined) return written - BE_OFFSET;
    return fiscalYear - BE_OFFSET - (m.month >= 10 ? 1 : 0);
  };
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const startYear = ce(0);
  const endYear = ce(months.length - 1);
  return {
    start: `${startYear}-${pad(first.month)}-${pad(first.day ?? 1)}`,
    end: `${endYear}-${pad(last.month)}-${pad(last.day ?? lastDay(endYear, last.month))}`,
  };
}
