import { type Kysely, sql } from "kysely";
import { runStatements } from "./statements.ts";

// Notices name their item by typed columns and carry their schedule's due date, so the planner
// reads one watermark per schedule (the newest notice day) through an index, and the sender finds
// a digest's steps by id instead of joining on 'step:' || id. See
// docs/decisions/2026-12-07-notice-watermarks.md.

/** A dedupe key as the planner writes it: member|item|kind|offset|due date. */
const KEY = `'^[0-9]+\\|(step|milestone):[0-9]+\\|(lead|due|overdue)\\|[0-9]+\\|[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

/** Runs `statement` where the server was built with lz4 (PostgreSQL's packages are; PGlite is not). */
const withLz4 = (statement: string) =>
  sql.raw(`do $$ begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
      ${statement};
    end if;
  end $$`);

export async function up(db: Kysely<unknown>): Promise<void> {
  // A digest is 5–10 kB of JSON and a national morning queues tens of thousands. Nothing looks
  // inside a queued message: kept as the text it was given (json) it is checked, not converted to
  // jsonb and back, and lz4 compresses it several times faster than the default pglz. Together
  // they halve what the database spends writing a morning's messages.
  await sql.raw("alter table outbox alter column payload type json using payload::json").execute(db);
  await withLz4("alter table outbox alter column payload set compression lz4").execute(db);
  await runStatements(
    db,
    `
    -- No foreign keys: a step or a calendar date may be deleted, and its notices stay as history.
    alter table notices add column step_id int;
    alter table notices add column milestone_id int;
    alter table notices add column due_on date;
    update notices set
        step_id = case when item_key ~ '^step:[0-9]+$' then substring(item_key from 6)::int end,
        milestone_id = case when item_key ~ '^milestone:[0-9]+$' then substring(item_key from 11)::int end,
        due_on = case when dedupe_key ~ ${KEY} then split_part(dedupe_key, '|', 5)::date else day end;
    -- Superseded notices were recorded with their due date as their day; give them their own, so
    -- that the newest day of a schedule is its newest notice, whichever way it was recorded.
    update notices set day = case kind
        when 'lead' then due_on - split_part(dedupe_key, '|', 4)::int
        when 'overdue' then due_on + split_part(dedupe_key, '|', 4)::int
        else due_on end
      where superseded and dedupe_key ~ ${KEY};
    alter table notices alter column due_on set not null;
    alter table notices add constraint notices_one_item check (num_nonnulls(step_id, milestone_id) = 1) not valid;

    -- The planner's look-up: the newest notice of a member's schedule for an item and due date.
    create index notices_step_schedule on notices (step_id, member_id, due_on, day) where step_id is not null;
    create index notices_milestone_schedule on notices (milestone_id, member_id, due_on, day)
      where milestone_id is not null;
    -- The sender's: the notices of the digests it has claimed.
    create index notices_outbox on notices (outbox_id) where outbox_id is not null;
    -- notices_member_day stays: the push forecast reads a few hundred members' keys through it.

    -- Who already has a digest on a day (a multicast row names its members through its notices).
    create index outbox_digest_day on outbox (day) where kind = 'digest';
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await withLz4("alter table outbox alter column payload set compression default").execute(db);
  await sql.raw("alter table outbox alter column payload type jsonb using payload::jsonb").execute(db);
  await runStatements(
    db,
    `
    drop index outbox_digest_day;
    drop index notices_outbox;
    drop index notices_milestone_schedule;
    drop index notices_step_schedule;
    alter table notices drop constraint notices_one_item;
    alter table notices drop column due_on;
    alter table notices drop column milestone_id;
    alter table notices drop column step_id;
    `,
  );
}
