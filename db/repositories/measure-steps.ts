import { type Kysely, sql, type Updateable } from "kysely";
import type { NewStep, Step, StepPatch } from "../../core/measures/measure.ts";
import { changedFields, recordChange } from "../audit.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { Database, MeasureStepsTable } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";
import { inTransaction } from "../transaction.ts";
import { assertCanWrite, checkStepFields, checkTitle } from "./measure-checks.ts";
import { checkOwners, ownerIdsOf, replaceOwners } from "./measure-owners.ts";
import { definedOnly, STEP_COLUMNS, type StepFields, toStep } from "./measure-rows.ts";
import { recomputeMeasureIn } from "./measures.ts";

// The steps (ขั้นตอน) of an agency's measures: reading one, changing it, adding one after the
// last, deleting one planned by mistake. Every function takes an AgencyScope and never reads or
// writes outside its agency: another agency's step is "not found". Each write is one transaction
// with its audit row; asked to, the measure follows its steps in the same transaction.

type Db = Kysely<Database>;

/** The agency's step, locked for the rest of the transaction; NotFoundError when it has none such. */
async function lockedStep(trx: Db, agencyId: number, stepId: number) {
  const row = await trx
    .selectFrom("measure_steps")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", stepId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError("step", stepId);
  return row;
}

/** A step with recorded work (status, progress, note or evidence) is cancelled, not deleted. */
export class StepInUseError extends Error {
  override readonly name = "StepInUseError";
  constructor(readonly stepId: number) {
    super(`step ${stepId} has recorded work`);
  }
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
    const row = await lockedStep(trx, agencyId, stepId);
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
    if (options.recomputeMeasure) await recomputeMeasureIn(trx, actor, agencyId, row.measure_id);
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
    if (options.recomputeMeasure) await recomputeMeasureIn(trx, actor, agencyId, measureId);
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
    const row = await lockedStep(trx, agencyId, stepId);
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
    if (options.recomputeMeasure) await recomputeMeasureIn(trx, actor, agencyId, row.measure_id);
  });
}
