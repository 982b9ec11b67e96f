import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../db/errors.ts";
import { getStep, updateStep } from "../../../db/repositories/measure-steps.ts";
import {
  createMeasure,
  getMeasure,
  listMeasures,
  recomputeMeasure,
  updateMeasure,
} from "../../../db/repositories/measures.ts";
import { type Actor, type AgencyScope, systemScope } from "../../../db/scope.ts";
import { DIALECTS } from "../harness.ts";
import { type MeasuresFixture, openMeasuresDb } from "./measures-fixture.ts";

describe.each(DIALECTS)("measures repository on %s", (dialect) => {
  let h: DbHandle;
  let agencyA: number;
  let editor: AgencyScope;
  let viewer: AgencyScope;
  let other: AgencyScope;
  let m: MeasuresFixture["m"];
  const actor: Actor = { label: "member:editor" };

  const auditRows = (action?: string) => {
    let q = h.db.selectFrom("audit_log").selectAll().orderBy("id");
    if (action) q = q.where("action", "=", action);
    return q.execute();
  };
  const tableRows = async (table: "measures" | "measure_steps" | "measure_owners" | "step_owners") =>
    (await h.db.selectFrom(table).selectAll().execute()).length;

  beforeAll(async () => {
    ({ h, m, agencyA, editor, viewer, other } = await openMeasuresDb(dialect));
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
});
