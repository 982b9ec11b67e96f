import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatScore } from "../../../core/ita/score.ts";
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
