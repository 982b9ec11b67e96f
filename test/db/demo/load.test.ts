import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatScore } from "../../../core/ita/score.ts";
import { daysBetween } from "../../../core/thai/date.ts";
import type { DbHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../db/demo/load.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { assessmentYears, loadAssessment } from "../../../db/repositories/assessments.ts";
import { systemScope } from "../../../db/scope.ts";
import { DEMO_NOW } from "../../fixtures/frameworks.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("demo data on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it("loads the seed agencies with their published figures, then leaves a non-empty database alone", async () => {
    expect(await loadDemoData(h.db, { now: DEMO_NOW })).toEqual({ loaded: true, agencies: 10 });
    const srisongrak = await findAgencyByCode(h.db, "SEED000");
    expect(srisongrak).toMatchObject({ nameTh: "เทศบาลตำบลศรีสองรัก", province: "เลย", district: "ด่านซ้าย" });
    const s000 = await loadAssessment(h.db, systemScope(srisongrak!.id), 2567);
    expect(formatScore(s000!.assessment.total!.value)).toBe("97.15");
    expect(s000!.assessment.level).toBe("ผ่านดี");
    expect(s000!.reportedRank).toBe(543);
    // The seed report's own inconsistencies (FRAMEWORK.md) are flagged, not hidden.
    expect(s000!.assessment.mismatches.map((m) => m.code)).toContain("3");

    const banlaeng = await findAgencyByCode(h.db, "SEED001");
    const s001 = await loadAssessment(h.db, systemScope(banlaeng!.id), 2565);
    expect(formatScore(s001!.assessment.total!.value)).toBe("86.19");
    expect(s001!.assessment.level).toBe("A");

    const kudjik = await findAgencyByCode(h.db, "SEED004");
    expect(await assessmentYears(h.db, systemScope(kudjik!.id))).toEqual([]);

    const demo = await findAgencyByCode(h.db, "DEMO00001");
    // Seven years up to the latest announced on 25 Nov 2026 (2569, out in August 2026).
    expect(await assessmentYears(h.db, systemScope(demo!.id))).toEqual([
      2569, 2568, 2567, 2566, 2565, 2564, 2563,
    ]);

    expect(await loadDemoData(h.db, { now: DEMO_NOW })).toEqual({ loaded: false, agencies: 10 });
  });
});

describe("a demo that lives in today", () => {
  const openSteps = async (db: DbHandle["db"]) => {
    const srisongrak = (await findAgencyByCode(db, "SEED000"))!;
    return db
      .selectFrom("measure_steps")
      .select(["due_on", "status"])
      .where("agency_id", "=", srisongrak.id)
      .where("status", "not in", ["done", "cancelled"])
      .execute();
  };

  it.each([
    ["in March", "2027-03-15T02:00:00Z", "2027-03-15", 2570, 2569],
    ["in September", "2027-09-10T02:00:00Z", "2027-09-10", 2570, 2569],
    ["in the first days of a fiscal year", "2026-10-03T02:00:00Z", "2026-10-03", 2570, 2569],
  ])(
    "shows a live cycle %s: deadlines days away, one step late by days, results up to the latest out",
    async (_when, iso, today, fiscalYear, latest) => {
      const h = await openTestDb("pglite");
      try {
        await loadDemoData(h.db, { now: new Date(iso) });
        const steps = await openSteps(h.db);
        const days = steps.map((s) => daysBetween(today, s.due_on!));
        // The nearest deadline ahead is days away, not months; the one late step is late by days.
        expect(Math.min(...days.filter((d) => d >= 0))).toBeLessThanOrEqual(7);
        expect(days.filter((d) => d < 0)).toEqual([-17]);
        const measures = await h.db
          .selectFrom("measures")
          .innerJoin("agencies", "agencies.id", "measures.agency_id")
          .select("measures.fiscal_year")
          .where("agencies.code", "=", "SEED000")
          .execute();
        expect(new Set(measures.map((m) => m.fiscal_year))).toEqual(new Set([fiscalYear]));
        const demo = (await findAgencyByCode(h.db, "DEMO00001"))!;
        expect((await assessmentYears(h.db, systemScope(demo.id)))[0]).toBe(latest);
        const calendar = await h.db
          .selectFrom("milestones")
          .select("fiscal_year")
          .where("agency_id", "is", null)
          .execute();
        expect(new Set(calendar.map((m) => m.fiscal_year))).toEqual(new Set([fiscalYear, fiscalYear + 1]));
      } finally {
        await h.close();
      }
    },
  );

  it("catches a demo database up when it is started again in a later fiscal year", async () => {
    const h = await openTestDb("pglite");
    try {
      await loadDemoData(h.db, { now: new Date("2026-03-15T02:00:00Z") });
      const demo = (await findAgencyByCode(h.db, "DEMO00001"))!;
      expect((await assessmentYears(h.db, systemScope(demo.id)))[0]).toBe(2568);
      const later = await loadDemoData(h.db, { now: DEMO_NOW });
      expect(later.loaded).toBe(true);
      expect((await assessmentYears(h.db, systemScope(demo.id)))[0]).toBe(2569);
      const years = await h.db
        .selectFrom("measures")
        .innerJoin("agencies", "agencies.id", "measures.agency_id")
        .select("measures.fiscal_year")
        .distinct()
        .where("agencies.code", "=", "SEED000")
        .orderBy("measures.fiscal_year")
        .execute();
      expect(years.map((y) => y.fiscal_year)).toEqual([2569, 2570]);
      // A database that is not a demo is never touched.
      const other = await openTestDb("pglite");
      try {
        await other.db
          .insertInto("agencies")
          .values({
            code: "REAL1",
            name_th: "อบต.จริง",
            agency_type: "องค์การบริหารส่วนตำบล",
            province: "เลย",
            district: "เมือง",
          })
          .execute();
        expect(await loadDemoData(other.db, { now: DEMO_NOW })).toEqual({ loaded: false, agencies: 1 });
      } finally {
        await other.close();
      }
    } finally {
      await h.close();
    }
  });
});
