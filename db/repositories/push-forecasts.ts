import { type Kysely, sql } from "kysely";
import type { PushForecastView } from "../../core/chat/push-forecast-text.ts";
import type { MemberRole } from "../../core/members/roles.ts";
import type { Database } from "../schema.ts";

// SYSTEM JOB ONLY, but for agencyForecast (an admin's own agency): the coming month's push forecasts
// of every agency on the LINE account (bot/jobs/quota-forecast.ts), and what was decided from them.

type Db = Kysely<Database>;

export interface AgencyForecast {
  agencyId: number;
  month: string;
  pushes: number;
  /** With every member weekly and reminded one day ahead; only for an agency alone on its account. */
  lighter?: number;
  viewerPushes: number;
  dailyMembers: number;
}

export interface MonthDecision {
  month: string;
  /** Every agency's forecast added up. */
  pushes: number;
  agencies: number;
  /** The account's monthly limit when decided; undefined: LINE set none. */
  limit?: number;
  /** The month had begun when decided: what the account had used of it. */
  usedSoFar?: number;
  told: boolean;
}

export interface ForecastMember {
  memberId: number;
  agencyId: number;
  role: MemberRole;
  lineUserId: string;
  /** False when the member blocked the account: nothing can be pushed to them. */
  following: boolean;
}

/** What was decided for `month`, if it was. */
export async function monthDecision(db: Db, month: string): Promise<MonthDecision | undefined> {
  const row = await db
    .selectFrom("push_forecast_months")
    .selectAll()
    .where("month", "=", month)
    .executeTakeFirst();
  return row ? decision(row) : undefined;
}

/** Agencies with an active member and no forecast for `month` yet, lowest id first. */
export async function agenciesWithoutForecast(db: Db, month: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("agencies as g")
    .select("g.id")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("members as m")
          .select("m.id")
          .whereRef("m.agency_id", "=", "g.id")
          .where("m.active", "=", true),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("push_forecasts as f")
            .select("f.agency_id")
            .whereRef("f.agency_id", "=", "g.id")
            .where("f.month", "=", month),
        ),
      ),
    )
    .orderBy("g.id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** How many agencies have an active member: the agencies sharing the LINE account. */
export async function agenciesOnAccount(db: Db): Promise<number> {
  const row = await db
    .selectFrom("members")
    .select(sql<number>`count(distinct agency_id)::int`.as("n"))
    .where("active", "=", true)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The active members of these agencies, with their role and whether they still follow the account. */
export async function forecastMembers(db: Db, agencyIds: readonly number[]): Promise<ForecastMember[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom("members as m")
    .leftJoin("line_users as u", "u.line_user_id", "m.line_user_id")
    .select(["m.id", "m.agency_id", "m.role", "m.line_user_id", "u.following"])
    .where("m.agency_id", "in", agencyIds)
    .where("m.active", "=", true)
    .orderBy("m.agency_id")
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({
    memberId: r.id,
    agencyId: r.agency_id,
    role: r.role,
    lineUserId: r.line_user_id,
    following: r.following !== false,
  }));
}

/** Stores agencies' forecasts; a forecast made again replaces the one before. */
export async function saveAgencyForecasts(db: Db, forecasts: readonly AgencyForecast[]): Promise<void> {
  if (forecasts.length === 0) return;
  await db
    .insertInto("push_forecasts")
    .values(
      forecasts.map((f) => ({
        month: f.month,
        agency_id: f.agencyId,
        pushes: f.pushes,
        lighter: f.lighter ?? null,
        viewer_pushes: f.viewerPushes,
        daily_members: f.dailyMembers,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["month", "agency_id"]).doUpdateSet((eb) => ({
        pushes: eb.ref("excluded.pushes"),
        lighter: eb.ref("excluded.lighter"),
        viewer_pushes: eb.ref("excluded.viewer_pushes"),
        daily_members: eb.ref("excluded.daily_members"),
        computed_at: new Date(),
      })),
    )
    .execute();
}

/**
 * Adds up every agency's forecast for `month` against the account's limit, once: whoever decides
 * first wins and a second decider gets the first one's decision.
 */
export async function decideMonth(
  db: Db,
  month: string,
  quota: { limit?: number; usedSoFar?: number },
): Promise<MonthDecision> {
  await db
    .insertInto("push_forecast_months")
    .columns(["month", "pushes", "agencies", "quota_limit", "used_so_far"])
    .expression((eb) =>
      eb
        .selectFrom("push_forecasts")
        .select([
          sql.lit(month).as("month"),
          sql<number>`coalesce(sum(pushes), 0)::int`.as("pushes"),
          sql<number>`count(*)::int`.as("agencies"),
          sql<number | null>`${quota.limit ?? null}::int`.as("quota_limit"),
          sql<number | null>`${quota.usedSoFar ?? null}::int`.as("used_so_far"),
        ])
        .where("month", "=", month),
    )
    .onConflict((oc) => oc.column("month").doNothing())
    .execute();
  return (await monthDecision(db, month))!;
}

/** The admins were told about `month` (or there was nothing to tell). */
export async function markMonthTold(db: Db, month: string, at: Date): Promise<void> {
  await db.updateTable("push_forecast_months").set({ told_at: at }).where("month", "=", month).execute();
}

/** Every agency's forecast for `month`, by agency id. */
export async function agencyForecasts(db: Db, month: string): Promise<AgencyForecast[]> {
  const rows = await db
    .selectFrom("push_forecasts")
    .selectAll()
    .where("month", "=", month)
    .orderBy("agency_id")
    .execute();
  return rows.map(forecast);
}

/**
 * For an admin's settings: the latest decided month from `fromMonth` on for which the agency has a
 * forecast, with the account's decision.
 */
export async function agencyForecast(
  db: Db,
  agencyId: number,
  fromMonth: string,
): Promise<{ agency: AgencyForecast; account: MonthDecision } | undefined> {
  const row = await db
    .selectFrom("push_forecasts as f")
    .innerJoin("push_forecast_months as d", "d.month", "f.month")
    .select([
      "f.month",
      "f.agency_id",
      "f.pushes",
      "f.lighter",
      "f.viewer_pushes",
      "f.daily_members",
      "d.pushes as account_pushes",
      "d.agencies",
      "d.quota_limit",
      "d.used_so_far",
      "d.told_at",
    ])
    .where("f.agency_id", "=", agencyId)
    .where("f.month", ">=", fromMonth)
    .orderBy("f.month", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    agency: forecast(row),
    account: decision({
      month: row.month,
      pushes: row.account_pushes,
      agencies: row.agencies,
      quota_limit: row.quota_limit,
      used_so_far: row.used_so_far,
      told_at: row.told_at,
    }),
  };
}

/** What an agency (or, without one, the whole account) is told about a decided month. */
export function forecastView(decision: MonthDecision, agency?: AgencyForecast): PushForecastView {
  return {
    month: decision.month,
    agencyPushes: agency?.pushes ?? decision.pushes,
    accountPushes: decision.pushes,
    agencies: decision.agencies,
    ...(decision.limit !== undefined ? { limit: decision.limit } : {}),
    ...(decision.usedSoFar !== undefined ? { usedSoFar: decision.usedSoFar } : {}),
    ...(agency
      ? {
          dailyMembers: agency.dailyMembers,
          viewerPushes: agency.viewerPushes,
          ...(agency.lighter !== undefined ? { lighter: agency.lighter } : {}),
        }
      : {}),
  };
}

function forecast(r: {
  month: string;
  agency_id: number;
  pushes: number;
  lighter: number | null;
  viewer_pushes: number;
  daily_members: number;
}): AgencyForecast {
  return {
    agencyId: r.agency_id,
    month: r.month,
    pushes: r.pushes,
    ...(r.lighter !== null ? { lighter: r.lighter } : {}),
    viewerPushes: r.viewer_pushes,
    dailyMembers: r.daily_members,
  };
}

function decision(r: {
  month: string;
  pushes: number;
  agencies: number;
  quota_limit: number | null;
  used_so_far: number | null;
  told_at: Date | null;
}): MonthDecision {
  return {
    month: r.month,
    pushes: r.pushes,
    agencies: r.agencies,
    ...(r.quota_limit !== null ? { limit: r.quota_limit } : {}),
    ...(r.used_so_far !== null ? { usedSoFar: r.used_so_far } : {}),
    told: r.told_at !== null,
  };
}
