import type { Kysely } from "kysely";
import { OPEN_STATUSES } from "../../core/measures/fields.ts";
import type { DueItem } from "../../core/measures/model.ts";
import type { Database } from "../schema.ts";
import { checkDate } from "./measure-checks.ts";
import { push } from "./measure-rows.ts";

type Db = Kysely<Database>;

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
      .where("s.status", "in", OPEN_STATUSES)
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
          .where("s.status", "in", OPEN_STATUSES),
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
