import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  divHalfUp,
  formatDelta,
  formatScore,
  meanHalfUp,
  parseScore,
  type Score,
  weightedHalfUp,
} from "../../../core/ita/score.ts";

describe("score arithmetic", () => {
  it("parses decimals exactly, without floats", () => {
    expect(parseScore("98.5")).toEqual({ ok: true, value: 9850, rounded: false });
    expect(parseScore("100")).toEqual({ ok: true, value: 10000, rounded: false });
    expect(parseScore("0.07")).toEqual({ ok: true, value: 7, rounded: false });
    expect(parseScore(" 66.67 ")).toEqual({ ok: true, value: 6667, rounded: false });
  });

  it("rounds extra decimals half-up and says so", () => {
    expect(parseScore("66.66666666666667")).toEqual({ ok: true, value: 6667, rounded: true });
    expect(parseScore("84.995")).toEqual({ ok: true, value: 8500, rounded: true });
    expect(parseScore("84.994")).toEqual({ ok: true, value: 8499, rounded: true });
    expect(parseScore("84.990")).toEqual({ ok: true, value: 8499, rounded: false });
  });

  it("refuses what is not a score in range", () => {
    expect(parseScore("abc")).toEqual({ ok: false, reason: "format" });
    expect(parseScore("")).toEqual({ ok: false, reason: "format" });
    expect(parseScore("1e2")).toEqual({ ok: false, reason: "format" });
    expect(parseScore("101")).toEqual({ ok: false, reason: "range" });
    expect(parseScore("100.01")).toEqual({ ok: false, reason: "range" });
    expect(parseScore("-1")).toEqual({ ok: false, reason: "range" });
  });

  it("formats with exactly two decimals", () => {
    expect(formatScore(9715 as Score)).toBe("97.15");
    expect(formatScore(10000 as Score)).toBe("100.00");
    expect(formatScore(5 as Score)).toBe("0.05");
    expect(formatDelta(123)).toBe("+1.23");
    expect(formatDelta(-40)).toBe("-0.40");
    expect(formatDelta(0)).toBe("0.00");
  });

  it("rounds a half away from zero and everything else to nearest", () => {
    expect(divHalfUp(5, 10)).toBe(1);
    expect(divHalfUp(4, 10)).toBe(0);
    expect(divHalfUp(-5, 10)).toBe(-1);
    expect(meanHalfUp([9292, 9891, 9892, 6667, 10000] as Score[])).toBe(9148);
    expect(
      weightedHalfUp([
        { weightPercent: 30, value: 9290 as Score },
        { weightPercent: 30, value: 9759 as Score },
        { weightPercent: 40, value: 10000 as Score },
      ]),
    ).toBe(9715);
  });

  it("round-trips every two-decimal score through format and parse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (n) => {
        const parsed = parseScore(formatScore(n as Score));
        return parsed.ok && parsed.value === n;
      }),
    );
  });

  it("matches exact rational rounding for any mean", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 40 }), (values) => {
        const sum = values.reduce((a, b) => a + b, 0);
        const n = values.length;
        const m = meanHalfUp(values as Score[]);
        // m is the integer nearest sum/n, halves up: |2(m·n − sum)| ≤ n, and a tie goes up.
        const twice = 2 * (m * n - sum);
        return twice <= n && twice > -n;
      }),
    );
  });
});
