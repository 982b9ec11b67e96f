import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { ValidationError } from "../../../db/errors.ts";
import { dueItemsAcrossAgencies } from "../../../db/repositories/due-items.ts";
import { updateStep } from "../../../db/repositories/measure-steps.ts";
import { createMeasure } from "../../../db/repositories/measures.ts";
import type { Actor, AgencyScope } from "../../../db/scope.ts";
import { DIALECTS } from "../harness.ts";
import { type MeasuresFixture, openMeasuresDb } from "./measures-fixture.ts";

describe.each(DIALECTS)("due items across agencies on %s", (dialect) => {
  let h: DbHandle;
  let agencyA: number;
  let agencyB: number;
  let editor: AgencyScope;
  let other: AgencyScope;
  let m: MeasuresFixture["m"];
  const actor: Actor = { label: "member:editor" };

  beforeAll(async () => {
    ({ h, m, agencyA, agencyB, editor, other } = await openMeasuresDb(dialect));
  });
  afterAll(async () => {
    await h.close();
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
});
