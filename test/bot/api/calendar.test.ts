import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import { TYPICAL_PATTERN } from "../../../core/calendar/typical.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  NEWCOMER,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { API_CHANNEL, apiCaller, apiFor, demoAgencyIds } from "./harness.ts";

interface Entry {
  id: number;
  key: string | null;
  titleTh: string;
  startsOn: string | null;
  dueOn: string;
  kind: string;
  provisional: boolean;
  daysLeft: number;
}

interface View {
  year: number;
  today: string;
  canEdit: boolean;
  national: Entry[];
  own: Entry[];
  error?: string;
  fields?: Record<string, string>;
  entry?: Entry;
}

const TODAY = "2026-11-25";
const ADMINS_ONLY = "วันสำคัญของหน่วยงานแก้ได้เฉพาะผู้ดูแลของหน่วยงาน";
const NOT_FOUND = "ไม่พบวันสำคัญนี้ในหน่วยงานของท่าน";
const NOT_MEMBER = "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้";

/** Whole days from the world's today to an ISO date, counted independently of the code under test. */
const daysFromToday = (iso: string) => (Date.UTC(...ymd(iso)) - Date.UTC(...ymd(TODAY))) / 86_400_000;
const ymd = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return [y, m - 1, d];
};

describe("calendar API", () => {
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

  const call = (userId: string, method: string, path: string, body?: unknown) =>
    apiCaller<View>(w, api)(userId, method, path, body);
  /** The status and raw text, for answers that may not be JSON (a 500). */
  const rawCall = async (userId: string, method: string, path: string, body: unknown) => {
    const token = await w.fake.issueIdToken(userId, { channelId: API_CHANNEL });
    const res = await api.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };
  const memberIdOf = async (agencyId: number, lineUserId: string) =>
    (
      await w.db
        .selectFrom("members")
        .select("id")
        .where("agency_id", "=", agencyId)
        .where("line_user_id", "=", lineUserId)
        .executeTakeFirstOrThrow()
    ).id;
  const milestoneRow = (id: number) =>
    w.db
      .selectFrom("milestones")
      .select(["agency_id", "title", "due_on", "starts_on", "kind", "provisional", "fiscal_year"])
      .where("id", "=", id)
      .executeTakeFirst();
  const ownRows = (agencyId: number) =>
    w.db
      .selectFrom("milestones")
      .select(["id", "title", "due_on", "starts_on"])
      .where("agency_id", "=", agencyId)
      .orderBy("id")
      .execute();
  const auditsOf = (id: number) =>
    w.db
      .selectFrom("audit_log")
      .select(["action", "entity", "agency_id", "member_id", "actor", "before", "after"])
      .where("entity", "=", "milestone")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
  const milestoneAudits = async () =>
    (
      await w.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("entity", "=", "milestone")
        .executeTakeFirstOrThrow()
    ).n;
  /** An agency's own date written straight into the table (another agency's, for the isolation cases). */
  const insertOwn = async (agencyId: number, title: string, dueOn: string) =>
    (
      await w.db
        .insertInto("milestones")
        .values({
          agency_id: agencyId,
          fiscal_year: 2570,
          title,
          due_on: dueOn,
          kind: "agency",
          created_by: "test",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const nationalId = async (key: string) =>
    (
      await w.db
        .selectFrom("milestones")
        .select("id")
        .where("agency_id", "is", null)
        .where("fiscal_year", "=", 2570)
        .where("key", "=", key)
        .executeTakeFirstOrThrow()
    ).id;

  it("gives an admin this fiscal year's nine national dates, provisional, with days left from today", async () => {
    const r = await call(SRI, "GET", `/agencies/${sri}/calendar`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ year: 2570, today: TODAY, canEdit: true, own: [] });
    const national = r.json.national;
    expect(national).toHaveLength(9);
    expect(new Set(national.map((e) => e.key))).toEqual(new Set(TYPICAL_PATTERN.map((p) => p.key)));
    expect(national[0]!.key).toBe("annual-report");
    expect(national.at(-1)!.key).toBe("results");
    const dues = national.map((e) => e.dueOn);
    expect(dues).toEqual([...dues].sort());
    for (const e of national) {
      expect(e.provisional, e.key ?? "").toBe(true);
      expect(e.daysLeft, e.key ?? "").toBe(daysFromToday(e.dueOn));
    }
    expect(national.find((e) => e.key === "results")).toMatchObject({
      dueOn: "2027-08-15",
      daysLeft: 263,
      startsOn: null,
    });
    // The report of the year before was due before today: counted as past, not as far ahead.
    expect(national.find((e) => e.key === "annual-report")).toMatchObject({
      dueOn: "2026-10-30",
      daysLeft: -26,
    });
    expect(national.find((e) => e.key === "oit-submission")).toMatchObject({
      startsOn: "2027-03-01",
      dueOn: "2027-04-30",
      daysLeft: 156,
      kind: "ita",
    });
  });

  it("lets a viewer read their own agency's calendar without editing, and no one read another agency's", async () => {
    const own = await call(LAENG, "GET", `/agencies/${laeng}/calendar`);
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ year: 2570, canEdit: false });
    expect(own.json.national).toHaveLength(9);

    const other = await call(LAENG, "GET", `/agencies/${sri}/calendar`);
    expect(other.status).toBe(403);
    expect(other.json.error).toBe(NOT_MEMBER);
    expect((await call(NEWCOMER, "GET", `/agencies/${sri}/calendar`)).status).toBe(403);

    const editor = await call(EDITOR, "GET", `/agencies/${demo}/calendar`);
    expect(editor.status).toBe(200);
    expect(editor.json.canEdit).toBe(false);
  });

  it("lets an admin add an own date typed in พ.ศ., listed under the agency's own and audited", async () => {
    const r = await call(SRI, "POST", `/agencies/${sri}/calendar`, {
      titleTh: "  ประชุมคณะทำงาน ITA  ",
      dueOn: "30/4/2570",
      startsOn: "1/3/2570",
    });
    expect(r.status).toBe(201);
    const entry = r.json.entry!;
    expect(entry).toEqual({
      id: expect.any(Number),
      key: null,
      titleTh: "ประชุมคณะทำงาน ITA",
      startsOn: "2027-03-01",
      dueOn: "2027-04-30",
      kind: "agency",
      provisional: false,
      daysLeft: 156,
    });
    expect(await milestoneRow(entry.id)).toEqual({
      agency_id: sri,
      title: "ประชุมคณะทำงาน ITA",
      due_on: "2027-04-30",
      starts_on: "2027-03-01",
      kind: "agency",
      provisional: false,
      fiscal_year: 2570,
    });

    const listed = await call(SRI, "GET", `/agencies/${sri}/calendar`);
    expect(listed.json.own).toEqual([entry]);
    expect(listed.json.national.map((e) => e.id)).not.toContain(entry.id);
    // Another agency's members never see it.
    expect((await call(LAENG, "GET", `/agencies/${laeng}/calendar`)).json.own).toEqual([]);

    expect(await auditsOf(entry.id)).toEqual([
      {
        action: "milestone.create",
        entity: "milestone",
        agency_id: sri,
        member_id: await memberIdOf(sri, SRI),
        actor: `line:${SRI}`,
        before: null,
        after: { date: "2027-04-30", title: "ประชุมคณะทำงาน ITA", startsOn: "2027-03-01" },
      },
    ]);

    // Without a start date (optional), in Thai digits.
    const single = await call(SRI, "POST", `/agencies/${sri}/calendar`, {
      titleTh: "ส่งรายงานสรุปผลการดำเนินงานต่อผู้บริหาร",
      dueOn: "๑๕/๕/๒๕๗๐",
    });
    expect(single.status).toBe(201);
    expect(single.json.entry).toMatchObject({ startsOn: null, dueOn: "2027-05-15", daysLeft: 171 });
    await call(SRI, "DELETE", `/agencies/${sri}/calendar/${entry.id}`);
    await call(SRI, "DELETE", `/agencies/${sri}/calendar/${single.json.entry!.id}`);
    expect(await ownRows(sri)).toEqual([]);
  });

  it("files an own date under the fiscal year its day falls in", async () => {
    const r = await call(SRI, "POST", `/agencies/${sri}/calendar`, {
      titleTh: "เตรียมข้อมูล OIT ปีถัดไป",
      dueOn: "15/11/2570",
    });
    expect(r.status).toBe(201);
    const id = r.json.entry!.id;
    expect((await milestoneRow(id))?.fiscal_year).toBe(2571);
    expect((await call(SRI, "GET", `/agencies/${sri}/calendar`)).json.own).toEqual([]);
    const next = await call(SRI, "GET", `/agencies/${sri}/calendar?year=2571`);
    expect(next.json.year).toBe(2571);
    expect(next.json.own.map((e) => e.id)).toEqual([id]);
    expect((await call(SRI, "DELETE", `/agencies/${sri}/calendar/${id}`)).status).toBe(200);
  });

  it("lets an admin move an own date and then remove it, each audited", async () => {
    const created = await call(SRI, "POST", `/agencies/${sri}/calendar`, {
      titleTh: "ประชุมทบทวนมาตรการ",
      dueOn: "30/4/2570",
      startsOn: "1/4/2570",
    });
    const id = created.json.entry!.id;

    const moved = await call(SRI, "PATCH", `/agencies/${sri}/calendar/${id}`, {
      titleTh: "ประชุมทบทวนมาตรการ ครั้งที่ 2",
      dueOn: "15/5/2570",
      startsOn: null,
    });
    expect(moved.status).toBe(200);
    expect(moved.json.entry).toEqual({
      id,
      key: null,
      titleTh: "ประชุมทบทวนมาตรการ ครั้งที่ 2",
      startsOn: null,
      dueOn: "2027-05-15",
      kind: "agency",
      provisional: false,
      daysLeft: 171,
    });
    expect(await milestoneRow(id)).toMatchObject({
      title: "ประชุมทบทวนมาตรการ ครั้งที่ 2",
      due_on: "2027-05-15",
      starts_on: null,
    });
    expect((await call(SRI, "GET", `/agencies/${sri}/calendar`)).json.own).toEqual([moved.json.entry]);

    const removed = await call(SRI, "DELETE", `/agencies/${sri}/calendar/${id}`);
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ ok: true });
    expect(await milestoneRow(id)).toBeUndefined();
    expect((await call(SRI, "GET", `/agencies/${sri}/calendar`)).json.own).toEqual([]);

    const me = await memberIdOf(sri, SRI);
    expect(await auditsOf(id)).toEqual([
      expect.objectContaining({ action: "milestone.create" }),
      {
        action: "milestone.update",
        entity: "milestone",
        agency_id: sri,
        member_id: me,
        actor: `line:${SRI}`,
        before: {
          date: "2027-04-30",
          title: "ประชุมทบทวนมาตรการ",
          startsOn: "2027-04-01",
          provisional: false,
        },
        after: { date: "2027-05-15", title: "ประชุมทบทวนมาตรการ ครั้งที่ 2", provisional: false },
      },
      {
        action: "milestone.delete",
        entity: "milestone",
        agency_id: sri,
        member_id: me,
        actor: `line:${SRI}`,
        before: { date: "2027-05-15", title: "ประชุมทบทวนมาตรการ ครั้งที่ 2" },
        after: null,
      },
    ]);
    // A second delete finds nothing.
    const again = await call(SRI, "DELETE", `/agencies/${sri}/calendar/${id}`);
    expect(again.status).toBe(404);
    expect(again.json.error).toBe(NOT_FOUND);
  });

  it("refuses bad input with a Thai message on the field and writes nothing", async () => {
    const before = await ownRows(sri);
    const audits = await milestoneAudits();
    const post = (body: unknown) => call(SRI, "POST", `/agencies/${sri}/calendar`, body);

    const noTitle = await post({ titleTh: "   ", dueOn: "30/4/2570" });
    expect(noTitle.status).toBe(400);
    expect(noTitle.json.fields).toEqual({ titleTh: "ใส่ชื่อวันสำคัญ" });
    expect(noTitle.json.error).toBe("กรุณาแก้ข้อมูลที่ระบุ");

    const noDay = await post({ titleTh: "ประชุม", dueOn: "31/2/2570" });
    expect(noDay.status).toBe(400);
    expect(noDay.json.fields?.dueOn).toBe("วันที่ไม่ถูกต้อง ใส่เป็น วัน/เดือน/ปี พ.ศ. เช่น 30/04/2570");

    const empty = await post({ titleTh: "ประชุม", dueOn: "" });
    expect(empty.status).toBe(400);
    expect(empty.json.fields?.dueOn).toBe("ใส่วันที่");

    const backwards = await post({ titleTh: "ประชุม", dueOn: "30/4/2570", startsOn: "1/5/2570" });
    expect(backwards.status).toBe(400);
    expect(backwards.json.fields).toEqual({ startsOn: "วันเริ่มต้องไม่หลังวันครบกำหนด" });

    const badStart = await post({ titleTh: "ประชุม", dueOn: "30/4/2570", startsOn: "เมษา" });
    expect(badStart.status).toBe(400);
    expect(badStart.json.fields?.startsOn).toContain("วันที่ไม่ถูกต้อง");

    // The same checks guard an edit.
    const id = await insertOwn(sri, "วันเดิม", "2027-04-30");
    const badEdit = await call(SRI, "PATCH", `/agencies/${sri}/calendar/${id}`, {
      titleTh: "วันเดิม",
      dueOn: "31/2/2570",
    });
    expect(badEdit.status).toBe(400);
    expect(badEdit.json.fields?.dueOn).toContain("วันที่ไม่ถูกต้อง");
    expect(await milestoneRow(id)).toMatchObject({ title: "วันเดิม", due_on: "2027-04-30" });
    await w.db.deleteFrom("milestones").where("id", "=", id).execute();

    expect(await ownRows(sri)).toEqual(before);
    expect(await milestoneAudits()).toBe(audits);
  });

  it("refuses a day the form accepts but whose fiscal year the system cannot hold with 400, not 500", async () => {
    // 31 Dec 2700 BE is a real day the shared schema accepts; it falls in fiscal year 2701.
    const r = await rawCall(SRI, "POST", `/agencies/${sri}/calendar`, {
      titleTh: "ไกลมาก",
      dueOn: "31/12/2700",
    });
    expect(r.status).toBe(400);
    expect(await ownRows(sri)).toEqual([]);
  });

  it("moves an own date into a fiscal year no one has used yet, as adding one there does", async () => {
    const added = await call(SRI, "POST", `/agencies/${sri}/calendar`, {
      titleTh: "ทบทวนแผน",
      dueOn: "1/1/2580",
    });
    expect(added.status).toBe(201);
    await call(SRI, "DELETE", `/agencies/${sri}/calendar/${added.json.entry!.id}`);

    const id = await insertOwn(sri, "ทบทวนแผน", "2027-04-30");
    const moved = await rawCall(SRI, "PATCH", `/agencies/${sri}/calendar/${id}`, {
      titleTh: "ทบทวนแผน",
      dueOn: "1/1/2582",
    });
    const row = await milestoneRow(id);
    await w.db.deleteFrom("milestones").where("id", "=", id).execute();
    expect(moved.status).toBe(200);
    expect(row).toMatchObject({ due_on: "2039-01-01", fiscal_year: 2582 });
  });

  it("refuses editors adding, moving or removing the agency's dates, and writes nothing", async () => {
    const id = await insertOwn(demo, "ประชุมประจำเดือน", "2027-01-15");
    const audits = await milestoneAudits();
    const body = { titleTh: "ย้ายแล้ว", dueOn: "20/1/2570" };

    const add = await call(EDITOR, "POST", `/agencies/${demo}/calendar`, body);
    expect(add.status).toBe(403);
    expect(add.json.error).toBe(ADMINS_ONLY);
    const move = await call(EDITOR, "PATCH", `/agencies/${demo}/calendar/${id}`, body);
    expect(move.status).toBe(403);
    expect(move.json.error).toBe(ADMINS_ONLY);
    const remove = await call(EDITOR, "DELETE", `/agencies/${demo}/calendar/${id}`);
    expect(remove.status).toBe(403);
    expect(remove.json.error).toBe(ADMINS_ONLY);
    // A viewer likewise.
    expect((await call(LAENG, "POST", `/agencies/${laeng}/calendar`, body)).json.error).toBe(ADMINS_ONLY);

    expect(await ownRows(demo)).toEqual([
      { id, title: "ประชุมประจำเดือน", due_on: "2027-01-15", starts_on: null },
    ]);
    expect(await ownRows(laeng)).toEqual([]);
    expect(await milestoneAudits()).toBe(audits);
    await w.db.deleteFrom("milestones").where("id", "=", id).execute();
  });

  it("does not let an admin change a national date or another agency's date", async () => {
    const results = await nationalId("results");
    const theirs = await insertOwn(demo, "วันของหน่วยงานอื่น", "2027-02-01");
    const audits = await milestoneAudits();
    const body = { titleTh: "เปลี่ยนแล้ว", dueOn: "1/8/2570" };

    for (const id of [results, theirs]) {
      const move = await call(SRI, "PATCH", `/agencies/${sri}/calendar/${id}`, body);
      expect(move.status).toBe(404);
      expect(move.json.error).toBe(NOT_FOUND);
      const remove = await call(SRI, "DELETE", `/agencies/${sri}/calendar/${id}`);
      expect(remove.status).toBe(404);
      expect(remove.json.error).toBe(NOT_FOUND);
    }
    // Naming the other agency in the path is refused before anything is looked up.
    expect((await call(SRI, "DELETE", `/agencies/${demo}/calendar/${theirs}`)).status).toBe(403);

    expect(await milestoneRow(results)).toMatchObject({
      agency_id: null,
      due_on: "2027-08-15",
      provisional: true,
    });
    expect(await milestoneRow(theirs)).toMatchObject({
      agency_id: demo,
      title: "วันของหน่วยงานอื่น",
      due_on: "2027-02-01",
    });
    expect(await milestoneAudits()).toBe(audits);
    await w.db.deleteFrom("milestones").where("id", "=", theirs).execute();
  });

  it("answers 404, not 500, for a milestone id that is not a database id", async () => {
    const body = { titleTh: "ประชุม", dueOn: "30/4/2570" };
    for (const id of ["2147483648", "99999999999", "0", "-1", "abc", "1.5"]) {
      const move = await call(SRI, "PATCH", `/agencies/${sri}/calendar/${id}`, body);
      expect(move.status, `PATCH ${id}`).toBe(404);
      const remove = await call(SRI, "DELETE", `/agencies/${sri}/calendar/${id}`);
      expect(remove.status, `DELETE ${id}`).toBe(404);
    }
    // The largest id there can be is looked up, and simply not found.
    expect((await call(SRI, "DELETE", `/agencies/${sri}/calendar/2147483647`)).status).toBe(404);
  });

  it("lists a year far from now without creating national dates for it", async () => {
    const far = await call(SRI, "GET", `/agencies/${sri}/calendar?year=2590`);
    expect(far.status).toBe(200);
    expect(far.json).toMatchObject({ year: 2590, today: TODAY, national: [], own: [] });
    const stored = await w.db.selectFrom("milestones").select("id").where("fiscal_year", "=", 2590).execute();
    expect(stored).toEqual([]);
    expect(
      await w.db.selectFrom("fiscal_years").select("year").where("year", "=", 2590).executeTakeFirst(),
    ).toBeUndefined();

    // The year before this one is filled in with its usual dates on first sight.
    const last = await call(SRI, "GET", `/agencies/${sri}/calendar?year=2569`);
    expect(last.status).toBe(200);
    expect(last.json.national).toHaveLength(9);
    expect(last.json.national.find((e) => e.key === "results")).toMatchObject({
      dueOn: "2026-08-15",
      daysLeft: daysFromToday("2026-08-15"),
    });

    for (const year of ["2499", "2701", "สองพัน"]) {
      expect((await call(SRI, "GET", `/agencies/${sri}/calendar?year=${year}`)).status, year).toBe(400);
    }
  });
});
