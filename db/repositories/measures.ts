import { type Kysely, type Selectable, sql, type Updateable } from "kysely";
import { deriveFromSteps } from "../../core/measures/derive.ts";
import {
  INDICATOR_MAX,
  INDICATOR_MIN,
  isFollowUp,
  isIndicator,
  isProgress,
  isStatus,
  isTitle,
  PROGRESS_MAX,
  PROGRESS_MIN,
  TITLE_MAX,
} from "../../core/measures/fields.ts";
import type {
  Measure,
  MeasureFilter,
  MeasurePatch,
  NewMeasure,
  NewStep,
  Owner,
  Step,
  StepPatch,
} from "../../core/measures/measure.ts";
import type { DueItem, MeasureStatus } from "../../core/measures/model.ts";
import { isIsoDate } from "../../core/thai/date.ts";
import { changedFields, recordChange } from "../audit.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import type { Database, MeasureStepsTable, MeasuresTable } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";
import { ensureFiscalYear } from "./fiscal-years.ts";

// Measures (มาตรการ) and their steps. Every function but dueItemsAcrossAgencies takes an
// AgencyScope and never reads or writes outside its agency: another agency's measure or step is
// "not found". Each write is one transaction together with its audit row.

type Db = Kysely<Database>;

const OPEN: MeasureStatus[] = ["not_started", "in_progress"];

// ---------------------------------------------------------------------------------------------
// Checks

function assertCanWrite(scope: AgencyScope): void {
  if (scope.role === "viewer") throw new ForbiddenError("a viewer cannot change measures");
}

function checkDate(field: string, value: string | null | undefined): void {
  if (value !== undefined && value !== null && !isIsoDate(value)) {
    throw new ValidationError(`${field} must be a date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
}

function checkProgress(value: number | undefined): void {
  if (value !== undefined && !isProgress(value)) {
    throw new ValidationError(
      `progress must be a whole number ${PROGRESS_MIN}–${PROGRESS_MAX}, got ${value}`,
    );
  }
}

function checkStatus(value: MeasureStatus | undefined): void {
  if (value !== undefined && !isStatus(value)) throw new ValidationError(`unknown status ${value}`);
}

function checkTitle(value: string | undefined): void {
  if (value !== undefined && !isTitle(value)) {
    throw new ValidationError(`title must have 1–${TITLE_MAX} characters`);
  }
}

function checkMeasureFields(m: MeasurePatch | NewMeasure): void {
  checkTitle(m.title);
  checkStatus(m.status);
  checkProgress(m.progress);
  checkDate("periodStart", m.periodStart);
  checkDate("periodEnd", m.periodEnd);
  if (m.followUp !== undefined && !isFollowUp(m.followUp)) {
    throw new ValidationError(`unknown follow-up ${m.followUp}`);
  }
  if (m.indicators?.some((i) => !isIndicator(i))) {
    throw new ValidationError(`indicators are numbers ${INDICATOR_MIN}–${INDICATOR_MAX}`);
  }
}

function checkStepFields(s: StepPatch | NewStep): void {
  if ("title" in s) checkTitle(s.title);
  checkStatus(s.status);
  checkProgress(s.progress);
  checkDate("dueOn", s.dueOn);
  checkDate("doneOn", s.doneOn);
  if ("snoozedUntil" in s) checkDate("snoozedUntil", s.snoozedUntil);
  if ("today" in s) checkDate("today", s.today);
}

/** Owners that are not (or no longer) active members of the agency; the form can point at them. */
export class NotMembersError extends ValidationError {
  constructor(readonly missing: number[]) {
    super(`not active members of this agency: ${missing.join(", ")}`);
  }
}

/** A step with recorded work (status, progress, note or evidence) is cancelled, not deleted. */
export class StepInUseError extends Error {
  override readonly name = "StepInUseError";
  constructor(readonly stepId: number) {
    super(`step ${stepId} has recorded work`);
  }
}

/** Owners must be active members of the scope's agency. */
async function checkOwners(db: Db, agencyId: number, ownerIds: number[] | undefined): Promise<number[]> {
  if (!ownerIds?.length) return [];
  const unique = [...new Set(ownerIds)].sort((a, b) => a - b);
  const rows = await db
    .selectFrom("members")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("active", "=", true)
    .where("id", "in", unique)
    .execute();
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new NotMembersError(unique.filter((id) => !found.has(id)));
  }
  return unique;
}

/** Runs fn in a transaction, or in the caller's when db already is one. */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

// ---------------------------------------------------------------------------------------------
// Reading

type MeasureFields = Omit<Measure, "id" | "agencyId" | "fiscalYear" | "seq" | "owners" | "steps">;
type StepFields = Pick<
  Step,
  "title" | "status" | "progress" | "note" | "evidenceUrl" | "doneOn" | "snoozedUntil" | "dueOn"
>;

const MEASURE_COLUMNS: { [K in keyof MeasureFields]: keyof MeasuresTable } = {
  title: "title",
  indicators: "indicators",
  items: "items",
  method: "method",
  responsibleUnit: "responsible_unit",
  periodText: "period_text",
  periodStart: "period_start",
  periodEnd: "period_end",
  followUp: "follow_up",
  status: "status",
  progress: "progress",
  resultSummary: "result_summary",
  outcome: "outcome",
  suggestions: "suggestions",
  evidenceLinks: "evidence_links",
};

const STEP_COLUMNS: { [K in keyof StepFields]: keyof MeasureStepsTable } = {
  title: "title",
  status: "status",
  progress: "progress",
  note: "note",
  evidenceUrl: "evidence_url",
  doneOn: "done_on",
  snoozedUntil: "snoozed_until",
  dueOn: "due_on",
};

function measureFields(row: Selectable<MeasuresTable>): MeasureFields {
  return {
    title: row.title,
    indicators: [...row.indicators],
    items: [...row.items],
    method: row.method,
    responsibleUnit: row.responsible_unit,
    periodText: row.period_text,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    followUp: row.follow_up,
    status: row.status,
    progress: row.progress,
    resultSummary: row.result_summary,
    outcome: row.outcome,
    suggestions: row.suggestions,
    evidenceLinks: [...row.evidence_links],
  };
}

function toStep(row: Selectable<MeasureStepsTable>, owners: Owner[]): Step {
  return {
    id: row.id,
    measureId: row.measure_id,
    seq: row.seq,
    title: row.title,
    dueOn: row.due_on,
    responsibleUnit: row.responsible_unit,
    status: row.status,
    progress: row.progress,
    note: row.note,
    evidenceUrl: row.evidence_url,
    doneOn: row.done_on,
    snoozedUntil: row.snoozed_until,
    owners,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Measures by id with their steps and owners, in the order of ids; all within one agency. */
async function loadMeasures(db: Db, agencyId: number, ids: number[]): Promise<Measure[]> {
  if (ids.length === 0) return [];
  const [rows, steps, measureOwners, stepOwners] = await Promise.all([
    db.selectFrom("measures").selectAll().where("agency_id", "=", agencyId).where("id", "in", ids).execute(),
    db
      .selectFrom("measure_steps")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("measure_id", "in", ids)
      .orderBy("seq")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("measure_owners as o")
      .innerJoin("members as m", "m.id", "o.member_id")
      .select(["o.measure_id as key", "m.id", "m.display_name"])
      .where("o.agency_id", "=", agencyId)
      .where("o.measure_id", "in", ids)
      .orderBy("m.id")
      .execute(),
    db
      .selectFrom("step_owners as o")
      .innerJoin("measure_steps as s", "s.id", "o.step_id")
      .innerJoin("members as m", "m.id", "o.member_id")
      .select(["o.step_id as key", "m.id", "m.display_name"])
      .where("o.agency_id", "=", agencyId)
      .where("s.agency_id", "=", agencyId)
      .where("s.measure_id", "in", ids)
      .orderBy("m.id")
      .execute(),
  ]);
  const ownersOf = (list: { key: number; id: number; display_name: string | null }[]) => {
    const map = new Map<number, Owner[]>();
    for (const o of list) push(map, o.key, { memberId: o.id, displayName: o.display_name });
    return map;
  };
  const mOwners = ownersOf(measureOwners);
  const sOwners = ownersOf(stepOwners);
  const stepsOf = new Map<number, Step[]>();
  for (const s of steps) push(stepsOf, s.measure_id, toStep(s, sOwners.get(s.id) ?? []));
  const byId = new Map(
    rows.map((r): [number, Measure] => [
      r.id,
      {
        id: r.id,
        agencyId: r.agency_id,
        fiscalYear: r.fiscal_year,
        seq: r.seq,
        ...measureFields(r),
        owners: mOwners.get(r.id) ?? [],
        steps: stepsOf.get(r.id) ?? [],
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The agency's measures, newest fiscal year first, then in their order (seq). */
export async function listMeasures(
  db: Db,
  scope: AgencyScope,
  filter: MeasureFilter = {},
): Promise<Measure[]> {
  checkDate("overdueOn", filter.overdueOn);
  const agencyId = scope.agencyId;
  let query = db.selectFrom("measures as ms").select("ms.id").where("ms.agency_id", "=", agencyId);
  if (filter.fiscalYear !== undefined) query = query.where("ms.fiscal_year", "=", filter.fiscalYear);
  if (filter.status !== undefined) query = query.where("ms.status", "=", filter.status);
  if (filter.indicator !== undefined) {
    query = query.where(sql<boolean>`${filter.indicator}::int = any(ms.indicators)`);
  }
  const owner = filter.ownerMemberId;
  if (owner !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("measure_owners as mo")
            .select("mo.member_id")
            .whereRef("mo.measure_id", "=", "ms.id")
            .where("mo.agency_id", "=", agencyId)
            .where("mo.member_id", "=", owner),
        ),
        eb.exists(
          eb
            .selectFrom("step_owners as so")
            .innerJoin("measure_steps as s", "s.id", "so.step_id")
            .select("so.member_id")
            .whereRef("s.measure_id", "=", "ms.id")
            .where("s.agency_id", "=", agencyId)
            .where("so.agency_id", "=", agencyId)
            .where("so.member_id", "=", owner),
        ),
      ]),
    );
  }
  const overdueOn = filter.overdueOn;
  if (overdueOn !== undefined) {
    // A closed (done or cancelled) measure is not overdue, whatever its steps say.
    query = query
      .where("ms.status", "in", OPEN)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("measure_steps as s")
            .select("s.id")
            .whereRef("s.measure_id", "=", "ms.id")
            .where("s.agency_id", "=", agencyId)
            .where("s.due_on", "<", overdueOn)
            .where("s.status", "in", OPEN),
        ),
      );
  }
  const rows = await query.orderBy("ms.fiscal_year", "desc").orderBy("ms.seq").orderBy("ms.id").execute();
  return loadMeasures(
    db,
    agencyId,
    rows.map((r) => r.id),
  );
}

/** One measure of the scope's agency; undefined when there is none with that id there. */
export async function getMeasure(db: Db, scope: AgencyScope, id: number): Promise<Measure | undefined> {
  const [measure] = await loadMeasures(db, scope.agencyId, [id]);
  return measure;
}

/** One step of the scope's agency; undefined when there is none with that id there. */
export async function getStep(db: Db, scope: AgencyScope, stepId: number): Promise<Step | undefined> {
  const row = await db
    .selectFrom("measure_steps")
    .selectAll()
    .where("agency_id", "=", scope.agencyId)
    .where("id", "=", stepId)
    .executeTakeFirst();
  if (!row) return undefined;
  const owners = await db
    .selectFrom("step_owners as o")
    .innerJoin("members as m", "m.id", "o.member_id")
    .select(["m.id", "m.display_name"])
    .where("o.agency_id", "=", scope.agencyId)
    .where("o.step_id", "=", stepId)
    .orderBy("m.id")
    .execute();
  return toStep(
    row,
    owners.map((o) => ({ memberId: o.id, displayName: o.display_name })),
  );
}

// ---------------------------------------------------------------------------------------------
// Writing

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Creates a measure with its steps (numbered in the order given) and owners. A "done" measure or
 * step without a progress gets 100.
 */
export async function createMeasure(
  db: Db,
  scope: AgencyScope,
  actor: Actor,
  input: NewMeasure,
): Promise<Measure> {
  assertCanWrite(scope);
  checkMeasureFields(input);
  if (input.title === undefined) throw new ValidationError("a measure needs a title");
  for (const step of input.steps ?? []) checkStepFields(step);
  if (input.seq !== undefined && !(Number.isInteger(input.seq) && input.seq > 0)) {
    throw new ValidationError("seq is a positive whole number");
  }
  const agencyId = scope.agencyId;
  const id = await inTransaction(db, async (trx) => {
    // One writer per agency at a time, so the next seq is free.
    await trx
      .selectFrom("agencies")
      .select("id")
      .where("id", "=", agencyId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await ensureFiscalYear(trx, input.fiscalYear);
    const ownerIds = await checkOwners(trx, agencyId, input.ownerIds);
    let seq = input.seq;
    if (seq === undefined) {
      const last = await trx
        .selectFrom("measures")
        .select((eb) => eb.fn.max("seq").as("seq"))
        .where("agency_id", "=", agencyId)
        .where("fiscal_year", "=", input.fiscalYear)
        .executeTakeFirst();
      seq = Number(last?.seq ?? 0) + 1;
    }
    const status = input.status ?? "not_started";
    const progress = input.progress ?? (status === "done" ? 100 : 0);
    const row = await trx
      .insertInto("measures")
      .values({
        agency_id: agencyId,
        fiscal_year: input.fiscalYear,
        seq,
        title: input.title,
        indicators: input.indicators ?? [],
        items: input.items ?? [],
        method: input.method ?? "",
        responsible_unit: input.responsibleUnit ?? "",
        period_text: input.periodText ?? null,
        period_start: input.periodStart ?? null,
        period_end: input.periodEnd ?? null,
        follow_up: input.followUp ?? "monthly",
        status,
        progress,
        result_summary: input.resultSummary ?? "",
        outcome: input.outcome ?? "",
        suggestions: input.suggestions ?? "",
        evidence_links: input.evidenceLinks ?? [],
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (ownerIds.length) {
      await trx
        .insertInto("measure_owners")
        .values(ownerIds.map((member_id) => ({ measure_id: row.id, member_id, agency_id: agencyId })))
        .execute();
    }
    const steps: Record<string, unknown>[] = [];
    for (const [i, step] of (input.steps ?? []).entries()) {
      const stepOwners = await checkOwners(trx, agencyId, step.ownerIds);
      const stepStatus = step.status ?? "not_started";
      const inserted = await trx
        .insertInto("measure_steps")
        .values({
          measure_id: row.id,
          agency_id: agencyId,
          seq: i + 1,
          title: step.title,
          due_on: step.dueOn ?? null,
          responsible_unit: step.responsibleUnit ?? null,
          status: stepStatus,
          progress: step.progress ?? (stepStatus === "done" ? 100 : 0),
          note: step.note ?? "",
          evidence_url: step.evidenceUrl ?? null,
          done_on: step.doneOn ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (stepOwners.length) {
        await trx
          .insertInto("step_owners")
          .values(stepOwners.map((member_id) => ({ step_id: inserted.id, member_id, agency_id: agencyId })))
          .execute();
      }
      steps.push({
        id: inserted.id,
        seq: inserted.seq,
        title: inserted.title,
        dueOn: inserted.due_on,
        status: inserted.status,
        ...(stepOwners.length ? { ownerIds: stepOwners } : {}),
      });
    }
    await recordChange(trx, actor, {
      agencyId,
      action: "measure.create",
      entity: "measure",
      entityId: row.id,
      after: { fiscalYear: row.fiscal_year, seq: row.seq, ...measureFields(row), ownerIds, steps },
    });
    return row.id;
  });
  return (await loadMeasures(db, agencyId, [id]))[0]!;
}

async function replaceOwners(
  trx: Db,
  table: "measure_owners" | "step_owners",
  agencyId: number,
  id: number,
  ownerIds: number[],
): Promise<void> {
  if (table === "measure_owners") {
    await trx
      .deleteFrom("measure_owners")
      .where("agency_id", "=", agencyId)
      .where("measure_id", "=", id)
      .execute();
    if (ownerIds.length) {
      await trx
        .insertInto("measure_owners")
        .values(ownerIds.map((member_id) => ({ measure_id: id, member_id, agency_id: agencyId })))
        .execute();
    }
  } else {
    await trx.deleteFrom("step_owners").where("agency_id", "=", agencyId).where("step_id", "=", id).execute();
    if (ownerIds.length) {
      await trx
        .insertInto("step_owners")
        .values(ownerIds.map((member_id) => ({ step_id: id, member_id, agency_id: agencyId })))
        .execute();
    }
  }
}

async function ownerIdsOf(trx: Db, table: "measure_owners" | "step_owners", agencyId: number, id: number) {
  const rows =
    table === "measure_owners"
      ? await trx
          .selectFrom("measure_owners")
          .select("member_id")
          .where("agency_id", "=", agencyId)
          .where("measure_id", "=", id)
          .execute()
      : await trx
          .selectFrom("step_owners")
          .select("member_id")
          .where("agency_id", "=", agencyId)
          .where("step_id", "=", id)
          .execute();
  return rows.map((r) => r.member_id).sort((a, b) => a - b);
}

/** Writes the changed columns of a measure and one audit row; nothing when nothing changes. */
async function writeMeasureChange(
  trx: Db,
  actor: Actor,
  agencyId: number,
  id: number,
  action: string,
  before: MeasureFields & { ownerIds?: number[] },
  after: MeasureFields & { ownerIds?: number[] },
): Promise<void> {
  const changes = changedFields(before, after);
  if (changes.keys.length === 0) return;
  const set: Record<string, unknown> = {};
  for (const key of changes.keys) {
    if (key === "ownerIds") continue;
    set[MEASURE_COLUMNS[key]] = after[key];
  }
  if (Object.keys(set).length) {
    await trx
      .updateTable("measures")
      .set({ ...(set as Updateable<MeasuresTable>), updated_at: sql`now()` })
      .where("agency_id", "=", agencyId)
      .where("id", "=", id)
      .execute();
  }
  if (changes.keys.includes("ownerIds"))
    await replaceOwners(trx, "measure_owners", agencyId, id, after.ownerIds ?? []);
  await recordChange(trx, actor, {
    agencyId,
    action,
    entity: "measure",
    entityId: id,
    before: changes.before,
    after: changes.after,
  });
}

/**
 * Changes a measure of the scope's agency. Throws ForbiddenError for a viewer, NotFoundError when
 * the agency has no such measure. "done" without a progress sets progress 100. The audit row
 * ("measure.update") holds only the fields that changed.
 */
export async function updateMeasure(
  db: Db,
  scope: AgencyScope,
  actor: Actor,
  id: number,
  patch: MeasurePatch,
): Promise<Measure> {
  assertCanWrite(scope);
  checkMeasureFields(patch);
  const agencyId = scope.agencyId;
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("measures")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError("measure", id);
    const { ownerIds, ...fields } = patch;
    const before: MeasureFields & { ownerIds?: number[] } = measureFields(row);
    const after: MeasureFields & { ownerIds?: number[] } = { ...before, ...definedOnly(fields) };
    if (patch.status === "done" && patch.progress === undefined) after.progress = 100;
    if (ownerIds !== undefined) {
      before.ownerIds = await ownerIdsOf(trx, "measure_owners", agencyId, id);
      after.ownerIds = await checkOwners(trx, agencyId, ownerIds);
    }
    await writeMeasureChange(trx, actor, agencyId, id, "measure.update", before, after);
  });
  return (await loadMeasures(db, agencyId, [id]))[0]!;
}

async function recomputeIn(trx: Db, actor: Actor, agencyId: number, id: number): Promise<void> {
  const row = await trx
    .selectFrom("measures")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError("measure", id);
  const steps = await trx
    .selectFrom("measure_steps")
    .select(["status", "progress"])
    .where("agency_id", "=", agencyId)
    .where("measure_id", "=", id)
    .execute();
  const derived = deriveFromSteps(steps);
  if (!derived) return;
  const before = measureFields(row);
  await writeMeasureChange(trx, actor, agencyId, id, "measure.recompute", before, { ...before, ...derived });
}

/**
 * Sets a measure's status and progress from its steps (deriveFromSteps), with a
 * "measure.recompute" audit row when they change. Only when the caller asks: a measure's own
 * status is otherwise what people set.
 */
export async function recomputeMeasure(
  db: Db,
  scope: AgencyScope,
  actor: Actor,
  id: number,
): Promise<Measure> {
  assertCanWrite(scope);
  await inTransaction(db, (trx) => recomputeIn(trx, actor, scope.agencyId, id));
  return (await loadMeasures(db, scope.agencyId, [id]))[0]!;
}

/**
 * Changes a step of the scope's agency. Throws ForbiddenError for a viewer, NotFoundError when the
 * agency has no such step. Marking it "done" sets progress 100 unless given, and doneOn from
 * patch.doneOn, else the date it was already done on, else patch.today (one of them is needed);
 * leaving "done" clears doneOn unless given. The title can change too (the LIFF plan form; StepPatch
 * leaves it out as the chat and the status form never rename a step). With recomputeMeasure the
 * measure's status and progress follow its steps, in the same transaction. The audit row ("step.update") holds only
 * the fields that changed.
 */
export async function updateStep(
  db: Db,
  scope: AgencyScope,
  actor: Actor,
  stepId: number,
  patch: StepPatch & { title?: string },
  options: { recomputeMeasure?: boolean } = {},
): Promise<Step> {
  assertCanWrite(scope);
  checkStepFields(patch);
  const agencyId = scope.agencyId;
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("measure_steps")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("id", "=", stepId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError("step", stepId);
    const { ownerIds, today, ...fields } = patch;
    const before: StepFields & { ownerIds?: number[] } = {
      title: row.title,
      status: row.status,
      progress: row.progress,
      note: row.note,
      evidenceUrl: row.evidence_url,
      doneOn: row.done_on,
      snoozedUntil: row.snoozed_until,
      dueOn: row.due_on,
    };
    const after: StepFields & { ownerIds?: number[] } = { ...before, ...definedOnly(fields) };
    if (after.status === "done") {
      if (patch.status === "done" && patch.progress === undefined) after.progress = 100;
      if (after.doneOn === null) {
        if (today === undefined) throw new ValidationError("a step marked done needs doneOn or today");
        after.doneOn = today;
      }
    } else if (before.status === "done" && patch.doneOn === undefined) {
      after.doneOn = null;
    }
    if (ownerIds !== undefined) {
      before.ownerIds = await ownerIdsOf(trx, "step_owners", agencyId, stepId);
      after.ownerIds = await checkOwners(trx, agencyId, ownerIds);
    }
    const changes = changedFields(before, after);
    if (changes.keys.length > 0) {
      const set: Record<string, unknown> = {};
      for (const key of changes.keys) {
        if (key !== "ownerIds") set[STEP_COLUMNS[key]] = after[key];
      }
      if (Object.keys(set).length) {
        await trx
          .updateTable("measure_steps")
          .set({ ...(set as Updateable<MeasureStepsTable>), updated_at: sql`now()` })
          .where("agency_id", "=", agencyId)
          .where("id", "=", stepId)
          .execute();
      }
      if (changes.keys.includes("ownerIds")) {
        await replaceOwners(trx, "step_owners", agencyId, stepId, after.ownerIds ?? []);
      }
      await recordChange(trx, actor, {
        agencyId,
        action: "step.update",
        entity: "step",
        entityId: stepId,
        before: changes.before,
        after: changes.after,
      });
    }
    if (options.recomputeMeasure) await recomputeIn(trx, actor, agencyId, row.measure_id);
  });
  return (await getStep(db, scope, stepId))!;
}

/**
 * Adds a step after a measure's last one ("step.create" audit row). Throws ForbiddenError for a
 * viewer, NotFoundError when the agency has no such measure. With recomputeMeasure the measure's
 * status and progress follow its steps, in the same transaction.
 */
export async function addStep(
  db: Db,
  scope: AgencyScope,
  actor: Actor,
  measureId: number,
  input: NewStep,
  options: { recomputeMeasure?: boolean } = {},
): Promise<Step> {
  assertCanWrite(scope);
  checkTitle(input.title);
  checkStepFields(input);
  const agencyId = scope.agencyId;
  const stepId = await inTransaction(db, async (trx) => {
    // Locking the measure serialises writers, so the next seq is free.
    const measure = await trx
      .selectFrom("measures")
      .select("id")
      .where("agency_id", "=", agencyId)
      .where("id", "=", measureId)
      .forUpdate()
      .executeTakeFirst();
    if (!measure) throw new NotFoundError("measure", measureId);
    const ownerIds = await checkOwners(trx, agencyId, input.ownerIds);
    const last = await trx
      .selectFrom("measure_steps")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .where("agency_id", "=", agencyId)
      .where("measure_id", "=", measureId)
      .executeTakeFirst();
    const status = input.status ?? "not_started";
    const row = await trx
      .insertInto("measure_steps")
      .values({
        measure_id: measureId,
        agency_id: agencyId,
        seq: Number(last?.seq ?? 0) + 1,
        title: input.title,
        due_on: input.dueOn ?? null,
        responsible_unit: input.responsibleUnit ?? null,
        status,
        progress: input.progress ?? (status === "done" ? 100 : 0),
        note: input.note ?? "",
        evidence_url: input.evidenceUrl ?? null,
        done_on: input.doneOn ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceOwners(trx, "step_owners", agencyId, row.id, ownerIds);
    await recordChange(trx, actor, {
      agencyId,
      action: "step.create",
      entity: "step",
      entityId: row.id,
      after: { measureId, seq: row.seq, title: row.title, dueOn: row.due_on, status, ownerIds },
    });
    if (options.recomputeMeasure) await recomputeIn(trx, actor, agencyId, measureId);
    return row.id;
  });
  return (await getStep(db, scope, stepId))!;
}

/**
 * Deletes a step planned by mistake, and numbers the later steps of its measure one down
 * ("step.delete" audit row with everything the step held). A step with recorded work (not
 * "not started", progress, a note or evidence) throws StepInUseError: it is cancelled instead, so
 * its history stays. Throws ForbiddenError for a viewer, NotFoundError when the agency has no such
 * step. With recomputeMeasure the measure's status and progress follow its remaining steps.
 */
export async function deleteStep(
  db: Db,
  scope: AgencyScope,
  actor: Actor,
  stepId: number,
  options: { recomputeMeasure?: boolean } = {},
): Promise<void> {
  assertCanWrite(scope);
  const agencyId = scope.agencyId;
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("measure_steps")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("id", "=", stepId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError("step", stepId);
    if (row.status !== "not_started" || row.progress > 0 || row.note !== "" || row.evidence_url !== null) {
      throw new StepInUseError(stepId);
    }
    const ownerIds = await ownerIdsOf(trx, "step_owners", agencyId, stepId);
    await trx
      .deleteFrom("measure_steps")
      .where("agency_id", "=", agencyId)
      .where("id", "=", stepId)
      .execute();
    // One row at a time, lowest first: (measure_id, seq) is unique and checked row by row.
    const later = await trx
      .selectFrom("measure_steps")
      .select(["id", "seq"])
      .where("agency_id", "=", agencyId)
      .where("measure_id", "=", row.measure_id)
      .where("seq", ">", row.seq)
      .orderBy("seq")
      .execute();
    for (const s of later) {
      await trx
        .updateTable("measure_steps")
        .set({ seq: s.seq - 1 })
        .where("agency_id", "=", agencyId)
        .where("id", "=", s.id)
        .execute();
    }
    await recordChange(trx, actor, {
      agencyId,
      action: "step.delete",
      entity: "step",
      entityId: stepId,
      before: {
        measureId: row.measure_id,
        seq: row.seq,
        title: row.title,
        dueOn: row.due_on,
        responsibleUnit: row.responsible_unit,
        status: row.status,
        ownerIds,
      },
    });
    if (options.recomputeMeasure) await recomputeIn(trx, actor, agencyId, row.measure_id);
  });
}

// ---------------------------------------------------------------------------------------------
// The reminder planner's view: every agency at once

/**
 * SYSTEM JOB ONLY — reads every agency (no AgencyScope): what the reminder planner may remind
 * people of with a due date in [from, to] (inclusive, 'YYYY-MM-DD').
 *
 * - Steps that are neither done nor cancelled, of measures that are neither done nor cancelled.
 *   Owners: the step's owners, else its measure's owners, else the agency's admins (only active
 *   members count at each level).
 * - Milestones that remind: an agency's own date goes to that agency's admins; a national one
 *   (no agency) to the admins of every agency, one item per agency that has an active admin.
 *
 * Sorted by due date, agency, key. Keys are "step:<id>" and "milestone:<id>".
 */
export async function dueItemsAcrossAgencies(
  db: Db,
  range: { from: string; to: string },
): Promise<DueItem[]> {
  checkDate("from", range.from);
  checkDate("to", range.to);
  const { from, to } = range;
  const steps = await db
    .selectFrom("measure_steps as s")
    .innerJoin("measures as ms", (j) =>
      j.onRef("ms.id", "=", "s.measure_id").onRef("ms.agency_id", "=", "s.agency_id"),
    )
    .select([
      "s.id",
      "s.agency_id",
      "s.measure_id",
      "s.title",
      "s.due_on",
      "s.status",
      "s.snoozed_until",
      "ms.title as measure_title",
    ])
    .where("s.due_on", ">=", from)
    .where("s.due_on", "<=", to)
    .where("s.status", "in", OPEN)
    .where("ms.status", "in", OPEN)
    .execute();
  const milestones = await db
    .selectFrom("milestones")
    .select(["id", "agency_id", "title", "due_on"])
    .where("due_on", ">=", from)
    .where("due_on", "<=", to)
    .where("remind", "=", true)
    .execute();

  const stepOwners = new Map<number, number[]>();
  const measureOwners = new Map<number, number[]>();
  if (steps.length) {
    // The same conditions again rather than thousands of ids as parameters.
    const rows = await db
      .selectFrom("step_owners as o")
      .innerJoin("measure_steps as s", "s.id", "o.step_id")
      .innerJoin("members as m", (j) =>
        j.onRef("m.id", "=", "o.member_id").onRef("m.agency_id", "=", "o.agency_id"),
      )
      .select(["o.step_id as key", "o.member_id"])
      .where("s.due_on", ">=", from)
      .where("s.due_on", "<=", to)
      .where("s.status", "in", OPEN)
      .where("m.active", "=", true)
      .execute();
    for (const r of rows) push(stepOwners, r.key, r.member_id);
    const mRows = await db
      .selectFrom("measure_owners as o")
      .innerJoin("members as m", (j) =>
        j.onRef("m.id", "=", "o.member_id").onRef("m.agency_id", "=", "o.agency_id"),
      )
      .select(["o.measure_id as key", "o.member_id"])
      .where("m.active", "=", true)
      .where("o.measure_id", "in", (eb) =>
        eb
          .selectFrom("measure_steps as s")
          .select("s.measure_id")
          .where("s.due_on", ">=", from)
          .where("s.due_on", "<=", to)
          .where("s.status", "in", OPEN),
      )
      .execute();
    for (const r of mRows) push(measureOwners, r.key, r.member_id);
  }

  const needsAdmins = steps.length > 0 || milestones.length > 0;
  const admins = new Map<number, number[]>();
  if (needsAdmins) {
    const national = milestones.some((m) => m.agency_id === null);
    let query = db
      .selectFrom("members")
      .select(["id", "agency_id"])
      .where("role", "=", "admin")
      .where("active", "=", true);
    if (!national) {
      const agencyIds = [
        ...new Set([...steps.map((s) => s.agency_id), ...milestones.flatMap((m) => m.agency_id ?? [])]),
      ];
      query = query.where("agency_id", "in", agencyIds);
    }
    for (const r of await query.execute()) push(admins, r.agency_id, r.id);
  }

  const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
  const items: DueItem[] = [];
  for (const s of steps) {
    const own = stepOwners.get(s.id) ?? measureOwners.get(s.measure_id) ?? admins.get(s.agency_id) ?? [];
    items.push({
      key: `step:${s.id}`,
      agencyId: s.agency_id,
      title: s.title,
      measureTitle: s.measure_title,
      dueOn: s.due_on!,
      status: s.status,
      ownerIds: sorted(own),
      ...(s.snoozed_until ? { snoozedUntil: s.snoozed_until } : {}),
    });
  }
  for (const m of milestones) {
    const agencies = m.agency_id === null ? [...admins.keys()] : [m.agency_id];
    for (const agencyId of agencies) {
      items.push({
        key: `milestone:${m.id}`,
        agencyId,
        title: m.title,
        dueOn: m.due_on,
        status: "not_started",
        ownerIds: sorted(admins.get(agencyId) ?? []),
        remindWhenLate: false,
      });
    }
  }
  return items.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.agencyId - b.agencyId ||
      a.key.localeCompare(b.key, "en", { numeric: true }),
  );
}

/** The reminder job's name for dueItemsAcrossAgencies (cross-agency; system use only). */
export const dueItems = dueItemsAcrossAgencies;
