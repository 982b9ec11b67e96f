import type { Kysely } from "kysely";
import { runStatements } from "./statements.ts";

// Plain SQL both PostgreSQL 15 (CI, production) and PGlite (Postgres 18) accept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table agencies (
      id serial primary key,
      code text not null unique,
      name_th text not null,
      agency_type text not null,
      province text not null,
      district text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table fiscal_years (
      year int primary key check (year between 2500 and 2700),
      starts_on date not null,
      ends_on date not null
    );

    create table assessments (
      id serial primary key,
      agency_id int not null references agencies(id),
      fiscal_year int not null references fiscal_years(year),
      agency_type text not null,
      province text not null,
      total numeric(5,2) check (total between 0 and 100),
      total_source text check (total_source in ('imported', 'entered', 'computed')),
      total_computed numeric(5,2),
      level text,
      level_reported text,
      reported_rank int check (reported_rank > 0),
      mismatches jsonb not null default '[]',
      updated_at timestamptz not null default now(),
      unique (agency_id, fiscal_year),
      unique (id, agency_id)
    );
    create index assessments_rank_national on assessments (fiscal_year, agency_type, total desc);
    create index assessments_rank_province on assessments (fiscal_year, agency_type, province, total desc);

    -- One composite key to the assessment: a score cannot belong to another agency than its
    -- assessment, and bulk imports pay for one foreign-key check per row instead of two.
    create table scores (
      assessment_id int not null,
      agency_id int not null,
      kind text not null check (kind in ('item', 'sub', 'indicator', 'part', 'tool')),
      code text not null,
      value numeric(5,2) not null check (value between 0 and 100),
      source text not null check (source in ('imported', 'entered', 'computed')),
      computed numeric(5,2),
      primary key (assessment_id, kind, code),
      foreign key (assessment_id, agency_id) references assessments (id, agency_id) on delete cascade
    );

    create table members (
      id serial primary key,
      agency_id int not null references agencies(id),
      line_user_id text not null,
      display_name text,
      role text not null check (role in ('admin', 'editor', 'viewer')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      unique (agency_id, line_user_id)
    );
    create index members_line_user on members (line_user_id);

    create table measures (
      id serial primary key,
      agency_id int not null references agencies(id),
      fiscal_year int not null references fiscal_years(year),
      seq int not null,
      title text not null check (length(title) between 1 and 500),
      indicators int[] not null default '{}',
      items text[] not null default '{}',
      method text not null default '',
      responsible_unit text not null default '',
      period_text text,
      period_start date,
      period_end date,
      follow_up text not null default 'monthly'
        check (follow_up in ('monthly', 'quarterly', 'six_monthly', 'yearly', 'none')),
      status text not null default 'not_started'
        check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
      progress int not null default 0 check (progress between 0 and 100),
      result_summary text not null default '',
      outcome text not null default '',
      suggestions text not null default '',
      evidence_links text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (agency_id, fiscal_year, seq)
    );

    create table measure_steps (
      id serial primary key,
      measure_id int not null references measures(id) on delete cascade,
      agency_id int not null references agencies(id),
      seq int not null,
      title text not null,
      due_on date,
      responsible_unit text,
      status text not null default 'not_started'
        check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
      progress int not null default 0 check (progress between 0 and 100),
      note text not null default '',
      evidence_url text,
      done_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (measure_id, seq)
    );
    create index measure_steps_due on measure_steps (agency_id, due_on) where status in ('not_started', 'in_progress');

    create table measure_owners (
      measure_id int not null references measures(id) on delete cascade,
      member_id int not null references members(id),
      agency_id int not null references agencies(id),
      primary key (measure_id, member_id)
    );

    create table step_owners (
      step_id int not null references measure_steps(id) on delete cascade,
      member_id int not null references members(id),
      agency_id int not null references agencies(id),
      primary key (step_id, member_id)
    );

    create table audit_log (
      id bigserial primary key,
      agency_id int references agencies(id),
      member_id int references members(id),
      actor text not null,
      action text not null,
      entity text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      at timestamptz not null default now()
    );
    create index audit_log_agency_at on audit_log (agency_id, at desc);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table audit_log, step_owners, measure_owners, measure_steps, measures, members,
      scores, assessments, fiscal_years, agencies`,
  );
}
