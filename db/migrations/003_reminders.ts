import type { Kysely } from "kysely";
import { runStatements } from "./statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table measure_steps add column snoozed_until date;

    -- The ITA calendar as data: national milestones (agency_id null), recurring duties, and an
    -- agency's own dates. Owners of an agency date are its admins unless listed.
    create table milestones (
      id serial primary key,
      agency_id int references agencies(id),
      fiscal_year int not null references fiscal_years(year),
      title text not null check (length(title) between 1 and 300),
      due_on date not null,
      kind text not null check (kind in ('ita', 'duty', 'agency')),
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index milestones_due on milestones (due_on);

    create table member_prefs (
      member_id int primary key references members(id),
      agency_id int not null references agencies(id),
      muted boolean not null default false,
      lead_days int[] not null default '{7,1,0}',
      quiet_start text not null default '20:00' check (quiet_start ~ '^[0-2][0-9]:[0-5][0-9]$'),
      quiet_end text not null default '08:00' check (quiet_end ~ '^[0-2][0-9]:[0-5][0-9]$'),
      frequency text not null default 'weekly' check (frequency in ('daily', 'weekly')),
      weekly_day int not null default 1 check (weekly_day between 0 and 6),
      updated_at timestamptz not null default now()
    );

    -- One message to send, written in the transaction that planned it. A digest is unique per
    -- member and day; the retry key is fixed at insert so a resend after a crash is a no-op at LINE.
    create table outbox (
      id bigserial primary key,
      agency_id int not null references agencies(id),
      member_id int references members(id),
      recipients text[] not null check (cardinality(recipients) between 1 and 500),
      kind text not null check (kind in ('digest', 'status_update', 'quota_warning')),
      day date not null,
      payload jsonb not null,
      retry_key uuid not null unique,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'held', 'dead')),
      attempts int not null default 0,
      send_at timestamptz not null,
      next_attempt_at timestamptz not null,
      claimed_at timestamptz,
      sent_at timestamptz,
      last_error text,
      created_at timestamptz not null default now()
    );
    create unique index outbox_one_digest_a_day on outbox (member_id, day) where kind = 'digest';
    create index outbox_due on outbox (next_attempt_at) where status in ('pending', 'sending');
    create index outbox_held on outbox (id) where status = 'held';

    -- Every notice ever planned (or superseded by a later one), so none is planned twice.
    create table notices (
      dedupe_key text primary key,
      agency_id int not null references agencies(id),
      member_id int not null references members(id),
      item_key text not null,
      kind text not null check (kind in ('lead', 'due', 'overdue')),
      day date not null,
      outbox_id bigint references outbox(id),
      superseded boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index notices_member_day on notices (member_id, day);

    create table quota_warnings (
      month text primary key,
      warned_at timestamptz not null default now()
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table quota_warnings, notices, outbox, member_prefs, milestones;
     alter table measure_steps drop column snoozed_until`,
  );
}
