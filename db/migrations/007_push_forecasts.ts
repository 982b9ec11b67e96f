import type { Kysely } from "kysely";
import { runStatements } from "./statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- Each agency's pushes in a coming month, forecast by running the planner ahead
    -- (core/measures/push-forecast.ts): made once per month, a batch of agencies per tick.
    create table push_forecasts (
      month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
      agency_id int not null references agencies(id),
      pushes int not null check (pushes >= 0),
      -- With every member on weekly digests reminded one day ahead; for an agency alone on its account.
      lighter int check (lighter >= 0),
      viewer_pushes int not null default 0 check (viewer_pushes >= 0),
      daily_members int not null default 0 check (daily_members >= 0),
      computed_at timestamptz not null default now(),
      primary key (month, agency_id)
    );

    -- The whole LINE account's month, once every agency has its forecast: the total against the
    -- quota LINE gave then, and when the admins were told (or there was nothing to tell).
    create table push_forecast_months (
      month text primary key check (month ~ '^[0-9]{4}-[0-9]{2}$'),
      pushes int not null check (pushes >= 0),
      agencies int not null check (agencies >= 0),
      quota_limit int,
      used_so_far int,
      decided_at timestamptz not null default now(),
      told_at timestamptz
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, "drop table push_forecast_months, push_forecasts");
}
