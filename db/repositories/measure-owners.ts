import type { Kysely } from "kysely";
import { ValidationError } from "../errors.ts";
import type { Database } from "../schema.ts";

// Who owns a measure or a step (tables measure_owners and step_owners): always active members of
// the measure's agency.

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
