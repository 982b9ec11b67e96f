// Scores are kept as integer hundredths (86.19 -> 8619): ITAS publishes two decimals,
// and integer arithmetic with explicit half-up rounding reproduces its totals exactly,
// where binary floats do not (FRAMEWORK.md: 86.19 vs 86.18).

declare const hundredths: unique symbol;
export type Score = number & { readonly [hundredths]: true };

export const MAX_SCORE = 10000 as Score;

export function score(hundredthsValue: number): Score {
  if (!Number.isSafeInteger(hundredthsValue))
    throw new RangeError(`not whole hundredths: ${hundredthsValue}`);
  return hundredthsValue as Score;
}

/** Divides exactly and rounds half-up (away from zero on .5): integers only, no floats. */
export function divHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0 || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`bad division ${numerator}/${denominator}`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const q = Math.floor(n / denominator);
  const r = n - q * denominator;
  return sign * (2 * r >= denominator ? q + 1 : q);
}

/** Mean of scores, half-up to two decimals. */
export function meanHalfUp(values: readonly Score[]): Score {
  if (values.length === 0) throw new RangeError("mean of nothing");
  let sum = 0;
  for (const v of values) sum += v;
  return divHalfUp(sum, values.length) as Score;
}

/**
 * Σ weight·score with weights in percent (up to two decimals, e.g. 33.34), half-up to two
 * decimals. Weights are taken in hundredths of a percent, so the arithmetic stays in integers.
 */
export function weightedHalfUp(parts: readonly { weightPercent: number; value: Score }[]): Score {
  let sum = 0;
  for (const p of parts) sum += Math.round(p.weightPercent * 100) * p.value;
  return divHalfUp(sum, 10000) as Score;
}

/** Share of passed items as a score: 8 of 9 -> 88.89. */
export function shareHalfUp(passed: number, total: number): Score {
  return divHalfUp(passed * 10000, total) as Score;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

export type ParsedScore =
  | { ok: true; value: Score; rounded: boolean }
  | { ok: false; reason: "format" | "range" };

/**
 * Parses a decimal string (Arabic digits, already normalised) exactly.
 * More than two decimals are rounded half-up and reported as rounded;
 * spreadsheets often carry 66.66666666666667 for a cell that shows 66.67.
 */
export function parseScore(text: string): ParsedScore {
  const m = DECIMAL.exec(text.trim());
  if (!m) return { ok: false, reason: "format" };
  const [, sign, whole = "", frac = ""] = m;
  if (whole.length > 4) return { ok: false, reason: "range" };
  const firstTwo = `${frac}00`.slice(0, 2);
  let value = Number(whole) * 100 + Number(firstTwo);
  const rest = frac.slice(2);
  const rounded = /[1-9]/.test(rest);
  if (rest.length > 0 && rest.charCodeAt(0) >= 53 /* '5' */) value += 1;
  if (sign === "-" && value !== 0) return { ok: false, reason: "range" };
  if (value > MAX_SCORE) return { ok: false, reason: "range" };
  return { ok: true, value: value as Score, rounded };
}

/** Always exactly two decimals: 9715 -> "97.15", 10000 -> "100.00". */
export function formatScore(value: Score): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `${sign}${whole}.${frac.toString().padStart(2, "0")}`;
}

/** A signed difference, e.g. "+1.23" / "-0.40" / "0.00". */
export function formatDelta(delta: number): string {
  if (delta === 0) return "0.00";
  return `${delta > 0 ? "+" : "-"}${formatScore(Math.abs(delta) as Score)}`;
}
