import { type Kysely, sql } from "kysely";
import { OPEN_STATUSES } from "../../core/measures/fields.ts";
import type { DueItem } from "../../core/measures/model.ts";
import { LATE_DATE_GRACE_DAYS, OVERDUE_EVERY_DAYS, watermarkKey } from "../../core/measures/plan.ts";
import type { Database } from "../schema.ts";
import { checkDate } from "./measure-checks.ts";
import { effectiveOwnerIds } from "./measure-owners.ts";

type Db = Kysely<Database>;

/** A pair of quiet hours and the digest day of a member who keeps them, at the planning instant. */
export interface DigestDaySlot {
  quietStart: string;
  quietEnd: string;
  /** 'YYYY-MM-DD': digestSlot(…).day. */
  day: string;
}

export interface PendingRemindersQuery {
  /** Steps due in [from, to] (inclusive, 'YYYY-MM-DD'). */
  from: string;
  to: string;
  /** Today in Bangkok: a calendar date more than LATE_DATE_GRACE_DAYS before it is over. */
  today: string;
  /** Every pair of quiet hours in use (quietHourSettings), each with its digest day. */
  slots: readonly DigestDaySlot[];
  /** What a member without settings has (DEFAULT_PREFS). */
  defaults: { leadDays: readonly number[]; quietStart: string; quietEnd: string };
  /** Only agencies whose id is in [first, last]; all of them when omitted. */
  agencies?: { first: number; last: number };
}

export interface PendingReminders {
  /** One per item and member who has a notice of it pending (ownerIds holds that member). */
  items: DueItem[];
  /** watermarkKey → the day of the newest notice recorded, for the items above that have one. */
  watermarks: Map<string, string>;
}

/**
 * SYSTEM JOB ONLY — reads every agency (no AgencyScope): what the reminder planner has to look at
 * now, and no more. Of every item that reminds someone (the same items and owners as always, see
 * below), the pairs of item and member where the member
 *
 * - is active, not muted, still follows the account, and has no digest yet on their digest day
 *   (the slot of their quiet hours), and
 * - has a notice of the item's schedule whose day has come (by their digest day, with their lead
 *   days, weekly while overdue for steps) and is newer than the newest notice recorded for that
 *   schedule (its watermark).
 *
 * Anything else would plan nothing, so a tick on a day when everything has gone out reads almost
 * nothing back. The planner (core/measures/plan.ts) still decides: snoozes, weekly holds and late
 * calendar dates are its rules, not this query's.
 *
 * Items: steps that are neither done nor cancelled, of measures that are neither, owned by
 * effectiveOwnerIds (the step's, else its measure's, else the agency's admins); calendar dates that
 * remind, an agency's own to its admins, a national one to the admins of every agency. Keys are
 * "step:<id>" and "milestone:<id>"; items sorted by due date, agency, key, member.
 */
export async function pendingReminders(db: Db, query: PendingRemindersQuery): Promise<PendingReminders> {
  checkDate("from", query.from);
  checkDate("to", query.to);
  checkDate("today", query.today);
  for (const slot of query.slots) checkDate("slot day", slot.day);
  if (query.slots.length === 0) return { items: [], watermarks: new Map() };
  const days = [...new Set(query.slots.map((s) => s.day))];
  const slotKeys = query.slots.map((s) => `${s.quietStart}-${s.quietEnd}`);
  const { defaults } = query;
  const first = query.agencies?.first ?? 0;
  const last = query.agencies?.last ?? 2_147_483_647;
  const rows = await sql<{
    kind: "step" | "milestone";
    id: number;
    agency_id: number;
    member_id: number;
    title: string;
    measure_title: string | null;
    due_on: string;
    status: DueItem["status"];
    snoozed_until: string | null;
    watermark: string | null;
  }>`
    with
    -- A member's digest may be a multicast row shared with co-owners: its notices name them.
    digested as materialized (
      select o.member_id, o.day from outbox o
       where o.kind = 'digest' and o.day = any(${days}::date[]) and o.member_id is not null
         and o.agency_id between ${first}::int and ${last}::int
      union all
      select n.member_id, o.day from outbox o join notices n on n.outbox_id = o.id
       where o.kind = 'digest' and o.day = any(${days}::date[]) and o.member_id is null
         and o.agency_id between ${first}::int and ${last}::int
    ),
    -- The digest day looked up by quiet hours, an expression rather than a join: joined, the
    -- planner guessed one member and compared every member with every digest.
    member_day as (
      select m.id, m.agency_id, m.role, coalesce(p.lead_days, ${[...defaults.leadDays]}::int[]) as lead_days,
             (${query.slots.map((s) => s.day)}::date[])[array_position(${slotKeys}::text[],
               coalesce(p.quiet_start, ${defaults.quietStart}) || '-' || coalesce(p.quiet_end, ${defaults.quietEnd}))]
               as digest_day
        from members m
        left join member_prefs p on p.member_id = m.id
        left join line_users u on u.line_user_id = m.line_user_id
       where m.active and not coalesce(p.muted, false) and u.following is not false
         and m.agency_id between ${first}::int and ${last}::int
    ),
    recipient as materialized (
      select md.* from member_day md
       where md.digest_day is not null
         and not exists (select 1 from digested d where d.member_id = md.id and d.day = md.digest_day)
    ),
    step_item as (
      select s.id, s.agency_id, s.title, s.due_on, s.status, s.snoozed_until, ms.title as measure_title,
             ${effectiveOwnerIds("s")} as owner_ids
        from measure_steps s
        join measures ms on ms.id = s.measure_id and ms.agency_id = s.agency_id
       where s.agency_id between ${first}::int and ${last}::int
         and s.due_on between ${query.from}::date and ${query.to}::date
         and s.status = any(${[...OPEN_STATUSES]}::text[]) and ms.status = any(${[...OPEN_STATUSES]}::text[])
    ),
    step_pair as (
      select si.*, r.id as member_id, r.digest_day, r.lead_days
        from step_item si
        cross join lateral unnest(si.owner_ids) as o(member_id)
        join recipient r on r.id = o.member_id
    ),
    milestone_pair as (
      select mi.id, r.agency_id, mi.title, mi.due_on, r.id as member_id, r.digest_day, r.lead_days
        from milestones mi
        join recipient r on r.role = 'admin' and (mi.agency_id is null or mi.agency_id = r.agency_id)
       where mi.remind and mi.due_on between ${query.today}::date - ${LATE_DATE_GRACE_DAYS}::int and ${query.to}::date
    )
    select 'step' as kind, sp.id, sp.agency_id, sp.member_id, sp.title, sp.measure_title, sp.due_on::text as due_on,
           sp.status, sp.snoozed_until::text as snoozed_until, w.day::text as watermark
      from step_pair sp
      left join lateral (
        select max(n.day) as day from notices n
         where n.step_id = sp.id and n.member_id = sp.member_id and n.due_on = sp.due_on
      ) w on true
     -- The newest notice of the schedule by the digest day: a lead day or the due day, or the
     -- latest weekly overdue day.
     where greatest(
             (select max(sp.due_on - l) from unnest(sp.lead_days) as l where l >= 0 and sp.due_on - l <= sp.digest_day),
             case when sp.digest_day >= sp.due_on + ${OVERDUE_EVERY_DAYS}::int
                  then sp.due_on + ${OVERDUE_EVERY_DAYS}::int * ((sp.digest_day - sp.due_on) / ${OVERDUE_EVERY_DAYS}::int) end
           ) > coalesce(w.day, '-infinity'::date)
    union all
    select 'milestone', mp.id, mp.agency_id, mp.member_id, mp.title, null, mp.due_on::text, 'not_started', null,
           w.day::text
      from milestone_pair mp
      left join lateral (
        select max(n.day) as day from notices n
         where n.milestone_id = mp.id and n.member_id = mp.member_id and n.due_on = mp.due_on
      ) w on true
     where (select max(mp.due_on - l) from unnest(mp.lead_days) as l where l >= 0 and mp.due_on - l <= mp.digest_day)
           > coalesce(w.day, '-infinity'::date)
  `.execute(db);

  const items: DueItem[] = [];
  const watermarks = new Map<string, string>();
  for (const r of rows.rows) {
    const key = `${r.kind}:${r.id}`;
    items.push(
      r.kind === "step"
        ? {
            key,
            agencyId: r.agency_id,
            title: r.title,
            measureTitle: r.measure_title ?? "",
            dueOn: r.due_on,
            status: r.status,
            ownerIds: [r.member_id],
            ...(r.snoozed_until ? { snoozedUntil: r.snoozed_until } : {}),
          }
        : {
            key,
            agencyId: r.agency_id,
            title: r.title,
            dueOn: r.due_on,
            status: "not_started",
            ownerIds: [r.member_id],
            remindWhenLate: false,
          },
    );
    if (r.watermark !== null) watermarks.set(watermarkKey(r.member_id, key, r.due_on), r.watermark);
  }
  items.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.agencyId - b.agencyId ||
      a.key.localeCompare(b.key, "en", { numeric: true }) ||
      a.ownerIds[0]! - b.ownerIds[0]!,
  );
  return { items, watermarks };
}

/**
 * SYSTEM JOB ONLY: every agency, in blocks of `size` consecutive ids (by rank, whatever the gaps),
 * each as the first and last id, for planning a block at a time.
 */
export async function agencyBlocks(db: Db, size: number): Promise<{ first: number; last: number }[]> {
  const { rows } = await sql<{ first: number; last: number }>`
    select min(id) as first, max(id) as last
      from (select id, (row_number() over (order by id) - 1) / ${size}::int as block from agencies) a
     group by block order by first`.execute(db);
  return rows;
}

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
