import { formatThaiDate } from "../../core/thai/date.ts";

/** '2025-03-31' → "31 มี.ค. 68". */
export function thaiDate(isoDate: string): string {
  return formatThaiDate(isoDate, { style: "short", digits: "arabic" });
}

/** Black or white text, whichever reads better on the level's colour. */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#1a1a1a" : "#ffffff";
}
