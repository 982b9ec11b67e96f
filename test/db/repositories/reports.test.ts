import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatScore } from "../../../core/ita/score.ts";
import type { DbHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../db/demo/load.ts";
import { loadDemoMeasures } from "../../../db/demo/measures.ts";
import { LIVE_AS_OF } from "../../../db/demo/seed-measures.ts";
import { NotFoundError } from "../../../db/errors.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import {
  agenciesWithReports,
  gatherAnalysisData,
  gatherProgressData,
} from "../../../db/repositories/reports.ts";
import { systemScope } from "../../../db/scope.ts";
import { DEMO_NOW, SHIPPED } from "../../fixtures/frameworks.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("report data on %s", (dialect) => {
  let h: DbHandle;
  const scope = async (code: string) => systemScope((await findAgencyByCode(h.db, code))!.id);
  beforeAll(async () => {
    h = await openTestDb(dialect);
    await loadDemoData(h.db, { now: DEMO_NOW });
    // Seed 000's plan as it stood on 1 June 2025: the measures of 2568 that its 2567 analysis lists.
    await loadDemoMeasures(h.db, new Date(`${LIVE_AS_OF}T03:00:00Z`));
  });
  afterAll(async () => {
    await h.close();
  });

  it("gathers an analysis: the agency, the year's results with the reported rank, and next year's measures", async () => {
    const data = await gatherAnalysisData(h.db, await scope("SEED000"), 2567, SHIPPED);
    expect(data.agency).toEqual({
      code: "SEED000",
      nameTh: "เทศบาลตำบลศรีสองรัก",
      type: "เทศบาลตำบล",
      province: "เลย",
      district: "ด่านซ้าย",
    });
    expect(formatScore(data.results.assessment.total!.value)).toBe("97.15");
    expect(data.results.rank).toEqual({ rank: 543, agencyType: "เทศบาลตำบล" });
    expect(data.measures.length).toBe(7);
    expect(data.measures.every((m) => m.fiscalYear === 2568)).toBe(true);
    expect(data.history.map((x) => [x.year, formatScore(x.total)])).toEqual([[2567, "97.15"]]);
  });

  it("computes the rank among stored agencies when none was reported", async () => {
    const data = await gatherAnalysisData(h.db, await scope("DEMO00001"), 2568, SHIPPED);
    expect(data.results.rank?.rank).toBeGreaterThanOrEqual(1);
    expect(data.results.rank?.of).toBeGreaterThanOrEqual(data.results.rank!.rank);
    // The demo agency's years up to 2568 (its seven run 2563–2569).
    expect(data.history.length).toBe(6);
  });

  it("gathers a progress report: the year's measures and the latest two results up to that year", async () => {
    const data = await gatherProgressData(h.db, await scope("SEED001"), 2566, SHIPPED);
    expect(data.measures.length).toBeGreaterThan(0);
    expect(data.measures.every((m) => m.fiscalYear === 2566)).toBe(true);
    expect(data.comparison.map((a) => a.assessment.year)).toEqual([2565]);
    const demo = await gatherProgressData(h.db, await scope("DEMO00001"), 2567, SHIPPED);
    expect(demo.comparison.map((a) => a.assessment.year)).toEqual([2566, 2567]);
    expect(demo.measures).toEqual([]);
  });

  it("says not found for an analysis without results, and lists who has something to report", async () => {
    await expect(gatherAnalysisData(h.db, await scope("SEED004"), 2567, SHIPPED)).rejects.toThrow(
      NotFoundError,
    );
    const analysis = (await agenciesWithReports(h.db, "analysis", 2567)).map((a) => a.code);
    expect(analysis).toContain("SEED000");
    expect(analysis).not.toContain("SEED004");
    const progress = (await agenciesWithReports(h.db, "progress", 2566)).map((a) => a.code);
    expect(progress).toEqual(expect.arrayContaining(["SEED001", "SEED004"]));
  });
});
