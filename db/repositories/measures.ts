import { type Kysely, sql, type Updateable } from "kysely";
import { deriveFromSteps } from "../../core/measures/derive.ts";
import { OPEN_STATUSES } from "../../core/measures/fields.ts";
import type { Measure, MeasureFilter, MeasurePatch, NewMeasure } from "../../core/measures/measure.ts";
import { changedFields, recordChange } from "../audit.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { Database, MeasuresTable } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";
import { inTransaction } from "../transaction.ts";
import { ensureFiscalYear } from "./fiscal-years.ts";
import { assertCanWrite, checkDate, checkMeasureFields, checkStepFields } from "./measure-checks.ts";
import { checkOwners, ownerIdsOf, replaceOwners } from "./measure-owners.ts";
import {
  definedOnly,
  loadMeasures,
  MEASURE_COLUMNS,
  type MeasureFields,
  measureFields,
} from "./measure-rows.ts";

// Measures (มาตรการ) of an agency: listing, creating with their steps, changing, and following
// their steps. Every function takes an AgencyScope and never reads or writes outside its agency:
// another agency's measure is "not found". Each write is one transaction with its audit row.

type Db = Kysely<Database>;

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
      .where("ms.status", "in", OPEN_STATUSES)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("measure_steps as s")
            .select("s.id")
            .whereRef("s.measure_id", "=", "ms.id")
            .where("s.agency_id", "=", agencyId)
            .where("s.due_on", "<", overdueOn)
            .where("s.status", "in", OPEN_STATUSES),
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

/**
 * recomputeMeasure inside the caller's transaction, for a step write that asks the measure to
 * follow (measure-steps.ts): no role check, no read back.
 */
export async function recomputeMeasureIn(trx: Db, actor: Actor, agencyId: number, id: number): Promise<void> {
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
  await inTransaction(db, (trx) => recomputeMeasureIn(trx, actor, scope.agencyId, id));
  return (await loadMeasures(db, scope.agencyId, [id]))[0]!;
}
