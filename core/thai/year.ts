import { toArabicDigits } from "./digits.ts";

export const BE_OFFSET = 543;

export type YearEra = "be" | "ce" | "short";

export interface ParsedYear {
  /** Buddhist Era year, e.g. 2567. */
  be: number;
  /** How the text gave it: พ.ศ., ค.ศ. (converted), or two digits ("67"). */
  era: YearEra;
}

/**
 * Reads a year as officials write it: "2567", "๒๕๖๗", "67", "2024" (ค.ศ., converted).
 * Returns undefined for anything else, including years outside 2500–2700 BE.
 */
export function parseYear(text: string): ParsedYear | undefined {
  const raw = toArabicDigits(text).trim();
  const saysCe = /^ค\.?ศ\.?/.test(raw);
  const saysBe = /^พ\.?ศ\.?/.test(raw);
  const t = raw.replace(/^(พ\.?ศ\.?|ค\.?ศ\.?)\s*/, "");
  if (!/^\d{2}$|^\d{4}$/.test(t)) return undefined;
  const n = Number(t);
  if (t.length === 2) return saysCe ? undefined : { be: 2500 + n, era: "short" };
  if (saysCe) return n >= 1957 && n <= 2157 ? { be: n + BE_OFFSET, era: "ce" } : undefined;
  if (n >= 2500 && n <= 2700) return { be: n, era: "be" };
  if (saysBe) return undefined;
  if (n >= 1957 && n <= 2157) return { be: n + BE_OFFSET, era: "ce" };
  return undefined;
}
