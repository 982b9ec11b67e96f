import type { Kysely } from "kysely";
import { runStatements } from "./statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- LINE redelivers events it thinks were not received; one row per webhookEventId answers once.
    create table webhook_events (
      id text primary key,
      event_type text not null,
      line_user_id text,
      redelivery boolean not null default false,
      received_at timestamptz not null default now()
    );
    create index webhook_events_received on webhook_events (received_at);

    -- The code itself is never stored: only its SHA-256, so a database reader cannot join an agency.
    create table invites (
      id serial primary key,
      agency_id int not null references agencies(id),
      code_hash text not null unique,
      role text not null check (role in ('admin', 'editor', 'viewer')),
      max_uses int not null default 1 check (max_uses between 1 and 500),
      uses int not null default 0,
      expires_at timestamptz not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      check (uses <= max_uses)
    );

    -- Failed code attempts per LINE user, so six-digit codes cannot be guessed by brute force.
    create table invite_attempts (
      id bigserial primary key,
      line_user_id text not null,
      at timestamptz not null default now()
    );
    create index invite_attempts_user_at on invite_attempts (line_user_id, at);

    create table line_users (
      line_user_id text primary key,
      display_name text,
      following boolean not null default true,
      updated_at timestamptz not null default now()
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, "drop table line_users, invite_attempts, invites, webhook_events");
}
