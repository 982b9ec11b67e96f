import { describe, expect, it } from "vitest";
import { resolveComparison, resolveYear } from "../../../core/chat/years.ts";

// 25 Nov 2026 in Bangkok is in fiscal year 2570.
const NOW = new Date("2026-11-25T03:00:00Z");
const AVAILABLE = [2565, 2567, 2566, 2568];

describe("resolveYear", () => {
  it("takes the latest year with data when none is asked", () => {
    expect(resolveYear(undefined, NOW, AVAILABLE)).toEqual({ ok: true, year: 2568 });
  });

  it("takes an asked year that has data", () => {
    expect(resolveYear({ kind: "year", be: 2566, era: "short" }, NOW, AVAILABLE)).toEqual({
      ok: true,
      year: 2566,
    });
  });

  it("says when a ค.ศ. year was converted", () => {
    const r = resolveYear({ kind: "year", be: 2567, era: "ce" }, NOW, AVAILABLE);
    expect(r).toMatchObject({ ok: true, year: 2567 });
    expect(r.ok && r.note).toContain("2024");
  });

  it("reads ปีนี้ and ปีที่แล้ว as fiscal years in Bangkok time", () => {
    expect(resolveYear({ kind: "relative", offset: 0 }, NOW, [2570])).toEqual({ ok: true, year: 2570 });
    expect(resolveYear({ kind: "relative", offset: -1 }, NOW, [2569])).toEqual({ ok: true, year: 2569 });
    // 30 Sep 2026 17:30 UTC is already 1 Oct in Bangkok: fiscal year 2570.
    expect(
      resolveYear({ kind: "relative", offset: 0 }, new Date("2026-09-30T17:30:00Z"), [2570]),
    ).toMatchObject({
      year: 2570,
    });
  });

  it("reports the wanted year and what exists when there is no data", () => {
    expect(resolveYear({ kind: "year", be: 2569, era: "be" }, NOW, AVAILABLE)).toEqual({
      ok: false,
      wanted: 2569,
      available: [2568, 2567, 2566, 2565],
    });
    expect(resolveYear(undefined, NOW, [])).toEqual({ ok: false, available: [] });
  });
});

describe("resolveComparison", () => {
  it("compares the latest year with the one before when no year is given", () => {
    expect(resolveComparison([], NOW, AVAILABLE)).toEqual({ ok: true, from: 2567, to: 2568 });
  });

  it("puts the older year first whatever the order asked", () => {
    const y = (be: number) => ({ kind: "year" as const, be, era: "short" as const });
    expect(resolveComparison([y(2567), y(2565)], NOW, AVAILABLE)).toEqual({ ok: true, from: 2565, to: 2567 });
  });

  it("pairs one asked year with the year before it", () => {
    expect(resolveComparison([{ kind: "year", be: 2567, era: "be" }], NOW, AVAILABLE)).toEqual({
      ok: true,
      from: 2566,
      to: 2567,
    });
  });

  it("names the missing year", () => {
    const r = resolveComparison(
      [
        { kind: "year", be: 2560, era: "be" },
        { kind: "year", be: 2567, era: "be" },
      ],
      NOW,
      AVAILABLE,
    );
    expect(r).toEqual({ ok: false, missing: [2560], available: [2568, 2567, 2566, 2565] });
  });

  it("needs two years of data", () => {
    expect(resolveComparison([], NOW, [2567])).toMatchObject({ ok: false });
  });
});
