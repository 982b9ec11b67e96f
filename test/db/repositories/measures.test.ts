import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Step } from "../../../core/measures/measure.ts";
import type { DbHandle } from "../../../db/client.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../db/errors.ts";
import {
  addStep,
  createMeasure,
  deleteStep,
  dueItemsAcrossAgencies,
  getMeasure,
  getStep,
  listMeasures,
  NotMembersError,
  recomputeMeasure,
  StepInUseError,
  updateMeasure,
  updateStep,
} from "../../../db/repositories/measures.ts";
import type { Database } from "../../../db/schema.ts";
import { type Actor, type AgencyScope, systemScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("measures repository on %s", (dialect) => {
  let h: DbHandle;
  let agencyA: number;
  let agencyB: number;
  const m = { adminA: 0, editorA: 0, viewerA: 0, goneA: 0, adminA2: 0, adminB: 0 };
  let editor: AgencyScope;
  let viewer: AgencyScope;
  let other: AgencyScope;
  const actor: Actor = { label: "member:editor" };

  const auditRows = (action?: string) => {
    let q = h.db.selectFrom("audit_log").selectAll().orderBy("id");
    if (action) q = q.where("action", "=", action);
    return q.execute();
  };
  const tableRows = async (table: "measures" | "measure_steps" | "measure_owners" | "step_owners") =>
    (await h.db.selectFrom(table).selectAll().execute()).length;

  beforeAll(async () => {
    h = await openTestDb(dialect);
    const agency = async (code: string, name: string) =>
      (
        await h.db
          .insertInto("agencies")
          .values({ code, name_th: name, agency_type: "เทศบาลตำบล", province: "เลย", district: "ด่านซ้าย" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    agencyA = await agency("MEAS-A", "เทศบาลตำบลทดสอบเอ");
    agencyB = await agency("MEAS-B", "เทศบาลตำบลทดสอบบี");
    const member = async (
      agencyId: number,
      n: number,
      name: string,
      role: Database["members"]["role"],
      active = true,
    ) =>
      (
        await h.db
          .insertInto("members")
          .values({ agency_id: agencyId, line_user_id: `Umeas${n}`, display_name: name, role, active })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    m.adminA = await member(agencyA, 1, "สมชาย", "admin");
    m.editorA = await member(agencyA, 2, "วิไล", "editor");
    m.viewerA = await member(agencyA, 3, "สมหญิง", "viewer");
    m.goneA = await member(agencyA, 4, "ผู้ที่ออกไปแล้ว", "editor", false);
    m.adminA2 = await member(agencyA, 5, "มานะ", "admin");
    m.adminB = await member(agencyB, 6, "ปรีชา", "admin");
    editor = { agencyId: agencyA, role: "editor", memberId: m.editorA };
    viewer = { agencyId: agencyA, role: "viewer", memberId: m.viewerA };
    other = { agencyId: agencyB, role: "admin", memberId: m.adminB };
  });
  afterAll(async () => {
    await h.close();
  });

  it("creates a measure with its steps and owners, reads it back, and audits the creation", async () => {
    const created = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2568,
      title: "การสร้างความเข้าใจในการใช้ทรัพย์สินของราชการ",
      indicators: [4],
      items: ["i10", "i12"],
      responsibleUnit: "สำนักปลัด",
      periodText: "มีนาคม ๒๕๖๘",
      periodStart: "2025-03-01",
      periodEnd: "2025-03-31",
      ownerIds: [m.adminA],
      steps: [
        { title: "ชี้แจงแนวทางการยืมทรัพย์สิน", dueOn: "2025-03-15", ownerIds: [m.editorA] },
        { title: "จัดทำคู่มือ", dueOn: "2025-03-31" },
      ],
    });
    expect(created).toMatchObject({
      agencyId: agencyA,
      fiscalYear: 2568,
      seq: 1,
      title: "การสร้างความเข้าใจในการใช้ทรัพย์สินของราชการ",
      indicators: [4],
      items: ["i10", "i12"],
      periodStart: "2025-03-01",
      periodEnd: "2025-03-31",
      followUp: "monthly",
      status: "not_started",
      progress: 0,
      owners: [{ memberId: m.adminA, displayName: "สมชาย" }],
    });
    expect(created.steps).toMatchObject([
      {
        seq: 1,
        title: "ชี้แจงแนวทางการยืมทรัพย์สิน",
        dueOn: "2025-03-15",
        status: "not_started",
        doneOn: null,
        snoozedUntil: null,
        owners: [{ memberId: m.editorA, displayName: "วิไล" }],
      },
      { seq: 2, title: "จัดทำคู่มือ", dueOn: "2025-03-31", owners: [] },
    ]);
    expect(await getMeasure(h.db, editor, created.id)).toEqual(created);
    // A viewer may read.
    expect(await getMeasure(h.db, viewer, created.id)).toEqual(created);

    const [audit] = await auditRows("measure.create");
    expect(audit).toMatchObject({
      agency_id: agencyA,
      member_id: null,
      actor: "member:editor",
      entity: "measure",
      entity_id: String(created.id),
      before: null,
    });
    expect(audit!.after).toMatchObject({
      title: "การสร้างความเข้าใจในการใช้ทรัพย์สินของราชการ",
      fiscalYear: 2568,
      ownerIds: [m.adminA],
      steps: [
        {
          id: created.steps[0]!.id,
          title: "ชี้แจงแนวทางการยืมทรัพย์สิน",
          dueOn: "2025-03-15",
          ownerIds: [m.editorA],
        },
        { id: created.steps[1]!.id, title: "จัดทำคู่มือ", dueOn: "2025-03-31" },
      ],
    });

    // The next measure of the year is numbered after it; a year without a row is created.
    const second = await createMeasure(h.db, editor, actor, { fiscalYear: 2568, title: "มาตรการที่สอง" });
    expect(second.seq).toBe(2);
    const later = await createMeasure(h.db, editor, actor, { fiscalYear: 2572, title: "มาตรการปีหน้า" });
    expect(later).toMatchObject({ fiscalYear: 2572, seq: 1, steps: [], owners: [] });
  });

  it("refuses owners from another agency, inactive members and bad dates", async () => {
    await expect(
      createMeasure(h.db, editor, actor, { fiscalYear: 2568, title: "x", ownerIds: [m.adminB] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createMeasure(h.db, editor, actor, { fiscalYear: 2568, title: "x", ownerIds: [m.goneA] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createMeasure(h.db, editor, actor, {
        fiscalYear: 2568,
        title: "x",
        steps: [{ title: "y", dueOn: "2025-02-30" }],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await listMeasures(h.db, editor, { fiscalYear: 2568 })).map((x) => x.title)).not.toContain("x");
  });

  it("updates a measure and audits only the fields that changed", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2568,
      title: "ปรับปรุงระบบการทำงาน",
      method: "ทบทวนขั้นตอน",
      ownerIds: [m.adminA],
    });
    const updated = await updateMeasure(h.db, editor, actor, measure.id, {
      title: "ปรับปรุงระบบการทำงานและการสื่อสาร",
      method: "ทบทวนขั้นตอน", // unchanged: not in the audit row
      status: "done",
      resultSummary: "ทบทวนแล้วทุกส่วนราชการ",
      ownerIds: [m.editorA, m.adminA],
    });
    expect(updated).toMatchObject({
      title: "ปรับปรุงระบบการทำงานและการสื่อสาร",
      status: "done",
      progress: 100,
      resultSummary: "ทบทวนแล้วทุกส่วนราชการ",
      owners: [
        { memberId: m.adminA, displayName: "สมชาย" },
        { memberId: m.editorA, displayName: "วิไล" },
      ],
    });
    const rows = (await auditRows("measure.update")).filter((r) => r.entity_id === String(measure.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before).toEqual({
      title: "ปรับปรุงระบบการทำงาน",
      status: "not_started",
      progress: 0,
      resultSummary: "",
      ownerIds: [m.adminA],
    });
    expect(rows[0]!.after).toEqual({
      title: "ปรับปรุงระบบการทำงานและการสื่อสาร",
      status: "done",
      progress: 100,
      resultSummary: "ทบทวนแล้วทุกส่วนราชการ",
      ownerIds: [m.adminA, m.editorA],
    });
    // Nothing changes: no write, no audit row.
    const before = (await auditRows()).length;
    await updateMeasure(h.db, editor, actor, measure.id, { title: "ปรับปรุงระบบการทำงานและการสื่อสาร" });
    expect((await auditRows()).length).toBe(before);
  });

  it("updates a step: done sets progress 100 and the done date; leaving done clears it", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2568,
      title: "มาตรการขั้นตอน",
      steps: [
        { title: "ขั้นที่หนึ่ง", dueOn: "2025-04-30" },
        { title: "ขั้นที่สอง", dueOn: "2025-05-31" },
      ],
    });
    const [one, two] = measure.steps;
    await expect(updateStep(h.db, editor, actor, one!.id, { status: "done" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const done = await updateStep(h.db, editor, actor, one!.id, {
      status: "done",
      note: "ประชุมแล้ว",
      today: "2025-04-20",
    });
    expect(done).toMatchObject({ status: "done", progress: 100, doneOn: "2025-04-20", note: "ประชุมแล้ว" });
    const rows = (await auditRows("step.update")).filter((r) => r.entity_id === String(one!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agency_id: agencyA, entity: "step", actor: "member:editor" });
    expect(rows[0]!.before).toEqual({ status: "not_started", progress: 0, note: "", doneOn: null });
    expect(rows[0]!.after).toEqual({ status: "done", progress: 100, note: "ประชุมแล้ว", doneOn: "2025-04-20" });

    const reopened = await updateStep(h.db, editor, actor, one!.id, { status: "in_progress", progress: 80 });
    expect(reopened).toMatchObject({ status: "in_progress", progress: 80, doneOn: null });

    const snoozed = await updateStep(h.db, editor, actor, two!.id, {
      snoozedUntil: "2025-05-30",
      dueOn: "2025-06-15",
      evidenceUrl: "https://example.go.th/o36",
      ownerIds: [m.adminA2],
    });
    expect(snoozed).toMatchObject({
      snoozedUntil: "2025-05-30",
      dueOn: "2025-06-15",
      evidenceUrl: "https://example.go.th/o36",
      owners: [{ memberId: m.adminA2, displayName: "มานะ" }],
    });
    const snoozeRow = (await auditRows("step.update")).filter((r) => r.entity_id === String(two!.id));
    expect(snoozeRow[0]!.before).toEqual({
      snoozedUntil: null,
      dueOn: "2025-05-31",
      evidenceUrl: null,
      ownerIds: [],
    });

    // The measure follows its steps only when asked.
    expect((await getMeasure(h.db, editor, measure.id))!.status).toBe("not_started");
    await updateStep(
      h.db,
      editor,
      actor,
      two!.id,
      { status: "done", doneOn: "2025-06-01" },
      { recomputeMeasure: true },
    );
    expect(await getMeasure(h.db, editor, measure.id)).toMatchObject({ status: "in_progress", progress: 90 });
    await updateStep(h.db, editor, actor, one!.id, { status: "done", today: "2025-06-02" });
    expect(await recomputeMeasure(h.db, editor, actor, measure.id)).toMatchObject({
      status: "done",
      progress: 100,
    });
    const recomputed = (await auditRows("measure.recompute")).filter(
      (r) => r.entity_id === String(measure.id),
    );
    expect(recomputed.map((r) => r.after)).toEqual([
      { status: "in_progress", progress: 90 },
      { status: "done", progress: 100 },
    ]);
  });

  it("lets a viewer read but not write", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2568,
      title: "มาตรการที่ผู้ดูอ่านได้",
      steps: [{ title: "ขั้นตอน", dueOn: "2025-05-01" }],
    });
    const audits = (await auditRows()).length;
    const steps = await tableRows("measure_steps");
    await expect(
      createMeasure(h.db, viewer, { label: "member:viewer" }, { fiscalYear: 2568, title: "ไม่ได้" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateMeasure(h.db, viewer, actor, measure.id, { title: "ไม่ได้" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      updateStep(h.db, viewer, actor, measure.steps[0]!.id, { status: "done", today: "2025-05-01" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recomputeMeasure(h.db, viewer, actor, measure.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getMeasure(h.db, viewer, measure.id)).toEqual(measure);
    expect((await auditRows()).length).toBe(audits);
    expect(await tableRows("measure_steps")).toBe(steps);
  });

  it("does not find, and never changes, another agency's measure or step", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2568,
      title: "มาตรการของเอ",
      steps: [{ title: "ขั้นตอนของเอ", dueOn: "2025-05-01" }],
    });
    const step = measure.steps[0]!;
    const audits = (await auditRows()).length;
    const err = await updateStep(h.db, other, { label: "member:b" }, step.id, {
      status: "done",
      today: "2025-05-01",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ entity: "step", id: step.id });
    await expect(updateMeasure(h.db, other, actor, measure.id, { title: "ของบี" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(recomputeMeasure(h.db, other, actor, measure.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getMeasure(h.db, other, measure.id)).toBeUndefined();
    expect(await getStep(h.db, other, step.id)).toBeUndefined();
    expect(await listMeasures(h.db, other)).toEqual([]);
    expect(await getMeasure(h.db, editor, measure.id)).toEqual(measure);
    expect((await auditRows()).length).toBe(audits);
    // The system scope of agency A may write it.
    await updateStep(h.db, systemScope(agencyA), { label: "cli" }, step.id, { progress: 10 });
    expect((await getStep(h.db, editor, step.id))!.progress).toBe(10);
  });

  it("filters by year, status, owner (measure or step), overdue and indicator", async () => {
    const year = 2571;
    const mine = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "ของฉัน (เจ้าของมาตรการ)",
      indicators: [4, 9],
      ownerIds: [m.editorA],
      steps: [{ title: "ยังไม่ถึงกำหนด", dueOn: "2028-06-30" }],
    });
    const mineByStep = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "ของฉัน (เจ้าของขั้นตอน)",
      ownerIds: [m.adminA],
      steps: [
        { title: "เลยกำหนด", dueOn: "2028-05-15", status: "in_progress", progress: 20 },
        { title: "อีกขั้น", dueOn: "2028-07-01", ownerIds: [m.editorA] },
      ],
    });
    const notMine = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "ไม่ใช่ของฉัน",
      ownerIds: [m.adminA],
      steps: [
        { title: "เสร็จแล้ว", dueOn: "2028-05-01", status: "done", doneOn: "2028-04-30" },
        { title: "ยกเลิก", dueOn: "2028-05-02", status: "cancelled" },
      ],
    });
    const closed = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "ยกเลิกทั้งมาตรการ",
      status: "cancelled",
      steps: [{ title: "ค้างแต่ยกเลิก", dueOn: "2028-01-01" }],
    });
    const titles = (ms: { title: string }[]) => ms.map((x) => x.title);
    expect(titles(await listMeasures(h.db, editor, { fiscalYear: year }))).toEqual([
      mine.title,
      mineByStep.title,
      notMine.title,
      closed.title,
    ]);
    expect(titles(await listMeasures(h.db, editor, { fiscalYear: year, ownerMemberId: m.editorA }))).toEqual([
      mine.title,
      mineByStep.title,
    ]);
    expect(titles(await listMeasures(h.db, editor, { fiscalYear: year, overdueOn: "2028-06-01" }))).toEqual([
      mineByStep.title,
    ]);
    expect(titles(await listMeasures(h.db, editor, { fiscalYear: year, overdueOn: "2028-05-15" }))).toEqual(
      [],
    );
    expect(titles(await listMeasures(h.db, editor, { fiscalYear: year, status: "cancelled" }))).toEqual([
      closed.title,
    ]);
    expect(titles(await listMeasures(h.db, editor, { fiscalYear: year, indicator: 9 }))).toEqual([
      mine.title,
    ]);
    expect(titles(await listMeasures(h.db, editor, { fiscalYear: year, indicator: 5 }))).toEqual([]);
    expect(
      titles(
        await listMeasures(h.db, editor, {
          fiscalYear: year,
          ownerMemberId: m.editorA,
          overdueOn: "2028-06-01",
          status: "not_started",
        }),
      ),
    ).toEqual([mineByStep.title]);
    // Newest year first across years.
    const all = await listMeasures(h.db, editor);
    expect(all[0]!.fiscalYear).toBe(2572);
    expect(all.every((x) => x.agencyId === agencyA)).toBe(true);
  });

  it("lists what is due across agencies with owners falling back to the measure's, then the admins", async () => {
    // Dates far from the other tests' so only these are in range.
    const year = 2574;
    const withStepOwner = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการ ก",
      ownerIds: [m.adminA],
      steps: [
        { title: "เจ้าของขั้นตอน", dueOn: "2031-01-10", ownerIds: [m.editorA] },
        { title: "ใช้เจ้าของมาตรการ", dueOn: "2031-01-11" },
        { title: "เสร็จแล้ว", dueOn: "2031-01-12", status: "done", doneOn: "2031-01-05" },
        { title: "ยกเลิก", dueOn: "2031-01-12", status: "cancelled" },
        { title: "นอกช่วง", dueOn: "2031-03-01" },
      ],
    });
    const noOwners = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการ ข",
      steps: [{ title: "ไม่มีเจ้าของ", dueOn: "2031-01-13" }],
    });
    const closed = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการที่ยกเลิก",
      status: "cancelled",
      steps: [{ title: "ไม่เตือน", dueOn: "2031-01-13" }],
    });
    // A step owned only by a member who left falls back to the measure's owners.
    const leftOwner = await createMeasure(h.db, editor, actor, {
      fiscalYear: year,
      title: "มาตรการ ค",
      ownerIds: [m.editorA],
      steps: [{ title: "เจ้าของออกไปแล้ว", dueOn: "2031-01-14" }],
    });
    await h.db
      .insertInto("step_owners")
      .values({ step_id: leftOwner.steps[0]!.id, member_id: m.goneA, agency_id: agencyA })
      .execute();
    const stepB = await createMeasure(
      h.db,
      other,
      { label: "member:b" },
      {
        fiscalYear: year,
        title: "มาตรการของบี",
        steps: [{ title: "ขั้นตอนของบี", dueOn: "2031-01-10" }],
      },
    );
    await updateStep(h.db, editor, actor, noOwners.steps[0]!.id, { snoozedUntil: "2031-01-12" });

    const milestone = async (agencyId: number | null, title: string, dueOn: string) =>
      (
        await h.db
          .insertInto("milestones")
          .values({
            agency_id: agencyId,
            fiscal_year: year,
            title,
            due_on: dueOn,
            kind: "ita",
            created_by: "test",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const national = await milestone(null, "ประกาศผล ITA", "2031-01-15");
    const own = await milestone(agencyB, "ประชุมของบี", "2031-01-09");
    await milestone(null, "นอกช่วง", "2031-02-01");

    const items = await dueItemsAcrossAgencies(h.db, { from: "2031-01-09", to: "2031-01-31" });
    expect(items).toEqual([
      {
        key: `milestone:${own}`,
        agencyId: agencyB,
        title: "ประชุมของบี",
        dueOn: "2031-01-09",
        status: "not_started",
        ownerIds: [m.adminB],
        remindWhenLate: false,
      },
      {
        key: `step:${withStepOwner.steps[0]!.id}`,
        agencyId: agencyA,
        title: "เจ้าของขั้นตอน",
        measureTitle: "มาตรการ ก",
        dueOn: "2031-01-10",
        status: "not_started",
        ownerIds: [m.editorA],
      },
      {
        key: `step:${stepB.steps[0]!.id}`,
        agencyId: agencyB,
        title: "ขั้นตอนของบี",
        measureTitle: "มาตรการของบี",
        dueOn: "2031-01-10",
        status: "not_started",
        ownerIds: [m.adminB],
      },
      {
        key: `step:${withStepOwner.steps[1]!.id}`,
        agencyId: agencyA,
        title: "ใช้เจ้าของมาตรการ",
        measureTitle: "มาตรการ ก",
        dueOn: "2031-01-11",
        status: "not_started",
        ownerIds: [m.adminA],
      },
      {
        key: `step:${noOwners.steps[0]!.id}`,
        agencyId: agencyA,
        title: "ไม่มีเจ้าของ",
        measureTitle: "มาตรการ ข",
        dueOn: "2031-01-13",
        status: "not_started",
        ownerIds: [m.adminA, m.adminA2],
        snoozedUntil: "2031-01-12",
      },
      {
        key: `step:${leftOwner.steps[0]!.id}`,
        agencyId: agencyA,
        title: "เจ้าของออกไปแล้ว",
        measureTitle: "มาตรการ ค",
        dueOn: "2031-01-14",
        status: "not_started",
        ownerIds: [m.editorA],
      },
      {
        key: `milestone:${national}`,
        agencyId: agencyA,
        title: "ประกาศผล ITA",
        dueOn: "2031-01-15",
        status: "not_started",
        ownerIds: [m.adminA, m.adminA2],
        remindWhenLate: false,
      },
      {
        key: `milestone:${national}`,
        agencyId: agencyB,
        title: "ประกาศผล ITA",
        dueOn: "2031-01-15",
        status: "not_started",
        ownerIds: [m.adminB],
        remindWhenLate: false,
      },
    ]);
    expect(items.some((i) => i.title === closed.steps[0]!.title)).toBe(false);
    expect(await dueItemsAcrossAgencies(h.db, { from: "2031-01-16", to: "2031-01-31" })).toEqual([]);
    await expect(
      dueItemsAcrossAgencies(h.db, { from: "2031-13-01", to: "2031-01-31" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("adds a step after the last, renames it, and deletes an unstarted one, renumbering the rest, all audited", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2571,
      title: "มาตรการที่วางแผนใหม่",
      steps: [{ title: "หนึ่ง" }, { title: "สอง" }],
    });
    const added = await addStep(h.db, editor, actor, measure.id, {
      title: "สาม",
      dueOn: "2028-01-31",
      ownerIds: [m.editorA],
    });
    expect(added).toMatchObject({
      seq: 3,
      title: "สาม",
      status: "not_started",
      owners: [{ memberId: m.editorA }],
    });
    const renamed = await updateStep(h.db, editor, actor, added.id, { title: "สาม (แก้ไข)", ownerIds: [] });
    expect(renamed).toMatchObject({ title: "สาม (แก้ไข)", owners: [] });
    const [update] = (await auditRows("step.update")).filter((r) => r.entity_id === String(added.id));
    expect(update).toMatchObject({
      before: { title: "สาม", ownerIds: [m.editorA] },
      after: { title: "สาม (แก้ไข)", ownerIds: [] },
    });

    await deleteStep(h.db, editor, actor, measure.steps[0]!.id);
    const after = await getMeasure(h.db, editor, measure.id);
    expect(after!.steps.map((s) => [s.seq, s.title])).toEqual([
      [1, "สอง"],
      [2, "สาม (แก้ไข)"],
    ]);
    const [created] = (await auditRows("step.create")).filter((r) => r.entity_id === String(added.id));
    expect(created!.after).toMatchObject({ measureId: measure.id, seq: 3, title: "สาม" });
    const [deleted] = await auditRows("step.delete");
    expect(deleted).toMatchObject({
      entity_id: String(measure.steps[0]!.id),
      before: { seq: 1, title: "หนึ่ง" },
    });
  });

  it("refuses to add or delete steps for a viewer, another agency, outsiders as owners, or a step with work", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2571,
      title: "มาตรการที่มีงานบันทึกแล้ว",
      steps: [{ title: "ทำแล้ว", status: "in_progress", progress: 30 }, { title: "ยังไม่ทำ" }],
    });
    const [worked, fresh] = measure.steps as [Step, Step];
    const audits = (await auditRows()).length;
    await expect(addStep(h.db, viewer, actor, measure.id, { title: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(deleteStep(h.db, viewer, actor, fresh.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addStep(h.db, other, actor, measure.id, { title: "x" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteStep(h.db, other, actor, fresh.id)).rejects.toBeInstanceOf(NotFoundError);
    const outsider = await addStep(h.db, editor, actor, measure.id, {
      title: "x",
      ownerIds: [m.adminB],
    }).catch((e: unknown) => e);
    expect(outsider).toBeInstanceOf(NotMembersError);
    expect(outsider).toMatchObject({ missing: [m.adminB] });
    await expect(deleteStep(h.db, editor, actor, worked.id)).rejects.toBeInstanceOf(StepInUseError);
    expect((await getMeasure(h.db, editor, measure.id))!.steps).toEqual(measure.steps);
    expect((await auditRows()).length).toBe(audits);
  });
});
