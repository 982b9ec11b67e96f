import { describe, expect, it } from "vitest";
import { typicalCalendar } from "../../../core/calendar/typical.ts";
import { rng, simulateYear, typicalAgency } from "../../../core/measures/typical-agency.ts";

const FREE_PLAN = 300;

describe("typicalAgency", () => {
  it("gives the same agency and the same year for the same seed, another for another seed", () => {
    const a = typicalAgency({ fiscalYear: 2569, seed: 3 });
    const b = typicalAgency({ fiscalYear: 2569, seed: 3 });
    expect(b).toEqual(a);
    expect(typicalAgency({ fiscalYear: 2569, seed: 4 }).items).not.toEqual(a.items);
    expect(rng(9)()).toBe(rng(9)());
  });

  it("has ten members, seven measures of four steps in the fiscal year, and the calendar for its admins", () => {
    const a = typicalAgency({ fiscalYear: 2569 });
    const roles = [...a.roles.values()];
    expect(roles.filter((r) => r === "admin")).toHaveLength(2);
    expect(roles.filter((r) => r === "editor")).toHaveLength(5);
    expect(roles.filter((r) => r === "viewer")).toHaveLength(3);
    const steps = a.items.filter((i) => i.key.startsWith("step:"));
    expect(steps).toHaveLength(28);
    for (const s of steps) {
      expect(s.dueOn >= "2025-10-01" && s.dueOn <= "2026-09-30").toBe(true);
      expect(a.doneAt.has(`1|${s.key}`)).toBe(true);
      for (const owner of s.ownerIds) expect(a.roles.get(owner)).not.toBe("viewer");
    }
    const admins = [...a.roles].filter(([, r]) => r === "admin").map(([id]) => id);
    const dates = a.items.filter((i) => i.key.startsWith("milestone:"));
    expect(dates.map((d) => d.dueOn)).toEqual(
      typicalCalendar(2569)
        .filter((c) => c.remind)
        .map((c) => c.dueOn),
    );
    for (const d of dates) {
      expect(d.ownerIds).toEqual(admins);
      expect(d.remindWhenLate).toBe(false);
    }
  });

  it("does some steps late, a few by more than a month", () => {
    const a = typicalAgency({ fiscalYear: 2569, seed: 2, measures: 40 });
    const lateness = a.items
      .filter((i) => i.key.startsWith("step:"))
      .map(
        (i) => (a.doneAt.get(`1|${i.key}`)!.getTime() - Date.parse(`${i.dueOn}T00:00:00+07:00`)) / 86_400_000,
      );
    const late = lateness.filter((d) => d >= 1).length / lateness.length;
    expect(late).toBeGreaterThan(0.2);
    expect(late).toBeLessThan(0.5);
    expect(lateness.some((d) => d > 31)).toBe(true);
  });

  it("adds the OIT items of a later issue, due on the OIT submission date, only when asked", () => {
    expect(typicalAgency({ fiscalYear: 2569 }).items.some((i) => i.key.startsWith("oit:"))).toBe(false);
    const oit = typicalAgency({ fiscalYear: 2569, oitItems: 26 }).items.filter((i) =>
      i.key.startsWith("oit:"),
    );
    expect(oit).toHaveLength(26);
    expect(new Set(oit.map((i) => i.dueOn))).toEqual(new Set(["2026-04-30"]));
  });
});

describe("simulateYear", () => {
  it("keeps every month of a typical agency within the free plan under the defaults", () => {
    for (const seed of [1, 2, 3]) {
      const months = simulateYear(typicalAgency({ fiscalYear: 2569, seed }), 2569).months;
      expect(months.map((m) => m.month)).toEqual([
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
      ]);
      for (const m of months) expect(m.pushes).toBeLessThanOrEqual(FREE_PLAN);
    }
  });

  it("merges the OIT items due on one day into the owners' digests", () => {
    const april = simulateYear(typicalAgency({ fiscalYear: 2569, oitItems: 26 }), 2569).months.find(
      (m) => m.month === "2026-04",
    )!;
    expect(april.notices).toBeGreaterThan(2 * april.digests);
  });
});
