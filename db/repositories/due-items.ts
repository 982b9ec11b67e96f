import type { Kysely } from "kysely";
import { OPEN_STATUSES } from "../../core/measures/fields.ts";
import type { DueItem } from "../../core/measures/model.ts";
import type { Database } from "../schema.ts";
import { checkDate } from "./measure-checks.ts";
import { effectiveOwnerIds } from "./measure-owners.ts";

type Db = Kysely<Database>;

/**
 * SYSTEM JOB ONLY — reads every agency (no AgencyScope): what the reminder planner may remind
 * people of with a due date in [from, to] (inclusive, 'YYYY-MM-DD').
 *
 * - Steps that are neither done nor cancelled, of measures that are neither done nor cancelled.
 *   Owners: effectiveOwnerIds (the step's, else its measure's, else the agency's admins).
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
      "s.title",
      "s.due_on",
      "s.status",
      "s.snoozed_until",
      "ms.title as measure_title",
      effectiveOwnerIds("s").as("owner_ids"),
    ])
    .where("s.due_on", ">=", from)
    .where("s.due_on", "<=", to)
    .where("s.status", "in", OPEN_STATUSES)
    .where("ms.status", "in", OPEN_STATUSES)
    .execute();
  const milestones = await db
    .selectFrom("milestones")
    .select(["id", "agency_id", "title", "due_on"])
    .where("due_on", ">=", from)
    .where("due_on", "<=", to)
    .where("remind", "=", true)
    .execute();

  const admins = new Map<number, number[]>();
  if (milestones.length > 0) {
    let query = db
      .selectFrom("members")
      .select(["id", "agency_id"])
      .where("role", "=", "admin")
      .where("active", "=", true)
      .orderBy("id");
    if (!milestones.some((m) => m.agency_id === null)) {
      query = query.where("agency_id", "in", [...new Set(milestones.flatMap((m) => m.agency_id ?? []))]);
    }
    for (const r of await query.execute()) {
      const list = admins.get(r.agency_id);
      if (list) list.push(r.id);
      else admins.set(r.agency_id, [r.id]);
    }
  }

  const items: DueItem[] = [];
  for (const s of steps) {
    items.push({
      key: `step:${s.id}`,
      agencyId: s.agency_id,
      title: s.title,
      measureTitle: s.measure_title,
      dueOn: s.due_on!,
      status: s.status,
      ownerIds: s.owner_ids,
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
        ownerIds: admins.get(agencyId) ?? [],
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
