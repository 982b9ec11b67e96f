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

  it("adds weights with two decimals exactly (33.33 + 33.33 + 33.34 of 100 is 100.00)", () => {
    expect(
      weightedHalfUp([
        { weightPercent: 33.33, value: 10000 as Score },
        { weightPercent: 33.33, value: 10000 as Score },
        { weightPercent: 33.34, value: 10000 as Score },
      ]),
    ).toBe(10000);
    expect(
      weightedHalfUp([
        { weightPercent: 33.33, value: 8619 as Score },
        { weightPercent: 33.33, value: 7328 as Score },
        { weightPercent: 33.34, value: 10000 as Score },
      ]),
    ).toBe(8649);
  });

  it("rounds an exact half up with decimal weights (37.5% of 0.60 = 0.225 -> 0.23)", () => {
    // In floats 0.375 × 0.60 × 100 is 22.499999999999996, which would round down to 0.22.
    expect(
      weightedHalfUp([
        { weightPercent: 37.5, value: 60 as Score },
        { weightPercent: 62.5, value: 0 as Score },
      ]),
    ).toBe(23);
    expect(
      weightedHalfUp([
        { weightPercent: 33.33, value: 5000 as Score },
        { weightPercent: 66.67, value: 0 as Score },
      ]),
    ).toBe(1667);
  });

  it("reads a weight as whole hundredths of a percent even when its float is not (0.29, 33.34)", () => {
    // 0.29 × 100 is 28.999999999999996 and 33.34 × 100 is 3334.0000000000005 in floats.
    expect(
      weightedHalfUp([
        { weightPercent: 0.29, value: 10000 as Score },
        { weightPercent: 99.71, value: 0 as Score },
      ]),
    ).toBe(29);
    expect(
      weightedHalfUp([
        { weightPercent: 33.34, value: 10000 as Score },
        { weightPercent: 66.66, value: 0 as Score },
      ]),
    ).toBe(3334);
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
