import { type Kysely, type RawBuilder, sql } from "kysely";
import { ValidationError } from "../errors.ts";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";

// Who owns a measure or a step (tables measure_owners and step_owners), and so who answers for a
// step: the one rule the reminders and the status notices both follow.

type Db = Kysely<Database>;

/** Owners that are not (or no longer) active members of the agency; the form can point at them. */
export class NotMembersError extends ValidationError {
  constructor(readonly missing: number[]) {
    super(`not active members of this agency: ${missing.join(", ")}`);
  }
}

/** Owners must be active members of the scope's agency. */
export async function checkOwners(
  db: Db,
  agencyId: number,
  ownerIds: number[] | undefined,
): Promise<number[]> {
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

/** Sets the owners of a measure or a step to ownerIds (already checked by checkOwners). */
export async function replaceOwners(
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

/** The owners of a measure or a step as stored, in id order (for the audit row of a change). */
export async function ownerIdsOf(
  trx: Db,
  table: "measure_owners" | "step_owners",
  agencyId: number,
  id: number,
) {
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

/**
 * Who answers for a step: its own owners, else its measure's, else its agency's admins; at each
 * level only active members of the step's own agency count (an owner who left passes the step up a
 * level; an owner row naming someone elsewhere never counts). Member ids in order, as one int[]
 * column of a query over measure_steps under the alias `step`.
 */
export function effectiveOwnerIds(step: string): RawBuilder<number[]> {
  const id = sql.ref(`${step}.id`);
  const measureId = sql.ref(`${step}.measure_id`);
  const agencyId = sql.ref(`${step}.agency_id`);
  // Aliases no caller uses for its step, so the subqueries never shadow it.
  return sql<number[]>`coalesce(
    (select array_agg(own_so.member_id order by own_so.member_id)
       from step_owners own_so join members own_sm on own_sm.id = own_so.member_id
      where own_so.step_id = ${id} and own_so.agency_id = ${agencyId}
        and own_sm.agency_id = ${agencyId} and own_sm.active),
    (select array_agg(own_mo.member_id order by own_mo.member_id)
       from measure_owners own_mo join members own_mm on own_mm.id = own_mo.member_id
      where own_mo.measure_id = ${measureId} and own_mo.agency_id = ${agencyId}
        and own_mm.agency_id = ${agencyId} and own_mm.active),
    (select array_agg(own_a.id order by own_a.id)
       from members own_a
      where own_a.agency_id = ${agencyId} and own_a.role = 'admin' and own_a.active),
    '{}')`;
}

/** Who answers for a step of the scope's agency (effectiveOwnerIds); undefined when it has no such step. */
export async function effectiveStepOwners(
  db: Db,
  scope: AgencyScope,
  stepId: number,
): Promise<number[] | undefined> {
  const row = await db
    .selectFrom("measure_steps as s")
    .select(effectiveOwnerIds("s").as("owner_ids"))
    .where("s.agency_id", "=", scope.agencyId)
    .where("s.id", "=", stepId)
    .executeTakeFirst();
  return row?.owner_ids;
}
