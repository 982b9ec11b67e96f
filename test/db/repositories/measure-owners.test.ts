import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { dueItemsAcrossAgencies } from "../../../db/repositories/due-items.ts";
import { effectiveStepOwners } from "../../../db/repositories/measure-owners.ts";
import { createMeasure } from "../../../db/repositories/measures.ts";
import type { Actor, AgencyScope } from "../../../db/scope.ts";
import { DIALECTS } from "../harness.ts";
import { type MeasuresFixture, openMeasuresDb } from "./measures-fixture.ts";

describe.each(DIALECTS)("who answers for a step on %s", (dialect) => {
  let h: DbHandle;
  let m: MeasuresFixture["m"];
  let agencyA: number;
  let agencyB: number;
  let editor: AgencyScope;
  let other: AgencyScope;
  const actor: Actor = { label: "member:editor" };

  beforeAll(async () => {
    ({ h, m, agencyA, agencyB, editor, other } = await openMeasuresDb(dialect));
  });
  afterAll(async () => {
    await h.close();
  });

  it("takes the step's owners, else the measure's, else the admins, counting only active members", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2568,
      title: "มาตรการที่มีเจ้าของ",
      ownerIds: [m.adminA],
      steps: [{ title: "ของวิไล", ownerIds: [m.editorA] }, { title: "ของมาตรการ" }, { title: "คนทำออกไปแล้ว" }],
    });
    const [own, measures, left] = measure.steps.map((s) => s.id) as [number, number, number];
    await h.db
      .insertInto("step_owners")
      .values({ step_id: left, member_id: m.goneA, agency_id: agencyA })
      .execute();
    const nobody = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2568,
      title: "มาตรการที่ไม่มีเจ้าของ",
      steps: [{ title: "ไม่มีใคร" }],
    });
    expect(await effectiveStepOwners(h.db, editor, own)).toEqual([m.editorA]);
    expect(await effectiveStepOwners(h.db, editor, measures)).toEqual([m.adminA]);
    expect(await effectiveStepOwners(h.db, editor, left)).toEqual([m.adminA]);
    expect(await effectiveStepOwners(h.db, editor, nobody.steps[0]!.id)).toEqual([m.adminA, m.adminA2]);
  });

  it("never answers with members of another agency, nor for another agency's step", async () => {
    const measure = await createMeasure(h.db, editor, actor, {
      fiscalYear: 2575,
      title: "มาตรการที่มีแถวเจ้าของผิดหน่วยงาน",
      steps: [{ title: "เจ้าของจากที่อื่น", dueOn: "2032-01-10" }],
    });
    const step = measure.steps[0]!;
    // Rows the repository would refuse, written directly: B's admin, labelled A's and labelled B's.
    await h.db
      .insertInto("step_owners")
      .values({ step_id: step.id, member_id: m.adminB, agency_id: agencyA })
      .execute();
    await h.db
      .insertInto("measure_owners")
      .values({ measure_id: measure.id, member_id: m.adminB, agency_id: agencyB })
      .execute();

    const owners = await effectiveStepOwners(h.db, editor, step.id);
    expect(owners).toEqual([m.adminA, m.adminA2]);
    expect(owners).not.toContain(m.adminB);
    expect(await effectiveStepOwners(h.db, other, step.id)).toBeUndefined();
    const [due] = await dueItemsAcrossAgencies(h.db, { from: "2032-01-10", to: "2032-01-10" });
    expect(due).toMatchObject({ key: `step:${step.id}`, agencyId: agencyA, ownerIds: [m.adminA, m.adminA2] });
  });
});
