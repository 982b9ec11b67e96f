// The ITA calendar: national dates (agency_id null, keyed: "oit-submission") and each agency's
// own. National dates start as the usual pattern (provisional) and become announced ones when an
// operator enters the NACC's date; every change is audited.
import type { Kysely, Selectable } from "kysely";
import type { Milestone } from "../../core/calendar/milestone.ts";
import { typicalCalendar } from "../../core/calendar/typical.ts";
import { fiscalYearOfDate } from "../../core/thai/fiscal-year.ts";
import { recordChange } from "../audit.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import type { Database, MilestonesTable } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";
import { ensureFiscalYear } from "./fiscal-years.ts";

/** Who loaded a national date from the usual pattern rather than the NACC's announcement. */
export const TYPICAL_CALENDAR_LABEL = "typical-calendar (edit to the announced dates)";

export interface StoredMilestone extends Milestone {
  id: number;
  createdBy: string;
}

function toMilestone(r: Selectable<MilestonesTable>): StoredMilestone {
  return {
    id: r.id,
    agencyId: r.agency_id,
    fiscalYear: r.fiscal_year,
    ...(r.key ? { key: r.key } : {}),
    titleTh: r.title,
    ...(r.starts_on ? { startsOn: r.starts_on } : {}),
    dueOn: r.due_on,
    kind: r.kind,
    provisional: r.provisional,
    remind: r.remind,
    createdBy: r.created_by,
  };
}

/**
 * Adds the usual national dates of a fiscal year that are not there yet (by key), provisional.
 * Idempotent: an announced or edited date is never replaced. Returns how many were added.
 */
export async function ensureNationalCalendar(db: Kysely<Database>, fiscalYear: number): Promise<number> {
  const wanted = typicalCalendar(fiscalYear);
  const present = new Set(
    (
      await db
        .selectFrom("milestones")
        .select("key")
        .where("fiscal_year", "=", fiscalYear)
        .where("agency_id", "is", null)
        .where("key", "is not", null)
        .execute()
    ).map((r) => r.key),
  );
  const missing = wanted.filter((m) => !present.has(m.key ?? ""));
  if (missing.length === 0) return 0;
  await ensureFiscalYear(db, fiscalYear);
  const inserted = await db
    .insertInto("milestones")
    .values(
      missing.map((m) => ({
        agency_id: null,
        fiscal_year: m.fiscalYear,
        key: m.key ?? null,
        title: m.titleTh,
        starts_on: m.startsOn ?? null,
        due_on: m.dueOn,
        kind: m.kind,
        provisional: true,
        remind: m.remind,
        created_by: TYPICAL_CALENDAR_LABEL,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(["fiscal_year", "key"])
        .where("agency_id", "is", null)
        .where("key", "is not", null)
        .doNothing(),
    )
    .returning("id")
    .execute();
  return inserted.length;
}

/** The national dates and the agency's own, of the given fiscal years, by date. */
export async function calendarFor(
  db: Kysely<Database>,
  scope: AgencyScope,
  years: readonly number[],
): Promise<StoredMilestone[]> {
  if (years.length === 0) return [];
  const rows = await db
    .selectFrom("milestones")
    .selectAll()
    .where("fiscal_year", "in", years)
    .where((eb) => eb.or([eb("agency_id", "is", null), eb("agency_id", "=", scope.agencyId)]))
    .orderBy("due_on")
    .orderBy("id")
    .execute();
  return rows.map(toMilestone);
}

/** SYSTEM USE ONLY (the CLI): every agency's and the national dates, with the agency's code. */
export async function listAllMilestones(
  db: Kysely<Database>,
  options: { year?: number } = {},
): Promise<(StoredMilestone & { agencyCode: string | null })[]> {
  let q = db
    .selectFrom("milestones as m")
    .leftJoin("agencies as g", "g.id", "m.agency_id")
    .selectAll("m")
    .select("g.code as agency_code");
  if (options.year !== undefined) q = q.where("m.fiscal_year", "=", options.year);
  const rows = await q.orderBy("m.due_on").orderBy("m.id").execute();
  return rows.map((r) => ({ ...toMilestone(r), agencyCode: r.agency_code }));
}

export interface MilestoneInput {
  titleTh: string;
  dueOn: string;
  startsOn?: string | null;
}

/** A day that exists: 'YYYY-MM-DD', and not 30 February or month 13. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function check(input: Partial<MilestoneInput>): void {
  if (input.dueOn !== undefined && !isDay(input.dueOn)) throw new ValidationError("วันที่ไม่ถูกต้อง (YYYY-MM-DD)");
  if (input.startsOn && !isDay(input.startsOn)) throw new ValidationError("วันเริ่มไม่ถูกต้อง (YYYY-MM-DD)");
  if (input.startsOn && input.dueOn && input.startsOn > input.dueOn) {
    throw new ValidationError("วันเริ่มต้องไม่หลังวันครบกำหนด");
  }
  const year = input.dueOn ? fiscalYearOfDate(input.dueOn) : undefined;
  if (year !== undefined && (year < 2500 || year > 2700)) {
    throw new ValidationError("วันที่อยู่นอกช่วงปีงบประมาณที่ระบบรองรับ (พ.ศ. 2500–2700)");
  }
  if (input.titleTh !== undefined && (input.titleTh.trim().length < 1 || input.titleTh.length > 300)) {
    throw new ValidationError("ชื่อวันสำคัญต้องมี 1–300 ตัวอักษร");
  }
}

const auditView = (m: Pick<Milestone, "titleTh" | "dueOn" | "startsOn">) => ({
  date: m.dueOn,
  title: m.titleTh,
  ...(m.startsOn ? { startsOn: m.startsOn } : {}),
});

/** An agency's own date (admins only), in the fiscal year its date falls in. */
export async function createAgencyMilestone(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  input: MilestoneInput,
): Promise<StoredMilestone> {
  if (scope.role !== "admin" && scope.role !== "system")
    throw new ForbiddenError("only admins set agency dates");
  check(input);
  const fiscalYear = fiscalYearOfDate(input.dueOn);
  return db.transaction().execute(async (trx) => {
    await ensureFiscalYear(trx, fiscalYear);
    const row = await trx
      .insertInto("milestones")
      .values({
        agency_id: scope.agencyId,
        fiscal_year: fiscalYear,
        title: input.titleTh.trim(),
        starts_on: input.startsOn ?? null,
        due_on: input.dueOn,
        kind: "agency",
        created_by: actor.label,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toMilestone(row);
    await recordChange(trx, actor, {
      agencyId: scope.agencyId,
      action: "milestone.create",
      entity: "milestone",
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
}

/**
 * Moves or renames a date. An agency's own date: by that agency's admin (scope) or the system.
 * A national date: the system only (the CLI, when the NACC announces it); it stops being
 * provisional once a date is entered.
 */
export async function updateMilestone(
  db: Kysely<Database>,
  scope: AgencyScope | "system",
  actor: Actor,
  id: number,
  patch: Partial<MilestoneInput>,
): Promise<StoredMilestone> {
  check(patch);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("milestones")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    const own = scope !== "system" && before?.agency_id === scope.agencyId;
    if (!before || (scope !== "system" && !own)) throw new NotFoundError("milestone", id);
    if (scope !== "system" && scope.role !== "admin")
      throw new ForbiddenError("only admins change agency dates");
    const dueOn = patch.dueOn ?? before.due_on;
    const startsOn = patch.startsOn === undefined ? before.starts_on : patch.startsOn;
    if (startsOn && startsOn > dueOn) throw new ValidationError("วันเริ่มต้องไม่หลังวันครบกำหนด");
    // An agency's own date moves with its day into that day's fiscal year.
    const fiscalYear = before.agency_id === null ? before.fiscal_year : fiscalYearOfDate(dueOn);
    await ensureFiscalYear(trx, fiscalYear);
    const row = await trx
      .updateTable("milestones")
      .set({
        due_on: dueOn,
        starts_on: startsOn,
        title: patch.titleTh?.trim() ?? before.title,
        fiscal_year: fiscalYear,
        provisional: patch.dueOn !== undefined || patch.startsOn !== undefined ? false : before.provisional,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toMilestone(row);
    const previous = toMilestone(before);
    await recordChange(trx, actor, {
      agencyId: before.agency_id,
      action: "milestone.update",
      entity: "milestone",
      entityId: id,
      before: { ...auditView(previous), provisional: previous.provisional },
      after: { ...auditView(after), provisional: after.provisional },
    });
    return after;
  });
}

/** Removes an agency's own date (its admin); national dates are not removed, only moved. */
export async function deleteAgencyMilestone(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  id: number,
): Promise<void> {
  if (scope.role !== "admin" && scope.role !== "system")
    throw new ForbiddenError("only admins remove agency dates");
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("milestones")
      .selectAll()
      .where("id", "=", id)
      .where("agency_id", "=", scope.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError("milestone", id);
    await trx.deleteFrom("milestones").where("id", "=", id).execute();
    await recordChange(trx, actor, {
      agencyId: scope.agencyId,
      action: "milestone.delete",
      entity: "milestone",
      entityId: id,
      before: auditView(toMilestone(before)),
    });
  });
}

/** When a fiscal year's results are announced (or expected), from its national "results" date. */
export function resultsDateIn(milestones: readonly Milestone[], year: number): string | undefined {
  return milestones.find((m) => m.agencyId === null && m.key === "results" && m.fiscalYear === year)?.dueOn;
}
