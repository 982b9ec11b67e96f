import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import type { AuditItem } from "../../../core/api/audit.ts";
import type { ScoreKindColumn } from "../../../db/schema.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { API_CHANNEL, apiFor, demoAgencyIds } from "./harness.ts";

const CHANNEL = API_CHANNEL;
const HEAD = "agency_code,agency_name,agency_type,province,district,fiscal_year,total,IIT";
const SRI_ROW = "SEED000,เทศบาลตำบลศรีสองรัก,เทศบาลตำบล,เลย,ด่านซ้าย";
const LAENG_ROW = "SEED001,องค์การบริหารส่วนตำบลบ้านแลง,องค์การบริหารส่วนตำบล,ลำปาง,เมืองลำปาง";
const csv = (...rows: string[]) => [HEAD, ...rows].join("\n");

describe("score import and entry API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  let laeng: number;
  let demo: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri, laeng, demo } = await demoAgencyIds(w));
  });
  afterAll(async () => {
    await w.close();
  });

  const token = (userId: string) => w.fake.issueIdToken(userId, { channelId: CHANNEL, name: "ทดสอบ" });
  const upload = async (userId: string, path: string, content: BlobPart, name = "ผล.csv") => {
    const form = new FormData();
    form.append("file", new File([content], name));
    const res = await api.request(path, {
      method: "POST",
      headers: { authorization: `Bearer ${await token(userId)}` },
      body: form,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const call = async (userId: string, path: string, body?: unknown) => {
    const res = await api.request(path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await token(userId)}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const counts = async () => ({
    audit: Number(
      (
        await w.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    assessments: Number(
      (
        await w.db
          .selectFrom("assessments")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    scores: await w.db
      .selectFrom("scores")
      .select(["assessment_id", "kind", "code", "value", "source"])
      .where("agency_id", "=", sri)
      .orderBy("assessment_id")
      .orderBy("kind")
      .orderBy("code")
      .execute(),
  });
  const score = (year: number, kind: ScoreKindColumn, code: string) =>
    w.db
      .selectFrom("scores as s")
      .innerJoin("assessments as a", "a.id", "s.assessment_id")
      .select(["s.value", "s.source"])
      .where("a.agency_id", "=", sri)
      .where("a.fiscal_year", "=", year)
      .where("s.kind", "=", kind)
      .where("s.code", "=", code)
      .executeTakeFirst();

  const FILE = csv(`${SRI_ROW},2567,97.15,93.00`, `${SRI_ROW},2568,88.50,`);

  it("previews the changes of a file for the admin's own agency, and writes nothing", async () => {
    const before = await counts();
    const r = await upload(SRI, `/agencies/${sri}/results/preview`, FILE);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, rows: 2 });
    expect(r.json.changes).toEqual([
      { year: 2567, kind: "tool", code: "IIT", from: "92.90", to: "93.00" },
      { year: 2568, kind: "total", code: "total", from: null, to: "88.50" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("reads .xlsx too", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ผล");
    sheet.addRow(HEAD.split(","));
    sheet.addRow([...SRI_ROW.split(","), 2567, 97.15, 92.9]);
    const bytes = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer;
    const r = await upload(SRI, `/agencies/${sri}/results/preview`, bytes, "ผล.xlsx");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, rows: 1, changes: [] });
  });

  it("imports the same file: writes, audits with the member as actor, and a second import changes nothing", async () => {
    const r = await upload(SRI, `/agencies/${sri}/results/import`, FILE);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      ok: true,
      rows: 2,
      summary: { assessmentsChanged: 1, assessmentsCreated: 1, agenciesCreated: 0, agenciesUpdated: 0 },
    });
    expect(await score(2567, "tool", "IIT")).toEqual({ value: "93.00", source: "imported" });
    const me = await w.db
      .selectFrom("members")
      .select("id")
      .where("line_user_id", "=", SRI)
      .executeTakeFirstOrThrow();
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["actor", "member_id", "action", "entity_id", "before", "after"])
      .where("agency_id", "=", sri)
      .where("entity", "=", "assessment")
      .where("actor", "=", `line:${SRI}`)
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      {
        actor: `line:${SRI}`,
        member_id: me.id,
        action: "assessment.update",
        entity_id: "SEED000/2567",
        before: { "tool:IIT": "92.90" },
        after: { "tool:IIT": "93.00" },
      },
      expect.objectContaining({ action: "assessment.create", entity_id: "SEED000/2568", member_id: me.id }),
    ]);
    const log = await call(SRI, `/agencies/${sri}/audit`);
    expect((log.json.entries as AuditItem[]).map((e) => e.action)).toContain("assessment.update");

    const again = await upload(SRI, `/agencies/${sri}/results/import`, FILE);
    expect(again.json).toMatchObject({ ok: true, summary: { assessmentsUnchanged: 2, scoresWritten: 0 } });
    const preview = await upload(SRI, `/agencies/${sri}/results/preview`, FILE);
    expect(preview.json.changes).toEqual([]);
  });

  it("refuses a row of another agency, naming the row, and writes nothing", async () => {
    const before = await counts();
    const file = csv(`${SRI_ROW},2567,97.15,95.00`, `${LAENG_ROW},2565,86.19,`);
    for (const step of ["preview", "import"]) {
      const r = await upload(SRI, `/agencies/${sri}/results/${step}`, file);
      expect(r.status).toBe(400);
      expect(r.json.ok).toBe(false);
      expect(r.json.errors).toEqual([
        { line: 3, column: "agency_code", th: expect.stringContaining("รหัสหน่วยงาน SEED001 ไม่ใช่") },
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers a bad score with its row and column, and writes nothing", async () => {
    const before = await counts();
    const r = await upload(SRI, `/agencies/${sri}/results/import`, csv(`${SRI_ROW},2567,97.15,101`));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ ok: false, errors: [{ line: 2, column: "IIT", th: "คะแนน 101 เกิน 100" }] });
    expect(await counts()).toEqual(before);
  });

  it("answers an unreadable or missing file in Thai", async () => {
    const xls = await upload(SRI, `/agencies/${sri}/results/preview`, "x", "ผล.xls");
    expect(xls.status).toBe(400);
    expect((xls.json.errors as { th: string }[])[0]!.th).toContain(".xlsx");
    const res = await api.request(`/agencies/${sri}/results/preview`, {
      method: "POST",
      headers: { authorization: `Bearer ${await token(SRI)}` },
      body: new FormData(),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("กรุณาเลือกไฟล์");
  });

  it("is for the agency's admins only: editors, viewers and other agencies get 403", async () => {
    const before = await counts();
    const editorFile = csv("DEMO00001,x,เทศบาลตำบล,เลย,ด่านซ้าย,2567,90.00,");
    expect((await upload(EDITOR, `/agencies/${demo}/results/preview`, editorFile)).status).toBe(403);
    expect((await upload(EDITOR, `/agencies/${demo}/results/import`, editorFile)).status).toBe(403);
    expect(
      (await upload(LAENG, `/agencies/${laeng}/results/import`, csv(`${LAENG_ROW},2565,90.00,`))).status,
    ).toBe(403);
    expect(
      (await upload(SRI, `/agencies/${laeng}/results/import`, csv(`${LAENG_ROW},2565,90.00,`))).status,
    ).toBe(403);
    expect((await call(LAENG, `/agencies/${laeng}/results/entry`, { year: 2565, total: "90" })).status).toBe(
      403,
    );
    expect((await call(EDITOR, `/agencies/${demo}/results/entry`)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("takes scores typed by hand, Thai digits too, as 'entered'", async () => {
    const form = await call(SRI, `/agencies/${sri}/results/entry?year=2568`);
    expect(form.status).toBe(200);
    expect(form.json).toMatchObject({ year: 2568, total: { reported: "88.50", current: "88.50" } });
    expect((form.json.tools as { code: string }[]).map((t) => t.code)).toContain("IIT");

    const r = await call(SRI, `/agencies/${sri}/results/entry`, {
      year: "๒๕๖๘",
      total: "",
      tools: { IIT: "๙๐.๕", OIT: "" },
      indicators: { "1": "91.25" },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      ok: true,
      summary: { assessmentsChanged: 1 },
      changes: [
        { year: 2568, kind: "tool", code: "IIT", from: null, to: "90.50" },
        { year: 2568, kind: "indicator", code: "1", from: null, to: "91.25" },
      ],
    });
    expect(await score(2568, "tool", "IIT")).toEqual({ value: "90.50", source: "entered" });
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["actor", "after"])
      .where("entity_id", "=", "SEED000/2568")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: `line:${SRI}`, after: { "tool:IIT": "90.50" } });
  });

  it("answers bad hand-typed scores field by field, and writes nothing", async () => {
    const before = await counts();
    const bad = await call(SRI, `/agencies/${sri}/results/entry`, {
      year: 2568,
      total: "101",
      tools: { IIT: "abc", EIT: "80.123" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.fields).toMatchObject({
      total: "คะแนนต้องอยู่ระหว่าง 0 ถึง 100",
      "tools.IIT": expect.stringContaining("ไม่ใช่ตัวเลข"),
      "tools.EIT": "ใส่ทศนิยมไม่เกิน 2 ตำแหน่ง",
    });
    const unknown = await call(SRI, `/agencies/${sri}/results/entry`, {
      year: 2568,
      tools: { XIT: "50" },
      indicators: { "11": "50" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.fields).toEqual({
      "tools.XIT": "ปี 2568 ไม่มีเครื่องมือ XIT",
      "indicators.11": "ปี 2568 ไม่มีตัวชี้วัดที่ 11",
    });
    const empty = await call(SRI, `/agencies/${sri}/results/entry`, { year: 2568, total: "" });
    expect(empty.status).toBe(400);
    expect(empty.json.fields).toEqual({ total: "กรอกคะแนนอย่างน้อยหนึ่งช่อง" });
    const noYear = await call(SRI, `/agencies/${sri}/results/entry`, { year: 2561, total: "50" });
    expect(noYear.json.fields).toMatchObject({ year: expect.stringContaining("ไม่มีกรอบการประเมินของปี 2561") });
    expect(await counts()).toEqual(before);
  });
});
