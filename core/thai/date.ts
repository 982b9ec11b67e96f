import { toThaiDigits } from "./digits.ts";
import { BE_OFFSET } from "./year.ts";

export const MONTHS_TH = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
] as const;

export const MONTHS_TH_SHORT = [
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
] as const;

export interface ThaiDateOptions {
  /** Thai digits (official documents) or Arabic (chat). Default Thai. */
  digits?: "thai" | "arabic";
  /** "full": ๓๑ มีนาคม ๒๕๖๖ · "short": ๓๑ มี.ค. ๖๖ */
  style?: "full" | "short";
}

/** '2023-03-31' -> "๓๑ มีนาคม ๒๕๖๖" (Buddhist Era). */
export function formatThaiDate(isoDate: string, options: ThaiDateOptions = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a date: ${isoDate}`);
  const be = Number(m[1]) + BE_OFFSET;
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  const text =
    options.style === "short"
      ? `${day} ${MONTHS_TH_SHORT[month]} ${String(be).slice(2)}`
      : `${day} ${MONTHS_TH[month]} ${be}`;
  return options.digits === "arabic" ? text : toThaiDigits(text);
}

/** '2027-08-15' -> "ส.ค. ๒๕๗๐": the month a date is expected in, when the day is not known yet. */
export function formatThaiMonthYear(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(isoDate);
  if (!m) throw new RangeError(`not a date: ${isoDate}`);
  return toThaiDigits(`${MONTHS_TH_SHORT[Number(m[2]) - 1]} ${Number(m[1]) + BE_OFFSET}`);
}

/** A real calendar date written 'YYYY-MM-DD' ("2025-02-30" is not one). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  // The round trip catches days a month does not have, which Date rolls over into the next.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An ISO date plus `days`. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
