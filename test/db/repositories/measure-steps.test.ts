import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Step } from "../../../core/measures/measure.ts";
import type { DbHandle } from "../../../db/client.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../db/errors.ts";
import { NotMembersError } from "../../../db/repositories/measure-owners.ts";
import { addStep, deleteStep, StepInUseError, updateStep } from "../../../db/repositories/measure-steps.ts";
import { createMeasure, getMeasure, recomputeMeasure } from "../../../db/repositories/measures.ts";
import type { Actor, AgencyScope } from "../../../db/scope.ts";
import { DIALECTS } from "../harness.ts";
import { type MeasuresFixture, openMeasuresDb } from "./measures-fixture.ts";

describe.each(DIALECTS)("measure steps repository on %s", (dialect) => {
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

  beforeAll(async () => {
    ({ h, m, agencyA, editor, viewer, other } = await openMeasuresDb(dialect));
  });
  afterAll(async () => {
    await h.close();
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
