import { type Kysely, sql } from "kysely";
import { addDays } from "../../core/thai/date.ts";
import { fiscalYearRange } from "../../core/thai/fiscal-year.ts";
import type { Database } from "../schema.ts";
import { generateAgencies } from "./generate.ts";
import { DEMO_MEASURES } from "./seed-measures.ts";

// The reminders benchmark's country: every agency with six members, eight measures of four steps
// for one fiscal year, owners, default reminder settings. Built in TypeScript with fixed ids and
// written with a few unnest() inserts, so the benchmark knows every row without reading it back
// and a national load takes seconds.

export const MEMBERS_PER_AGENCY = 6;
export const MEASURES_PER_AGENCY = 8;
export const STEPS_PER_MEASURE = 4;

export interface ReminderWorld {
  fiscalYear: number;
  agencies: { id: number; code: string; nameTh: string; type: string; province: string; district: string }[];
  members: { id: number; agencyId: number; lineUserId: string; role: "admin" | "editor" | "viewer" }[];
  measures: { id: number; agencyId: number; seq: number; title: string; ownerId: number }[];
  steps: {
    id: number;
    measureId: number;
    agencyId: number;
    seq: number;
    title: string;
    dueOn: string;
    /** Its own owner; undefined: the measure's. */
    ownerId?: number;
  }[];
}

/**
 * Agency i (from 0) has members 6i+1…6i+6 (the first an admin, the last a viewer), measures
 * 8i+1…8i+8 each owned by one member, and steps whose due dates spread over the year: a measure's
 * four steps 90 days apart from an offset that varies by agency and measure. Odd steps have an
 * owner of their own, so every step has exactly one person to remind.
 */
export function reminderWorld(agencyCount: number, fiscalYear: number): ReminderWorld {
  const start = fiscalYearRange(fiscalYear).start;
  const seed = DEMO_MEASURES.flatMap((a) => a.measures);
  const world: ReminderWorld = { fiscalYear, agencies: [], members: [], measures: [], steps: [] };
  for (const [i, a] of generateAgencies(agencyCount, 2570, "R").entries()) {
    const agencyId = i + 1;
    world.agencies.push({ id: agencyId, ...a });
    for (let j = 0; j < MEMBERS_PER_AGENCY; j++) {
      const id = i * MEMBERS_PER_AGENCY + j + 1;
      world.members.push({
        id,
        agencyId,
        lineUserId: `U${id.toString(16).padStart(32, "0")}`,
        role: j === 0 ? "admin" : j === MEMBERS_PER_AGENCY - 1 ? "viewer" : "editor",
      });
    }
    const member = (k: number) => i * MEMBERS_PER_AGENCY + (k % MEMBERS_PER_AGENCY) + 1;
    for (let m = 0; m < MEASURES_PER_AGENCY; m++) {
      const measureId = i * MEASURES_PER_AGENCY + m + 1;
      const source = seed[(i + m) % seed.length]!;
      world.measures.push({
        id: measureId,
        agencyId,
        seq: m + 1,
        title: source.title,
        ownerId: member(i + m),
      });
      const offset = (i * 37 + m * 11) % 90;
      for (let s = 0; s < STEPS_PER_MEASURE; s++) {
        world.steps.push({
          id: (measureId - 1) * STEPS_PER_MEASURE + s + 1,
          measureId,
          agencyId,
          seq: s + 1,
          title: source.steps[s % source.steps.length]!.title,
          dueOn: addDays(start, offset + s * 90),
          ...(s % 2 === 0 ? { ownerId: member(i + m + 3) } : {}),
        });
      }
    }
  }
  return world;
}

const CHUNK = 20_000;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Writes the world into an empty, migrated database (ids as given; sequences moved past them). */
export async function loadReminderWorld(db: Kysely<Database>, world: ReminderWorld): Promise<void> {
  const range = fiscalYearRange(world.fiscalYear);
  await db
    .insertInto("fiscal_years")
    .values({ year: world.fiscalYear, starts_on: range.start, ends_on: range.end })
    .onConflict((oc) => oc.column("year").doNothing())
    .execute();
  await inChunks(world.agencies, (c) =>
    sql`insert into agencies (id, code, name_th, agency_type, province, district)
        select * from unnest(${c.map((a) => a.id)}::int[], ${c.map((a) => a.code)}::text[],
          ${c.map((a) => a.nameTh)}::text[], ${c.map((a) => a.type)}::text[],
          ${c.map((a) => a.province)}::text[], ${c.map((a) => a.district)}::text[])`.execute(db),
  );
  await inChunks(world.members, (c) =>
    sql`insert into members (id, agency_id, line_user_id, role)
        select * from unnest(${c.map((m) => m.id)}::int[], ${c.map((m) => m.agencyId)}::int[],
          ${c.map((m) => m.lineUserId)}::text[], ${c.map((m) => m.role)}::text[])`.execute(db),
  );
  // Rows at the defaults, as a member who never opened the settings has after the first change.
  await inChunks(world.members, (c) =>
    sql`insert into member_prefs (member_id, agency_id)
        select * from unnest(${c.map((m) => m.id)}::int[], ${c.map((m) => m.agencyId)}::int[])`.execute(db),
  );
  await inChunks(world.measures, (c) =>
    sql`insert into measures (id, agency_id, fiscal_year, seq, title)
        select id, agency_id, ${world.fiscalYear}, seq, title from unnest(${c.map((m) => m.id)}::int[],
          ${c.map((m) => m.agencyId)}::int[], ${c.map((m) => m.seq)}::int[], ${c.map((m) => m.title)}::text[])
          as t(id, agency_id, seq, title)`.execute(db),
  );
  await inChunks(world.measures, (c) =>
    sql`insert into measure_owners (measure_id, member_id, agency_id)
        select * from unnest(${c.map((m) => m.id)}::int[], ${c.map((m) => m.ownerId)}::int[],
          ${c.map((m) => m.agencyId)}::int[])`.execute(db),
  );
  await inChunks(world.steps, (c) =>
    sql`insert into measure_steps (id, measure_id, agency_id, seq, title, due_on)
        select * from unnest(${c.map((s) => s.id)}::int[], ${c.map((s) => s.measureId)}::int[],
          ${c.map((s) => s.agencyId)}::int[], ${c.map((s) => s.seq)}::int[], ${c.map((s) => s.title)}::text[],
          ${c.map((s) => s.dueOn)}::date[])`.execute(db),
  );
  const owned = world.steps.filter((s) => s.ownerId !== undefined);
  await inChunks(owned, (c) =>
    sql`insert into step_owners (step_id, member_id, agency_id)
        select * from unnest(${c.map((s) => s.id)}::int[], ${c.map((s) => s.ownerId!)}::int[],
          ${c.map((s) => s.agencyId)}::int[])`.execute(db),
  );
  for (const table of ["agencies", "members", "measures", "measure_steps"]) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
      db,
    );
  }
}

/** Forgets every notice and message, as before the first tick. */
export async function clearReminders(db: Kysely<Database>): Promise<void> {
  await sql`truncate notices, outbox`.execute(db);
}

/**
 * The notices daily ticks would have recorded by the end of `lastDay` in a year where nobody
 * completes a step, for members at the default settings (7 and 1 days before, on the day, weekly
 * while overdue; weekly digests on Mondays): every notice up to that day, except a 7-day notice
 * still waiting for its Monday. Calendar dates are never chased after their day.
 */
export async function recordYearSoFar(db: Kysely<Database>, lastDay: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Millions of rows whose references hold by construction: no foreign-key trigger per row.
    await sql`set local session_replication_role = replica`.execute(trx);
    const result = await sql`
    with pairs as (
      select o.member_id, s.agency_id, 'step:' || s.id as item_key, s.id as step_id, null::int as milestone_id,
             s.due_on, true as late
        from measure_steps s
        join lateral (select coalesce(
          (select min(member_id) from step_owners where step_id = s.id),
          (select min(member_id) from measure_owners where measure_id = s.measure_id)) as member_id) o on true
       where o.member_id is not null
      union all
      select a.id, a.agency_id, 'milestone:' || m.id, null, m.id, m.due_on, false
        from milestones m join members a on a.role = 'admin' and a.active
       where m.remind and m.agency_id is null
    ),
    schedule as (
      select p.*, k.kind, k.offset_days,
             case k.kind when 'lead' then p.due_on - k.offset_days
                         when 'overdue' then p.due_on + k.offset_days else p.due_on end as day
        from pairs p
        cross join lateral (
          select 'lead' as kind, 7 as offset_days union all select 'lead', 1 union all select 'due', 0
          union all select 'overdue', g * 7 from generate_series(1, 60) g where p.late
        ) k
    )
    insert into notices (dedupe_key, agency_id, member_id, item_key, step_id, milestone_id, kind, day, due_on,
                         superseded)
    select member_id || '|' || item_key || '|' || kind || '|' || offset_days || '|' || due_on,
           agency_id, member_id, item_key, step_id, milestone_id, kind, day, due_on, false
      from schedule
     where day <= ${lastDay}::date
       -- A 7-day notice waits for the next Monday unless the day-before notice came first.
       and not (kind = 'lead' and offset_days = 7 and due_on - 1 > ${lastDay}::date
                and ${lastDay}::date - day < (8 - extract(isodow from day)::int) % 7)`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}

/** Messages by status, for the benchmark's report. */
export async function outboxByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * The peer a planning tick is measured against: the notices it recorded, written again into a
 * table of the same columns with no key, index or check, by multi-row INSERTs of 4,000 rows.
 * Returns the rows written and the milliseconds the INSERTs took.
 */
export async function bareNoticeInsert(db: Kysely<Database>): Promise<{ rows: number; ms: number }> {
  const rows = await db.selectFrom("notices").selectAll().where("outbox_id", "is not", null).execute();
  await sql`drop table if exists bench_bare_notices`.execute(db);
  await sql`create table bench_bare_notices as select * from notices with no data`.execute(db);
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 4_000) {
    await db
      .insertInto("bench_bare_notices" as "notices")
      .values(rows.slice(i, i + 4_000))
      .execute();
  }
  const ms = performance.now() - t0;
  await sql`drop table bench_bare_notices`.execute(db);
  return { rows: rows.length, ms };
}
