import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../db/errors.ts";
import {
  calendarFor,
  createAgencyMilestone,
  deleteAgencyMilestone,
  ensureNationalCalendar,
  resultsDateIn,
  TYPICAL_CALENDAR_LABEL,
  updateMilestone,
} from "../../../db/repositories/milestones.ts";
import type { AgencyScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

const NATIONAL_KEYS = [
  "annual-report",
  "registration",
  "survey",
  "oit-submission",
  "six-month-report",
  "oit-scoring",
  "clarification",
  "confirmation",
  "results",
];

describe.each(DIALECTS)("milestones repository on %s", (dialect) => {
  let h: DbHandle;
  let a: number;
  let b: number;
  let adminA: AgencyScope;
  let adminB: AgencyScope;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const rows = await h.db
      .insertInto("agencies")
      .values([
        {
          code: "M1",
          name_th: "เทศบาลตำบลหนึ่ง",
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        },
        {
          code: "M2",
          name_th: "เทศบาลตำบลสอง",
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        },
      ])
      .returning("id")
      .execute();
    [a, b] = rows.map((r) => r.id) as [number, number];
    adminA = { agencyId: a, role: "admin", memberId: undefined };
    adminB = { agencyId: b, role: "admin" };
  });
  afterAll(async () => {
    await h?.close();
  });

  const milestoneAudits = (id: number) =>
    h.db
      .selectFrom("audit_log")
      .select(["agency_id", "actor", "action", "entity", "entity_id", "before", "after"])
      .where("entity", "=", "milestone")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();

  const milestoneCount = async () =>
    Number(
      (
        await h.db
          .selectFrom("milestones")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const auditCount = async () =>
    Number(
      (
        await h.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** The national date of a year with this key (after ensureNationalCalendar). */
  const national = async (year: number, key: string) =>
    h.db
      .selectFrom("milestones")
      .selectAll()
      .where("fiscal_year", "=", year)
      .where("agency_id", "is", null)
      .where("key", "=", key)
      .executeTakeFirstOrThrow();

  it("adds the nine usual national dates of 2570 once, provisional and keyed", async () => {
    expect(await ensureNationalCalendar(h.db, 2570)).toBe(9);
    const rows = await h.db
      .selectFrom("milestones")
      .select(["key", "agency_id", "provisional", "created_by", "fiscal_year"])
      .where("fiscal_year", "=", 2570)
      .where("agency_id", "is", null)
      .execute();
    expect(rows.map((r) => r.key).sort()).toEqual([...NATIONAL_KEYS].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ agency_id: null, provisional: true, created_by: TYPICAL_CALENDAR_LABEL });
    }
    expect(
      await h.db.selectFrom("fiscal_years").select("year").where("year", "=", 2570).executeTakeFirst(),
    ).toEqual({ year: 2570 });

    const before = await milestoneCount();
    expect(await ensureNationalCalendar(h.db, 2570)).toBe(0);
    expect(await milestoneCount()).toBe(before);
  });

  it("lets an agency admin create, move and delete its own date, each audited", async () => {
    const actor = { label: "member:7" };
    const created = await createAgencyMilestone(h.db, adminA, actor, {
      titleTh: "  ประชุมทบทวนข้อมูล OIT ",
      dueOn: "2027-03-15",
    });
    expect(created).toMatchObject({
      agencyId: a,
      fiscalYear: 2570,
      titleTh: "ประชุมทบทวนข้อมูล OIT",
      dueOn: "2027-03-15",
      kind: "agency",
      provisional: false,
      createdBy: "member:7",
    });

    const moved = await updateMilestone(h.db, adminA, actor, created.id, {
      dueOn: "2027-03-22",
      titleTh: "ประชุมทบทวนข้อมูล OIT ครั้งที่ ๒",
    });
    expect(moved).toMatchObject({
      id: created.id,
      dueOn: "2027-03-22",
      titleTh: "ประชุมทบทวนข้อมูล OIT ครั้งที่ ๒",
    });

    await deleteAgencyMilestone(h.db, adminA, actor, created.id);
    expect(await h.db.selectFrom("milestones").select("id").where("id", "=", created.id).execute()).toEqual(
      [],
    );

    const audits = await milestoneAudits(created.id);
    expect(audits).toEqual([
      {
        agency_id: a,
        actor: "member:7",
        action: "milestone.create",
        entity: "milestone",
        entity_id: String(created.id),
        before: null,
        after: { date: "2027-03-15", title: "ประชุมทบทวนข้อมูล OIT" },
      },
      {
        agency_id: a,
        actor: "member:7",
        action: "milestone.update",
        entity: "milestone",
        entity_id: String(created.id),
        before: { date: "2027-03-15", title: "ประชุมทบทวนข้อมูล OIT", provisional: false },
        after: { date: "2027-03-22", title: "ประชุมทบทวนข้อมูล OIT ครั้งที่ ๒", provisional: false },
      },
      {
        agency_id: a,
        actor: "member:7",
        action: "milestone.delete",
        entity: "milestone",
        entity_id: String(created.id),
        before: { date: "2027-03-22", title: "ประชุมทบทวนข้อมูล OIT ครั้งที่ ๒" },
        after: null,
      },
    ]);
  });

  it("puts an agency date in the fiscal year its date falls in, and moves it with the date", async () => {
    const created = await createAgencyMilestone(
      h.db,
      adminA,
      { label: "cli" },
      {
        titleTh: "ส่งแผนปฏิบัติการ",
        dueOn: "2026-09-30",
      },
    );
    expect(created.fiscalYear).toBe(2569);
    const moved = await updateMilestone(h.db, adminA, { label: "cli" }, created.id, { dueOn: "2026-10-01" });
    expect(moved.fiscalYear).toBe(2570);
    await deleteAgencyMilestone(h.db, adminA, { label: "cli" }, created.id);
  });

  it("refuses an editor or a viewer, writing nothing", async () => {
    const own = await createAgencyMilestone(
      h.db,
      adminA,
      { label: "cli" },
      {
        titleTh: "วันของหน่วยงาน",
        dueOn: "2027-05-01",
      },
    );
    const before = { milestones: await milestoneCount(), audits: await auditCount() };
    for (const role of ["editor", "viewer"] as const) {
      const scope: AgencyScope = { agencyId: a, role };
      await expect(
        createAgencyMilestone(h.db, scope, { label: "member:2" }, { titleTh: "x", dueOn: "2027-05-02" }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        updateMilestone(h.db, scope, { label: "member:2" }, own.id, { dueOn: "2027-05-09" }),
      ).rejects.toThrow(ForbiddenError);
      await expect(deleteAgencyMilestone(h.db, scope, { label: "member:2" }, own.id)).rejects.toThrow(
        ForbiddenError,
      );
    }
    expect({ milestones: await milestoneCount(), audits: await auditCount() }).toEqual(before);
    const [row] = await h.db
      .selectFrom("milestones")
      .select(["due_on", "title"])
      .where("id", "=", own.id)
      .execute();
    expect(row).toEqual({ due_on: "2027-05-01", title: "วันของหน่วยงาน" });
  });

  it("does not find another agency's date or a national one for an agency", async () => {
    await ensureNationalCalendar(h.db, 2570);
    const ofA = await createAgencyMilestone(
      h.db,
      adminA,
      { label: "cli" },
      {
        titleTh: "วันของหน่วยงานหนึ่ง",
        dueOn: "2027-06-01",
      },
    );
    const results = await national(2570, "results");
    const before = { milestones: await milestoneCount(), audits: await auditCount() };

    await expect(
      updateMilestone(h.db, adminB, { label: "member:9" }, ofA.id, { dueOn: "2027-06-05" }),
    ).rejects.toThrow(NotFoundError);
    await expect(deleteAgencyMilestone(h.db, adminB, { label: "member:9" }, ofA.id)).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      updateMilestone(h.db, adminA, { label: "member:7" }, results.id, { dueOn: "2027-08-01" }),
    ).rejects.toThrow(NotFoundError);
    await expect(deleteAgencyMilestone(h.db, adminA, { label: "member:7" }, results.id)).rejects.toThrow(
      NotFoundError,
    );
    // A trusted process acting for one agency is still held to that agency.
    await expect(
      updateMilestone(h.db, { agencyId: b, role: "system" }, { label: "cli" }, ofA.id, {
        dueOn: "2027-06-05",
      }),
    ).rejects.toThrow(NotFoundError);

    expect({ milestones: await milestoneCount(), audits: await auditCount() }).toEqual(before);
    expect((await national(2570, "results")).due_on).toBe(results.due_on);
    expect(
      (
        await h.db
          .selectFrom("milestones")
          .select("due_on")
          .where("id", "=", ofA.id)
          .executeTakeFirstOrThrow()
      ).due_on,
    ).toBe("2027-06-01");
  });

  it("lets the system move a national date, which then stops being provisional", async () => {
    await ensureNationalCalendar(h.db, 2571);
    const results = await national(2571, "results");
    expect(results).toMatchObject({ due_on: "2028-08-15", provisional: true });

    const moved = await updateMilestone(h.db, "system", { label: "cli" }, results.id, {
      dueOn: "2028-08-20",
    });
    expect(moved).toMatchObject({
      agencyId: null,
      key: "results",
      fiscalYear: 2571,
      dueOn: "2028-08-20",
      provisional: false,
    });
    expect((await milestoneAudits(results.id)).at(-1)).toEqual({
      agency_id: null,
      actor: "cli",
      action: "milestone.update",
      entity: "milestone",
      entity_id: String(results.id),
      before: { date: "2028-08-15", title: results.title, provisional: true },
      after: { date: "2028-08-20", title: results.title, provisional: false },
    });

    // Renaming alone does not make the usual pattern an announced date.
    const survey = await national(2571, "survey");
    const renamed = await updateMilestone(h.db, "system", { label: "cli" }, survey.id, {
      titleTh: "ITA ๒๕๗๑: ช่วงตอบแบบวัด IIT และ EIT",
    });
    expect(renamed).toMatchObject({ titleTh: "ITA ๒๕๗๑: ช่วงตอบแบบวัด IIT และ EIT", provisional: true });

    // And ensureNationalCalendar does not put the usual date back.
    expect(await ensureNationalCalendar(h.db, 2571)).toBe(0);
    expect((await national(2571, "results")).due_on).toBe("2028-08-20");
  });

  it("refuses a date not written YYYY-MM-DD and an empty title, writing nothing", async () => {
    const own = await createAgencyMilestone(
      h.db,
      adminA,
      { label: "cli" },
      {
        titleTh: "วันทดสอบรูปแบบวันที่",
        dueOn: "2027-07-01",
      },
    );
    const before = { milestones: await milestoneCount(), audits: await auditCount() };
    for (const dueOn of ["2027-7-1", "01/07/2027", "๒๕๗๐-๐๗-๐๑", ""]) {
      await expect(
        createAgencyMilestone(h.db, adminA, { label: "cli" }, { titleTh: "วันผิด", dueOn }),
        `createAgencyMilestone dueOn ${JSON.stringify(dueOn)}`,
      ).rejects.toThrow(ValidationError);
      await expect(
        updateMilestone(h.db, adminA, { label: "cli" }, own.id, { dueOn }),
        `updateMilestone dueOn ${JSON.stringify(dueOn)}`,
      ).rejects.toThrow(ValidationError);
    }
    await expect(
      createAgencyMilestone(
        h.db,
        adminA,
        { label: "cli" },
        { titleTh: "วันผิด", dueOn: "2027-07-02", startsOn: "พรุ่งนี้" },
      ),
    ).rejects.toThrow(ValidationError);
    await expect(
      createAgencyMilestone(h.db, adminA, { label: "cli" }, { titleTh: "   ", dueOn: "2027-07-02" }),
    ).rejects.toThrow(ValidationError);
    expect({ milestones: await milestoneCount(), audits: await auditCount() }).toEqual(before);
  });

  it("refuses a well-formed date that is not in the calendar (30 February, month 13) as a ValidationError", async () => {
    const own = await createAgencyMilestone(
      h.db,
      adminA,
      { label: "cli" },
      {
        titleTh: "วันทดสอบวันที่ในปฏิทิน",
        dueOn: "2027-07-01",
      },
    );
    const before = { milestones: await milestoneCount(), audits: await auditCount() };
    for (const dueOn of ["2027-02-30", "2027-13-01"]) {
      await expect(
        createAgencyMilestone(h.db, adminA, { label: "cli" }, { titleTh: "วันผิด", dueOn }),
        `createAgencyMilestone dueOn ${dueOn}`,
      ).rejects.toThrow(ValidationError);
      await expect(
        updateMilestone(h.db, adminA, { label: "cli" }, own.id, { dueOn }),
        `updateMilestone dueOn ${dueOn}`,
      ).rejects.toThrow(ValidationError);
    }
    expect({ milestones: await milestoneCount(), audits: await auditCount() }).toEqual(before);
  });

  it("refuses to move a date's start after its due date, or its due date before its start", async () => {
    const own = await createAgencyMilestone(
      h.db,
      adminA,
      { label: "cli" },
      {
        titleTh: "ช่วงรับฟังความเห็น",
        dueOn: "2027-07-15",
        startsOn: "2027-07-01",
      },
    );
    expect(own).toMatchObject({ startsOn: "2027-07-01", dueOn: "2027-07-15" });
    const before = { milestones: await milestoneCount(), audits: await auditCount() };
    await expect(
      updateMilestone(h.db, adminA, { label: "cli" }, own.id, { startsOn: "2027-07-20" }),
    ).rejects.toThrow(ValidationError);
    await expect(
      updateMilestone(h.db, adminA, { label: "cli" }, own.id, { dueOn: "2027-06-30" }),
    ).rejects.toThrow(ValidationError);
    expect({ milestones: await milestoneCount(), audits: await auditCount() }).toEqual(before);
  });

  it("refuses to create a date whose start is after its due date, writing nothing", async () => {
    const before = { milestones: await milestoneCount(), audits: await auditCount() };
    await expect(
      createAgencyMilestone(
        h.db,
        adminA,
        { label: "cli" },
        {
          titleTh: "ช่วงกลับด้าน",
          dueOn: "2027-07-15",
          startsOn: "2027-07-20",
        },
      ),
    ).rejects.toThrow(ValidationError);
    expect({ milestones: await milestoneCount(), audits: await auditCount() }).toEqual(before);
  });

  it("gives an agency the national dates and only its own, by date", async () => {
    await ensureNationalCalendar(h.db, 2570);
    const mine = await createAgencyMilestone(
      h.db,
      adminA,
      { label: "cli" },
      {
        titleTh: "วันปฏิทินของหน่วยงานหนึ่ง",
        dueOn: "2027-04-10",
      },
    );
    const theirs = await createAgencyMilestone(
      h.db,
      adminB,
      { label: "cli" },
      {
        titleTh: "วันปฏิทินของหน่วยงานสอง",
        dueOn: "2027-04-11",
      },
    );
    const calendar = await calendarFor(h.db, adminA, [2570]);
    const ids = calendar.map((m) => m.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(
      calendar
        .filter((m) => m.agencyId === null)
        .map((m) => m.key)
        .sort(),
    ).toEqual([...NATIONAL_KEYS].sort());
    expect(calendar.every((m) => m.agencyId === null || m.agencyId === a)).toBe(true);
    expect(calendar.every((m) => m.fiscalYear === 2570)).toBe(true);
    const dates = calendar.map((m) => m.dueOn);
    expect(dates).toEqual([...dates].sort());

    const forB = await calendarFor(h.db, adminB, [2570]);
    expect(forB.map((m) => m.id)).toContain(theirs.id);
    expect(forB.map((m) => m.id)).not.toContain(mine.id);
    expect(await calendarFor(h.db, adminA, [])).toEqual([]);
  });

  it("finds the national results date of a year", async () => {
    await ensureNationalCalendar(h.db, 2570);
    const calendar = await calendarFor(h.db, adminA, [2570]);
    expect(resultsDateIn(calendar, 2570)).toBe("2027-08-15");
    expect(resultsDateIn(calendar, 2569)).toBeUndefined();
    // An agency's own date is never the results date, whatever it is called.
    const ownResults = { ...calendar.find((m) => m.key === "results")!, agencyId: a, dueOn: "2027-01-01" };
    expect(resultsDateIn([ownResults], 2570)).toBeUndefined();
  });
});
