import { describe, expect, it } from "vitest";
import { resolveComparison, resolveYear } from "../../../core/chat/years.ts";

// 25 Nov 2026 in Bangkok is in fiscal year 2570.
const NOW = new Date("2026-11-25T03:00:00Z");
const AVAILABLE = [2565, 2567, 2566, 2568];

describe("resolveYear", () => {
  it("takes the latest year with data when none is asked", () => {
    expect(resolveYear(undefined, { now: NOW, available: AVAILABLE })).toEqual({ ok: true, year: 2568 });
  });

  it("takes an asked year that has data", () => {
    expect(resolveYear({ kind: "year", be: 2566, era: "short" }, { now: NOW, available: AVAILABLE })).toEqual(
      {
        ok: true,
        year: 2566,
      },
    );
  });

  it("says when a ค.ศ. year was converted", () => {
    const r = resolveYear({ kind: "year", be: 2567, era: "ce" }, { now: NOW, available: AVAILABLE });
    expect(r).toMatchObject({ ok: true, year: 2567 });
    expect(r.ok && r.note).toContain("2024");
  });

  it("reads ปีนี้ and ปีที่แล้ว as fiscal years in Bangkok time", () => {
    expect(resolveYear({ kind: "relative", offset: 0 }, { now: NOW, available: [2570] })).toEqual({
      ok: true,
      year: 2570,
    });
    expect(resolveYear({ kind: "relative", offset: -1 }, { now: NOW, available: [2569] })).toEqual({
      ok: true,
      year: 2569,
    });
    // 30 Sep 2026 17:30 UTC is already 1 Oct in Bangkok: fiscal year 2570.
    expect(
      resolveYear(
        { kind: "relative", offset: 0 },
        { now: new Date("2026-09-30T17:30:00Z"), available: [2570] },
      ),
    ).toMatchObject({
      year: 2570,
    });
  });

  it("reports the wanted year and what exists when there is no data", () => {
    expect(
      resolveYear({ kind: "year", be: 2569, era: "be" }, { now: NOW, available: AVAILABLE }),
    ).toMatchObject({
      ok: false,
      wanted: 2569,
      available: [2568, 2567, 2566, 2565],
    });
    expect(resolveYear(undefined, { now: NOW, available: [] })).toEqual({ ok: false, available: [] });
  });
});

describe("resolveComparison", () => {
  it("compares the latest year with the one before when no year is given", () => {
    expect(resolveComparison([], { now: NOW, available: AVAILABLE })).toEqual({
      ok: true,
      from: 2567,
      to: 2568,
    });
  });

  it("puts the older year first whatever the order asked", () => {
    const y = (be: number) => ({ kind: "year" as const, be, era: "short" as const });
    expect(resolveComparison([y(2567), y(2565)], { now: NOW, available: AVAILABLE })).toEqual({
      ok: true,
      from: 2565,
      to: 2567,
    });
  });

  it("pairs one asked year with the year before it", () => {
    expect(
      resolveComparison([{ kind: "year", be: 2567, era: "be" }], { now: NOW, available: AVAILABLE }),
    ).toEqual({
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
      { now: NOW, available: AVAILABLE },
    );
    expect(r).toEqual({ ok: false, missing: [2560], available: [2568, 2567, 2566, 2565] });
  });

  it("needs two years of data", () => {
    expect(resolveComparison([], { now: NOW, available: [2567] })).toMatchObject({ ok: false });
  });
});

describe("years relative to now", () => {
  const RESULTS = (year: number) => `${year - 543}-08-15`;
  const at = (iso: string, available = [2566, 2567, 2568, 2569]) => ({
    now: new Date(iso),
    available,
    resultsDate: RESULTS,
  });

  it("answers ปีนี้ in December of 2570 with 2569, saying 2570 is expected in August", () => {
    const r = resolveYear({ kind: "relative", offset: 0 }, at("2026-12-07T03:00:00Z"));
    expect(r).toEqual({
      ok: true,
      year: 2569,
      note: "ผลปี ๒๕๗๐ ยังไม่ประกาศ (คาดว่า ส.ค. ๒๕๗๐) ผลล่าสุดคือปี ๒๕๖๙",
    });
  });

  it("answers ปีที่แล้ว in December of 2570 with 2569 itself, no note", () => {
    expect(resolveYear({ kind: "relative", offset: -1 }, at("2026-12-07T03:00:00Z"))).toEqual({
      ok: true,
      year: 2569,
    });
  });

  it("says a year whose results date has passed was announced but is not in the system yet", () => {
    const r = resolveYear({ kind: "relative", offset: 0 }, at("2027-08-20T03:00:00Z"));
    expect(r).toMatchObject({ ok: true, year: 2569 });
    expect(r.ok && r.note).toBe("ยังไม่มีผลปี ๒๕๗๐ ในระบบ (ประกาศเมื่อ ส.ค. ๒๕๗๐ ผู้ดูแลนำเข้าได้) ผลล่าสุดคือปี ๒๕๖๙");
    // Once imported, ปีนี้ is 2570 itself.
    expect(resolveYear({ kind: "relative", offset: 0 }, at("2027-08-20T03:00:00Z", [2569, 2570]))).toEqual({
      ok: true,
      year: 2570,
    });
  });

  it("moves ปีนี้ to the next fiscal year on 1 October in Bangkok", () => {
    const before = resolveYear({ kind: "relative", offset: 0 }, at("2026-09-30T16:59:00Z", [2569, 2570]));
    const after = resolveYear({ kind: "relative", offset: 0 }, at("2026-09-30T17:00:00Z", [2569, 2570]));
    expect(before).toEqual({ ok: true, year: 2569 });
    expect(after).toEqual({ ok: true, year: 2570 });
  });

  it("keeps an explicit year without results an honest no, with when it is expected", () => {
    const r = resolveYear({ kind: "year", be: 2570, era: "short" }, at("2026-12-07T03:00:00Z"));
    expect(r).toMatchObject({ ok: false, wanted: 2570 });
    expect(r.note).toBe("ผลปี ๒๕๗๐ ยังไม่ประกาศ (คาดว่า ส.ค. ๒๕๗๐) ผลล่าสุดคือปี ๒๕๖๙");
  });

  it("compares the latest two years with results when ปีนี้ has none yet, and says so", () => {
    const r = resolveComparison(
      [
        { kind: "relative", offset: 0 },
        { kind: "relative", offset: -1 },
      ],
      at("2026-12-07T03:00:00Z"),
    );
    expect(r).toEqual({
      ok: true,
      from: 2568,
      to: 2569,
      note: "ผลปี ๒๕๗๐ ยังไม่ประกาศ (คาดว่า ส.ค. ๒๕๗๐) ผลล่าสุดคือปี ๒๕๖๙",
    });
    // After the results are in, the same words compare 2569 with 2570.
    expect(
      resolveComparison(
        [
          { kind: "relative", offset: 0 },
          { kind: "relative", offset: -1 },
        ],
        at("2027-08-20T03:00:00Z", [2568, 2569, 2570]),
      ),
    ).toEqual({ ok: true, from: 2569, to: 2570 });
  });
});
