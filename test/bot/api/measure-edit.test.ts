import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import type { Measure, Step } from "../../../core/measures/measure.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  NEWCOMER,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { apiCaller, apiFor, demoAgencyIds } from "./harness.ts";

interface Answer {
  error: string;
  fields: Record<string, string>;
  measure: Measure;
  measures: Measure[];
  step: Step;
}

describe("LIFF API: creating and editing measures and step plans", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  let laeng: number;
  let demo: number;
  let sriAdmin: number;
  let colleague: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri, laeng, demo } = await demoAgencyIds(w));
    sriAdmin = (
      await w.db.selectFrom("members").select("id").where("line_user_id", "=", SRI).executeTakeFirstOrThrow()
    ).id;
    colleague = (
      await w.db
        .insertInto("members")
        .values({ agency_id: sri, line_user_id: `U${"d".repeat(32)}`, role: "editor", display_name: "มานี" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await w.close();
  });

  const call = (userId: string, method: string, path: string, body?: unknown) =>
    apiCaller<Answer>(w, api, { name: "ทดสอบ" })(userId, method, path, body);
  const auditOf = (action: string, entityId: number) =>
    w.db
      .selectFrom("audit_log")
      .select(["actor", "member_id", "before", "after"])
      .where("action", "=", action)
      .where("entity_id", "=", String(entityId))
      .execute();
  const countMeasures = async (agencyId: number) =>
    Number(
      (
        await w.db
          .selectFrom("measures")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("agency_id", "=", agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const newMeasure = {
    fiscalYear: "๒๕๖๙",
    title: "เผยแพร่แผนจัดซื้อจัดจ้างประจำปี",
    indicators: ["9"],
    method: "ประกาศแผนบนเว็บไซต์ภายในเดือนแรกของปี",
    responsibleUnit: "กองคลัง",
    periodStart: "1/10/2568",
    periodEnd: "๓๐/๙/๒๕๖๙",
    steps: [
      { title: "จัดทำแผน", dueOn: "31/10/2568", ownerIds: [] },
      { title: "ประกาศแผน", dueOn: "2025-11-30", ownerIds: [] },
    ],
  };

  it("creates a measure with its steps and owners, written to the audit log", async () => {
    const r = await call(SRI, "POST", `/agencies/${sri}/measures`, {
      ...newMeasure,
      ownerIds: [String(colleague)],
      steps: [newMeasure.steps[0], { ...newMeasure.steps[1], ownerIds: [sriAdmin] }],
    });
    expect(r.status).toBe(201);
    const m = r.json.measure;
    expect(m).toMatchObject({
      agencyId: sri,
      fiscalYear: 2569,
      title: "เผยแพร่แผนจัดซื้อจัดจ้างประจำปี",
      indicators: [9],
      periodStart: "2025-10-01",
      periodEnd: "2026-09-30",
      owners: [{ memberId: colleague, displayName: "มานี" }],
      steps: [
        { seq: 1, title: "จัดทำแผน", dueOn: "2025-10-31", owners: [] },
        { seq: 2, title: "ประกาศแผน", dueOn: "2025-11-30", owners: [{ memberId: sriAdmin }] },
      ],
    });
    const [audit] = await auditOf("measure.create", m.id);
    expect(audit).toMatchObject({ actor: `line:${SRI}`, member_id: sriAdmin });
    expect(audit!.after).toMatchObject({ title: m.title, ownerIds: [colleague] });
    const listed = await call(SRI, "GET", `/agencies/${sri}/measures`);
    expect(listed.json.measures.map((x) => x.id)).toContain(m.id);
  });

  it("answers wrong fields with Thai messages named as the form names them, and writes nothing", async () => {
    const before = await countMeasures(sri);
    const r = await call(SRI, "POST", `/agencies/${sri}/measures`, {
      ...newMeasure,
      title: "",
      periodEnd: "1/9/2568",
      steps: [{ title: "จัดทำแผน", dueOn: "31/02/2569" }],
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe("กรุณาแก้ข้อมูลที่ระบุ");
    expect(r.json.fields).toEqual({
      title: "ใส่ชื่อมาตรการ",
      periodEnd: "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม",
      "steps.0.dueOn": "วันที่ไม่ถูกต้อง ใส่เป็น วัน/เดือน/ปี พ.ศ. เช่น 31/03/2568",
    });
    expect(await countMeasures(sri)).toBe(before);
  });

  it("refuses owners from another agency, pointing at the field that named them", async () => {
    const outsider = (
      await w.db.selectFrom("members").select("id").where("agency_id", "=", laeng).executeTakeFirstOrThrow()
    ).id;
    const before = await countMeasures(sri);
    const r = await call(SRI, "POST", `/agencies/${sri}/measures`, {
      ...newMeasure,
      steps: [newMeasure.steps[0], { ...newMeasure.steps[1], ownerIds: [outsider] }],
    });
    expect(r.status).toBe(400);
    expect(r.json.fields).toEqual({ "steps.1.ownerIds": expect.stringContaining("ไม่ได้เป็นสมาชิก") });
    expect(await countMeasures(sri)).toBe(before);
  });

  it("lets an editor edit the plan, auditing only what changed", async () => {
    const created = await call(EDITOR, "POST", `/agencies/${demo}/measures`, {
      fiscalYear: 2569,
      title: "อบรมผู้บริหาร",
    });
    expect(created.status).toBe(201);
    const id = created.json.measure.id;
    const r = await call(EDITOR, "PATCH", `/agencies/${demo}/measures/${id}`, {
      title: "อบรมผู้บริหารและพนักงาน",
      indicators: ["๑", "5"],
      method: "",
      responsibleUnit: "สำนักปลัด",
      periodStart: "",
      periodEnd: "",
      ownerIds: [],
    });
    expect(r.status).toBe(200);
    expect(r.json.measure).toMatchObject({
      title: "อบรมผู้บริหารและพนักงาน",
      indicators: [1, 5],
      responsibleUnit: "สำนักปลัด",
    });
    const [audit] = await auditOf("measure.update", id);
    expect(audit!.before).toEqual({ title: "อบรมผู้บริหาร", indicators: [], responsibleUnit: "" });
    expect(audit!.after).toEqual({
      title: "อบรมผู้บริหารและพนักงาน",
      indicators: [1, 5],
      responsibleUnit: "สำนักปลัด",
    });
  });

  it("adds a step after the last, edits its plan and deletes it, renumbering the rest, all audited", async () => {
    const created = await call(SRI, "POST", `/agencies/${sri}/measures`, newMeasure);
    const m = created.json.measure;
    const added = await call(SRI, "POST", `/agencies/${sri}/measures/${m.id}/steps`, {
      title: "รายงานผล",
      dueOn: "๑๕/๙/๒๕๖๙",
      ownerIds: [String(colleague)],
    });
    expect(added.status).toBe(201);
    expect(added.json.step).toMatchObject({ seq: 3, dueOn: "2026-09-15", owners: [{ memberId: colleague }] });
    const stepId = added.json.step.id;
    expect((await auditOf("step.create", stepId))[0]!.after).toMatchObject({ title: "รายงานผล", seq: 3 });

    const edited = await call(SRI, "PATCH", `/agencies/${sri}/steps/${stepId}`, {
      title: "รายงานผลต่อผู้บริหาร",
      dueOn: "20/9/2569",
      ownerIds: [],
    });
    expect(edited.status).toBe(200);
    expect(edited.json.step).toMatchObject({ title: "รายงานผลต่อผู้บริหาร", dueOn: "2026-09-20", owners: [] });
    const [update] = await auditOf("step.update", stepId);
    expect(update!.before).toEqual({ title: "รายงานผล", dueOn: "2026-09-15", ownerIds: [colleague] });
    expect(update!.after).toEqual({ title: "รายงานผลต่อผู้บริหาร", dueOn: "2026-09-20", ownerIds: [] });

    const first = m.steps[0]!.id;
    expect((await call(SRI, "DELETE", `/agencies/${sri}/steps/${first}`)).status).toBe(200);
    const [deleted] = await auditOf("step.delete", first);
    expect(deleted!.before).toMatchObject({ title: "จัดทำแผน", seq: 1, measureId: m.id });
    const steps = await w.db
      .selectFrom("measure_steps")
      .select(["id", "seq"])
      .where("measure_id", "=", m.id)
      .orderBy("seq")
      .execute();
    expect(steps).toEqual([
      { id: m.steps[1]!.id, seq: 1 },
      { id: stepId, seq: 2 },
    ]);
  });

  it("keeps steps inside the measure's period, and the period around its steps", async () => {
    const created = await call(SRI, "POST", `/agencies/${sri}/measures`, newMeasure);
    const m = created.json.measure;
    const late = await call(SRI, "POST", `/agencies/${sri}/measures/${m.id}/steps`, {
      title: "ช้าไป",
      dueOn: "1/10/2569",
    });
    expect(late.status).toBe(400);
    expect(late.json.fields.dueOn).toContain("ระยะเวลาของมาตรการ");
    const moved = await call(SRI, "PATCH", `/agencies/${sri}/steps/${m.steps[0]!.id}`, {
      title: "จัดทำแผน",
      dueOn: "30/9/2568",
    });
    expect(moved.status).toBe(400);
    const shrunk = await call(SRI, "PATCH", `/agencies/${sri}/measures/${m.id}`, {
      title: m.title,
      periodStart: "1/11/2568",
      periodEnd: "30/9/2569",
    });
    expect(shrunk.status).toBe(400);
    expect(shrunk.json.fields).toEqual({
      periodStart: "ขั้นตอนที่ 1 ครบกำหนด 31 ต.ค. 68 ก่อนวันเริ่มนี้ แก้วันครบกำหนดก่อน",
    });
    // An end alone is checked against the stored start.
    const backwards = await call(SRI, "PATCH", `/agencies/${sri}/measures/${m.id}`, {
      periodEnd: "1/9/2568",
    });
    expect(backwards.json.fields).toMatchObject({ periodEnd: "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม" });
  });

  it("leaves the fields a PATCH does not name as they are", async () => {
    const created = await call(SRI, "POST", `/agencies/${sri}/measures`, newMeasure);
    const m = created.json.measure;
    const r = await call(SRI, "PATCH", `/agencies/${sri}/measures/${m.id}`, { title: "ชื่อใหม่" });
    expect(r.json.measure).toMatchObject({
      title: "ชื่อใหม่",
      indicators: [9],
      method: m.method,
      periodEnd: m.periodEnd,
    });
    const s = await call(SRI, "PATCH", `/agencies/${sri}/steps/${m.steps[1]!.id}`, {
      title: "ประกาศแผนบนเว็บไซต์",
    });
    expect(s.json.step).toMatchObject({ title: "ประกาศแผนบนเว็บไซต์", dueOn: "2025-11-30" });
  });

  it("saves pasted text without the control characters the database refuses", async () => {
    const created = await call(SRI, "POST", `/agencies/${sri}/measures`, {
      ...newMeasure,
      title: "เผยแพร่\u0000แผน\r\nจัดซื้อ",
      method: "ขั้นแรก\u0000\nขั้นที่สอง\u0007",
    });
    expect(created.status).toBe(201);
    expect(created.json.measure).toMatchObject({ title: "เผยแพร่แผน จัดซื้อ", method: "ขั้นแรก\nขั้นที่สอง" });
    const step = await call(SRI, "PATCH", `/agencies/${sri}/steps/${created.json.measure.steps[0]!.id}`, {
      title: "\u0000จัดทำแผน",
    });
    expect(step.status).toBe(200);
    expect(step.json.step.title).toBe("จัดทำแผน");
  });

  it("refuses to delete a step with recorded work: it is cancelled instead", async () => {
    const step = await w.db
      .selectFrom("measure_steps")
      .select("id")
      .where("agency_id", "=", sri)
      .where("status", "=", "done")
      .executeTakeFirstOrThrow();
    const r = await call(SRI, "DELETE", `/agencies/${sri}/steps/${step.id}`);
    expect(r.status).toBe(409);
    expect(r.json.error).toContain("ยกเลิก");
    expect(
      await w.db.selectFrom("measure_steps").select("id").where("id", "=", step.id).execute(),
    ).toHaveLength(1);
  });

  it("refuses every write from a viewer with 403, and writes nothing", async () => {
    const measure = await w.db
      .selectFrom("measures")
      .select("id")
      .where("agency_id", "=", laeng)
      .executeTakeFirstOrThrow();
    const step = await w.db
      .selectFrom("measure_steps")
      .select("id")
      .where("agency_id", "=", laeng)
      .executeTakeFirstOrThrow();
    const before = await countMeasures(laeng);
    const plan = { title: "ขั้นตอนใหม่", dueOn: "", ownerIds: [] };
    const answers = [
      await call(LAENG, "POST", `/agencies/${laeng}/measures`, { fiscalYear: 2569, title: "ใหม่" }),
      await call(LAENG, "PATCH", `/agencies/${laeng}/measures/${measure.id}`, { title: "แก้" }),
      await call(LAENG, "POST", `/agencies/${laeng}/measures/${measure.id}/steps`, plan),
      await call(LAENG, "PATCH", `/agencies/${laeng}/steps/${step.id}`, plan),
      await call(LAENG, "DELETE", `/agencies/${laeng}/steps/${step.id}`),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(answers[0]!.json.error).toContain("ผู้ดู");
    expect(await countMeasures(laeng)).toBe(before);
    const audits = await w.db
      .selectFrom("audit_log")
      .select("id")
      .where("agency_id", "=", laeng)
      .where("actor", "=", `line:${LAENG}`)
      .execute();
    expect(audits).toHaveLength(0);
  });

  it("never lets anyone write another agency's measures or steps", async () => {
    const theirs = await w.db
      .selectFrom("measures")
      .select("id")
      .where("agency_id", "=", sri)
      .executeTakeFirstOrThrow();
    const theirStep = await w.db
      .selectFrom("measure_steps")
      .select(["id", "title"])
      .where("agency_id", "=", sri)
      .where("status", "=", "not_started")
      .executeTakeFirstOrThrow();
    const plan = { title: "ยึดขั้นตอน", dueOn: "", ownerIds: [] };
    // Naming an agency the caller is not in is refused outright…
    expect((await call(EDITOR, "POST", `/agencies/${sri}/measures`, newMeasure)).status).toBe(403);
    expect((await call(NEWCOMER, "POST", `/agencies/${sri}/measures`, newMeasure)).status).toBe(403);
    expect(
      (await call(EDITOR, "PATCH", `/agencies/${sri}/measures/${theirs.id}`, { title: "x" })).status,
    ).toBe(403);
    expect((await call(EDITOR, "DELETE", `/agencies/${sri}/steps/${theirStep.id}`)).status).toBe(403);
    // …and naming their own agency with our ids finds nothing.
    expect(
      (await call(EDITOR, "PATCH", `/agencies/${demo}/measures/${theirs.id}`, { title: "x" })).status,
    ).toBe(404);
    expect((await call(EDITOR, "POST", `/agencies/${demo}/measures/${theirs.id}/steps`, plan)).status).toBe(
      404,
    );
    expect((await call(EDITOR, "PATCH", `/agencies/${demo}/steps/${theirStep.id}`, plan)).status).toBe(404);
    expect((await call(EDITOR, "DELETE", `/agencies/${demo}/steps/${theirStep.id}`)).status).toBe(404);
    const still = await w.db
      .selectFrom("measure_steps")
      .select("title")
      .where("id", "=", theirStep.id)
      .executeTakeFirstOrThrow();
    expect(still.title).toBe(theirStep.title);
  });
});
