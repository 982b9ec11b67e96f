import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../db/demo/load.ts";
import { DEMO_MEASURES, loadDemoMeasures, periodRange } from "../../../db/demo/measures.ts";
import { DEMO_MILESTONES, TYPICAL_CALENDAR_LABEL } from "../../../db/demo/milestones.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { dueItemsAcrossAgencies, listMeasures } from "../../../db/repositories/measures.ts";
import { systemScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe("periodRange", () => {
  it("reads the seeds' periods as dates", () => {
    expect(periodRange("มีนาคม ๒๕๖๖", 2566)).toEqual({ start: "2023-03-01", end: "2023-03-31" });
    expect(periodRange("ตลอดปี ๒๕๖๖", 2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
    expect(periodRange("กุมภาพันธ์ ถึง มีนาคม ๒๕๖๖", 2566)).toEqual({ start: "2023-02-01", end: "2023-03-31" });
    expect(periodRange("มกราคม – กุมภาพันธ์ ๒๕๖๖", 2566)).toEqual({ start: "2023-01-01", end: "2023-02-28" });
    expect(periodRange("ปีงบประมาณ พ.ศ. ๒๕๖๖", 2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
    expect(periodRange("ทุกไตรมาส", 2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
    expect(periodRange("๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘", 2568)).toEqual({
      start: "2024-10-01",
      end: "2025-09-30",
    });
    // A month without a year falls in the fiscal year.
    expect(periodRange("ธันวาคม", 2568)).toEqual({ start: "2024-12-01", end: "2024-12-31" });
    expect(periodRange("เมื่อพร้อม", 2568)).toBeUndefined();
  });
});

describe.each(DIALECTS)("demo measures on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    await loadDemoData(h.db);
  });
  afterAll(async () => {
    await h.close();
  });

  const scopeOf = async (code: string) => systemScope((await findAgencyByCode(h.db, code))!.id);

  it("loads seed 001's measures of 2566 with the report's texts", async () => {
    const measures = await listMeasures(h.db, await scopeOf("SEED001"), { fiscalYear: 2566 });
    expect(measures).toHaveLength(3);
    const [first, second, third] = measures;
    expect(first).toMatchObject({
      seq: 1,
      title: "การสร้างความเข้าใจในการใช้ทรัพย์สินของราชการ",
      indicators: [4],
      responsibleUnit: "สำนักปลัดฯ",
      periodText: "มีนาคม ๒๕๖๖",
      periodStart: "2023-03-01",
      periodEnd: "2023-03-31",
      followUp: "monthly",
      status: "done",
      progress: 100,
      method: "๑. สร้างความเข้าใจในการใช้ทรัพย์สินของราชการ ๒. จัดทำคู่มือแนวปฏิบัติในการใช้ทรัพย์สินของราชการ",
    });
    expect(first!.resultSummary).toContain("เมื่อวันที่ ๙ มีนาคม ๒๕๖๖");
    expect(first!.suggestions).toContain("สำนักปลัดฯ แจ้งให้ทราบ");
    expect(first!.steps.map((s) => [s.dueOn, s.status, s.doneOn])).toEqual([
      ["2023-03-31", "done", "2023-03-09"],
      ["2023-03-31", "done", "2023-03-13"],
    ]);
    expect(second).toMatchObject({ periodText: "ตลอดปี ๒๕๖๖", indicators: [7, 8] });
    expect(second!.steps).toHaveLength(6);
    expect(second!.steps.every((s) => s.dueOn === "2023-09-30")).toBe(true);
    expect(third!.resultSummary).toContain("วิเคราะห์ความเสี่ยงการทุจริต");
  });

  it("loads seed 004's seven measures of 2566 with their results and suggestions", async () => {
    const measures = await listMeasures(h.db, await scopeOf("SEED004"), { fiscalYear: 2566 });
    expect(measures.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(measures.every((m) => m.status === "done" && m.progress === 100)).toBe(true);
    expect(measures[0]!.resultSummary).toContain("คำสั่งเทศบาลตำบลกุดจิก ที่ ๓๒/๒๕๖๕");
    expect(measures[0]!.steps[0]!.doneOn).toBe("2023-01-21");
    expect(measures[1]).toMatchObject({
      periodText: "กุมภาพันธ์ ถึง มีนาคม ๒๕๖๖",
      responsibleUnit: "ทุกส่วนราชการ",
      indicators: [9, 10],
    });
    expect(measures[1]!.items).toContain("O36");
    expect(measures[1]!.steps.map((s) => s.dueOn)).toEqual(["2023-03-31", "2023-03-31"]);
    expect(measures[3]).toMatchObject({ followUp: "quarterly", periodEnd: "2023-09-30" });
    const policy = measures[5]!;
    expect(policy.title).toContain("No Gift Policy");
    expect(policy.steps.map((s) => [s.responsibleUnit, s.dueOn])).toEqual([
      ["สำนักปลัดเทศบาล", "2023-02-28"],
      ["งานตรวจสอบภายใน", "2023-09-30"],
      ["งานนิติการ", "2023-09-30"],
    ]);
    expect(policy.suggestions).toContain("ในไตรมาสแรกของปีงบประมาณ");
  });

  it("loads seed 000's plan for 2568 with mixed progress, owned by the agency's demo member", async () => {
    const scope = await scopeOf("SEED000");
    const measures = await listMeasures(h.db, scope, { fiscalYear: 2568 });
    expect(measures).toHaveLength(7);
    expect(measures[0]!.periodText).toBe("๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘");
    expect(measures.map((m) => m.status)).toEqual([
      "in_progress",
      "in_progress",
      "in_progress",
      "not_started",
      "in_progress",
      "not_started",
      "in_progress",
    ]);
    for (const m of measures) {
      expect(m.owners.map((o) => o.displayName)).toEqual(["สมชาย (ผู้ดูแล ทต.ศรีสองรัก)"]);
      for (const s of m.steps) expect(s.dueOn! >= "2024-10-01" && s.dueOn! <= "2025-09-30").toBe(true);
    }
    const overdue = await listMeasures(h.db, scope, { overdueOn: "2025-06-01" });
    expect(overdue.map((m) => m.title)).toEqual(["ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ"]);
    const mine = await listMeasures(h.db, scope, { ownerMemberId: measures[0]!.owners[0]!.memberId });
    expect(mine).toHaveLength(7);
  });

  it("loads the typical national calendar for 2568 and 2569, which reaches the admins", async () => {
    const rows = await h.db.selectFrom("milestones").selectAll().orderBy("due_on").execute();
    expect(rows).toHaveLength(DEMO_MILESTONES.length);
    expect(rows.every((r) => r.agency_id === null && r.created_by === TYPICAL_CALENDAR_LABEL)).toBe(true);
    const y2568 = rows.filter((r) => r.fiscal_year === 2568);
    expect(y2568.map((r) => [r.due_on, r.kind])).toEqual([
      ["2024-10-30", "duty"],
      ["2025-02-28", "ita"],
      ["2025-04-30", "ita"],
      ["2025-04-30", "duty"],
      ["2025-05-31", "ita"],
      ["2025-06-10", "ita"],
      ["2025-06-30", "ita"],
      ["2025-08-15", "ita"],
    ]);
    expect(rows.filter((r) => r.fiscal_year === 2569).map((r) => r.due_on)).toContain("2026-08-15");
    expect(rows.some((r) => r.title.includes("รอบ ๖ เดือน"))).toBe(true);

    const srisongrak = await scopeOf("SEED000");
    const items = await dueItemsAcrossAgencies(h.db, { from: "2025-06-01", to: "2025-06-30" });
    const theirs = items.filter((i) => i.agencyId === srisongrak.agencyId);
    expect(theirs.some((i) => i.key.startsWith("milestone:") && i.dueOn === "2025-06-10")).toBe(true);
    expect(theirs.filter((i) => i.key.startsWith("step:")).map((i) => i.dueOn)).toEqual([
      "2025-06-15",
      "2025-06-20",
      "2025-06-30",
      "2025-06-30",
      "2025-06-30",
    ]);
  });

  it("does not duplicate anything when loaded again", async () => {
    const count = async () => ({
      measures: (await h.db.selectFrom("measures").select("id").execute()).length,
      steps: (await h.db.selectFrom("measure_steps").select("id").execute()).length,
      milestones: (await h.db.selectFrom("milestones").select("id").execute()).length,
    });
    const before = await count();
    expect(before.measures).toBe(DEMO_MEASURES.reduce((n, p) => n + p.measures.length, 0));
    expect(await loadDemoMeasures(h.db)).toEqual({ measures: 0, milestones: 0 });
    expect(await count()).toEqual(before);
  });
});
