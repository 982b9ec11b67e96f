import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typicalCalendar } from "../../../core/calendar/typical.ts";
import { daysBetween } from "../../../core/thai/date.ts";
import type { DbHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../db/demo/load.ts";
import { liveDate, loadDemoMeasures } from "../../../db/demo/measures.ts";
import { DEMO_MEASURES, LIVE_AS_OF } from "../../../db/demo/seed-measures.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { dueItemsAcrossAgencies } from "../../../db/repositories/due-items.ts";
import { listMeasures } from "../../../db/repositories/measures.ts";
import { TYPICAL_CALENDAR_LABEL } from "../../../db/repositories/milestones.ts";
import { systemScope } from "../../../db/scope.ts";
import { DEMO_NOW } from "../../fixtures/frameworks.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe("liveDate", () => {
  const plan = [
    "2024-11-30",
    "2024-12-31",
    "2025-02-28",
    "2025-05-15",
    "2025-06-04",
    "2025-06-30",
    "2025-09-30",
  ];

  it("keeps the near dates' distance from today and the far ones in order within the fiscal year", () => {
    for (const today of ["2026-11-25", "2027-03-15", "2027-09-10"]) {
      const moved = plan.map((d) => liveDate(d, today));
      expect([...moved].sort()).toEqual(moved);
      expect(daysBetween(liveDate("2025-05-15", today), today)).toBe(17);
      expect(daysBetween(today, liveDate("2025-06-04", today))).toBe(3);
      expect(liveDate(LIVE_AS_OF, today)).toBe(today);
    }
    // In the middle of a year everything stays inside it.
    const march = plan.map((d) => liveDate(d, "2027-03-15"));
    expect(march.every((d) => d >= "2026-10-01" && d <= "2027-09-30")).toBe(true);
  });
});

describe.each(DIALECTS)("demo measures on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    await loadDemoData(h.db, { now: DEMO_NOW });
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

  it("lives seed 000's plan in today's fiscal year with mixed progress, owned by the agency's demo member", async () => {
    const scope = await scopeOf("SEED000");
    expect(await listMeasures(h.db, scope, { fiscalYear: 2568 })).toEqual([]);
    const measures = await listMeasures(h.db, scope, { fiscalYear: 2570 });
    expect(measures).toHaveLength(7);
    expect(measures[0]!.periodText).toBe("๑ ตุลาคม ๒๕๖๙ – ๓๐ กันยายน ๒๕๗๐");
    expect(measures[0]!.periodStart).toBe("2026-10-01");
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
    }
    // Today is 25 Nov 2026: one step overdue by days, not years; one due this week.
    const steps = measures.flatMap((m) => m.steps);
    const open = steps.filter((s) => s.status !== "done");
    const overdue = open.filter((s) => s.dueOn! < "2026-11-25");
    expect(overdue.map((s) => daysBetween(s.dueOn!, "2026-11-25"))).toEqual([17]);
    expect(open.some((s) => s.dueOn === "2026-11-28")).toBe(true);
    expect(steps.every((s) => s.status !== "done" || s.doneOn! <= "2026-11-25")).toBe(true);
    const late = await listMeasures(h.db, scope, { overdueOn: "2026-11-25" });
    expect(late.map((m) => m.title)).toEqual(["ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ"]);
    const mine = await listMeasures(h.db, scope, { ownerMemberId: measures[0]!.owners[0]!.memberId });
    expect(mine).toHaveLength(7);
  });

  it("loads the usual national calendar of this fiscal year and the next, provisional and keyed", async () => {
    const rows = await h.db.selectFrom("milestones").selectAll().orderBy("due_on").orderBy("key").execute();
    const expected = [...typicalCalendar(2570), ...typicalCalendar(2571)];
    expect(rows).toHaveLength(expected.length);
    expect(
      rows.every((r) => r.agency_id === null && r.created_by === TYPICAL_CALENDAR_LABEL && r.provisional),
    ).toBe(true);
    const y2570 = rows.filter((r) => r.fiscal_year === 2570);
    expect(y2570.map((r) => [r.key, r.due_on, r.kind])).toEqual([
      ["annual-report", "2026-10-30", "duty"],
      ["registration", "2027-02-28", "ita"],
      ["oit-submission", "2027-04-30", "ita"],
      ["six-month-report", "2027-04-30", "duty"],
      ["oit-scoring", "2027-05-31", "ita"],
      ["clarification", "2027-06-10", "ita"],
      ["confirmation", "2027-06-30", "ita"],
      ["survey", "2027-06-30", "ita"],
      ["results", "2027-08-15", "ita"],
    ]);
    expect(y2570.find((r) => r.key === "oit-submission")!.starts_on).toBe("2027-03-01");

    const srisongrak = await scopeOf("SEED000");
    const items = await dueItemsAcrossAgencies(h.db, { from: "2027-05-01", to: "2027-08-31" });
    const theirs = items.filter((i) => i.agencyId === srisongrak.agencyId && i.key.startsWith("milestone:"));
    // The NACC's own scoring weeks, the survey window and the announcement remind nobody.
    expect(theirs.map((i) => i.dueOn)).toEqual(["2027-06-10", "2027-06-30"]);
  });

  it("does not duplicate anything when loaded again", async () => {
    const count = async () => ({
      measures: (await h.db.selectFrom("measures").select("id").execute()).length,
      steps: (await h.db.selectFrom("measure_steps").select("id").execute()).length,
      milestones: (await h.db.selectFrom("milestones").select("id").execute()).length,
    });
    const before = await count();
    expect(before.measures).toBe(DEMO_MEASURES.reduce((n, p) => n + p.measures.length, 0));
    expect(await loadDemoMeasures(h.db, DEMO_NOW)).toEqual({ measures: 0, milestones: 0 });
    expect(await count()).toEqual(before);
  });

  it("adds the next fiscal year's live plan and calendar when loaded in that year", async () => {
    const outcome = await loadDemoMeasures(h.db, new Date("2027-10-20T03:00:00Z"));
    expect(outcome).toEqual({ measures: 7, milestones: 9 });
    const next = await listMeasures(h.db, await scopeOf("SEED000"), { fiscalYear: 2571 });
    expect(next).toHaveLength(7);
    expect(next[0]!.periodText).toBe("๑ ตุลาคม ๒๕๗๐ – ๓๐ กันยายน ๒๕๗๑");
  });
});
