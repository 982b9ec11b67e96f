import type { Score } from "../ita/score.ts";
import { formatDelta, formatScore } from "../ita/score.ts";
import { formatThaiDate } from "../thai/date.ts";
import { toArabicDigits, toThaiDigits } from "../thai/digits.ts";
import type { Digits } from "./document.ts";

/** Number and date formatting of one document: Thai digits by default, Arabic on request. */
export interface Formatter {
  digits: Digits;
  /** Any text with its digits converted ("ตัวชี้วัดที่ 4" → "ตัวชี้วัดที่ ๔"). */
  t(text: string | number): string;
  /** A score with exactly two decimals: "๙๗.๑๕". */
  score(value: Score | undefined): string;
  /** A signed change: "+๑.๒๓", "-๐.๔๐", "๐.๐๐". */
  delta(value: number): string;
  /** '2023-03-31' → "๓๑ มีนาคม ๒๕๖๖". */
  date(isoDate: string, style?: "full" | "short"): string;
}

export function formatter(digits: Digits = "thai"): Formatter {
  const t = (text: string | number) =>
    digits === "thai" ? toThaiDigits(String(text)) : toArabicDigits(String(text));
  return {
    digits,
    t,
    score: (value) => (value === undefined ? "-" : t(formatScore(value))),
    delta: (value) => t(formatDelta(value)),
    date: (isoDate, style = "full") => formatThaiDate(isoDate, { digits, style }),
  };
}
