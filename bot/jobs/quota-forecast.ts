import type { Kysely } from "kysely";
import { textAnswer } from "../../core/chat/flex/index.ts";
import { exceedsQuota, forecastWarningText } from "../../core/chat/push-forecast-text.ts";
import type { DueItem, MemberPrefs } from "../../core/measures/model.ts";
import { awakeInstant, forecastMonth, forecastMonthFor } from "../../core/measures/push-forecast.ts";
import { addDays } from "../../core/thai/date.ts";
import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import { dueItemsAcrossAgencies } from "../../db/repositories/due-items.ts";
import { reminderRecipients } from "../../db/repositories/member-prefs.ts";
import { recordedNoticeKeys } from "../../db/repositories/notices.ts";
import { enqueueMessage } from "../../db/repositories/outbox.ts";
import {
  type AgencyForecast,
  agenciesOnAccount,
  agenciesWithoutForecast,
  agencyForecasts,
  decideMonth,
  type ForecastMember,
  forecastMembers,
  forecastView,
  type MonthDecision,
  markMonthTold,
  monthDecision,
  saveAgencyForecasts,
} from "../../db/repositories/push-forecasts.ts";
import type { Database } from "../../db/schema.ts";
import type { Logger } from "../log.ts";

// Ahead of a month whose reminders would run past the LINE account's quota, the agencies' admins
// are told, once each, in good time: the forecast, what to change, which plan fits. Called from
// every tick; on most ticks it reads one row and stops. In the last FORECAST_LEAD_DAYS days of a
// month (or on the first tick of a fresh install) it forecasts the coming month, a batch of
// agencies per tick so that 8,300 agencies never hold up one tick, then decides once for the
// whole account.

export interface QuotaForecastDeps {
  db: Kysely<Database>;
  now: () => Date;
  log: Logger;
}

export interface QuotaForecastOptions {
  /** Agencies forecast per tick. */
  agenciesPerRun?: number;
}

export interface QuotaForecastReport {
  month: string;
  /** Agencies forecast in this run. */
  forecast: number;
  decision?: MonthDecision;
  /** Admins told in this run. */
  told: number;
}

/** Same windows as the tick: overdue items a year back, lead notices a month ahead. */
const LOOK_BACK_DAYS = 400;
const LOOK_AHEAD_DAYS = 31;
/** What "fewer pushes" means in the advice: weekly digests, reminded only the day before and on the day. */
const LIGHTER: Pick<MemberPrefs, "frequency" | "leadDays"> = { frequency: "weekly", leadDays: [1, 0] };

/**
 * One step of the forecast for the coming month. `quota` is what the tick read from LINE this
 * tick (undefined when it could not): the month is decided only against a known quota. Never
 * throws: a failed forecast is logged and tried again next tick, and the tick goes on sending.
 */
export async function forecastQuota(
  deps: QuotaForecastDeps,
  quota: { used: number; limit: number | "none" } | undefined,
  options: QuotaForecastOptions = {},
): Promise<QuotaForecastReport | undefined> {
  try {
    return await run(deps, quota, options);
  } catch (error) {
    deps.log.warn("quota forecast: failed", { error: String(error) });
    return undefined;
  }
}

async function run(
  deps: QuotaForecastDeps,
  quota: { used: number; limit: number | "none" } | undefined,
  options: QuotaForecastOptions,
): Promise<QuotaForecastReport | undefined> {
  const now = deps.now();
  const today = bangkokDate(now);
  const month = forecastMonthFor(today);
  let decision = await monthDecision(deps.db, month);
  if (decision?.told) return undefined;
  const report: QuotaForecastReport = { month, forecast: 0, told: 0 };

  if (!decision) {
    const missing = await agenciesWithoutForecast(deps.db, month, options.agenciesPerRun ?? 50);
    if (missing.length > 0) {
      report.forecast = await forecastAgencies(deps.db, missing, now, month);
      deps.log.info("quota forecast: agencies forecast", { month, agencies: report.forecast });
      return report;
    }
    if (!quota) return report;
    const begun = month === today.slice(0, 7);
    decision = await decideMonth(deps.db, month, {
      ...(quota.limit !== "none" ? { limit: quota.limit } : {}),
      ...(begun ? { usedSoFar: quota.used } : {}),
    });
  }
  report.decision = decision;
  const account = forecastView(decision, undefined);
  if (exceedsQuota(account)) {
    report.told = await tellAdmins(deps.db, decision, now);
    deps.log.warn("quota forecast: the month would exceed the quota", {
      month,
      pushes: decision.pushes,
      usedSoFar: decision.usedSoFar,
      limit: decision.limit,
      told: report.told,
    });
  }
  await markMonthTold(deps.db, month, now);
  return report;
}

/** Forecasts `month` for these agencies and stores it; returns how many were forecast. */
async function forecastAgencies(db: Kysely<Database>, agencyIds: number[], now: Date, month: string) {
  const today = bangkokDate(now);
  const wanted = new Set(agencyIds);
  const items = (
    await dueItemsAcrossAgencies(db, {
      from: addDays(today, -LOOK_BACK_DAYS),
      to: addDays(`${month}-01`, 31 + LOOK_AHEAD_DAYS),
    })
  ).filter((i) => wanted.has(i.agencyId));
  const members = await forecastMembers(db, agencyIds);
  const memberIds = members.map((m) => m.memberId);
  const prefs = await reminderRecipients(db, memberIds);
  const sent = await recordedNoticeKeys(db, memberIds, addDays(today, -LOOK_BACK_DAYS - LOOK_AHEAD_DAYS));
  // A lighter set of settings helps an agency alone on its account; on a shared one, the plan does.
  const alone = (await agenciesOnAccount(db)) === 1;

  const itemsOf = groupBy(items, (i) => i.agencyId);
  const membersOf = groupBy(members, (m) => m.agencyId);
  const forecasts: AgencyForecast[] = agencyIds.map((agencyId) => {
    const own: ForecastMember[] = membersOf.get(agencyId) ?? [];
    const ownPrefs = own.flatMap((m) => prefs.get(m.memberId)?.prefs ?? []);
    const ownItems: DueItem[] = itemsOf.get(agencyId) ?? [];
    const f = forecastMonth({ items: ownItems, members: ownPrefs, sent, now, month });
    const viewers = own.filter((m) => m.role === "viewer");
    const out: AgencyForecast = {
      agencyId,
      month,
      pushes: f.pushes,
      viewerPushes: viewers.reduce((s, m) => s + (f.byMember.get(m.memberId) ?? 0), 0),
      dailyMembers: ownPrefs.filter((p) => !p.muted && p.frequency === "daily").length,
    };
    if (alone) {
      const lighter = ownPrefs.map((p) => ({ ...p, ...LIGHTER }));
      out.lighter = forecastMonth({ items: ownItems, members: lighter, sent, now, month }).pushes;
    }
    return out;
  });
  await saveAgencyForecasts(db, forecasts);
  return forecasts.length;
}

/**
 * Every admin of every agency on the account hears it, once per month (the message's natural key),
 * at the end of their quiet hours if it is night. Admins who blocked the account cannot be reached.
 */
async function tellAdmins(db: Kysely<Database>, decision: MonthDecision, now: Date): Promise<number> {
  const forecasts = await agencyForecasts(db, decision.month);
  const byAgency = new Map(forecasts.map((f) => [f.agencyId, f]));
  const admins = (await forecastMembers(db, [...byAgency.keys()])).filter(
    (m) => m.role === "admin" && m.following,
  );
  const prefs = await reminderRecipients(
    db,
    admins.map((a) => a.memberId),
  );
  let told = 0;
  for (const admin of admins) {
    const agency = byAgency.get(admin.agencyId)!;
    const member = prefs.get(admin.memberId);
    if (!member) continue;
    const sendAt = awakeInstant(member.prefs, now);
    const text = forecastWarningText(forecastView(decision, agency));
    const id = await enqueueMessage(db, {
      agencyId: admin.agencyId,
      memberId: admin.memberId,
      recipients: [admin.lineUserId],
      kind: "quota_warning",
      day: bangkokDate(sendAt),
      payload: [textAnswer(text, ["ตั้งค่าแจ้งเตือน", "แจ้งเตือนรายสัปดาห์", "เตือนล่วงหน้า 1 วัน"])],
      sendAt,
      naturalKey: `quota-forecast|${admin.memberId}|${decision.month}`,
    });
    if (id) told++;
  }
  return told;
}

function groupBy<T>(list: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const t of list) {
    const k = key(t);
    const group = out.get(k);
    if (group) group.push(t);
    else out.set(k, [t]);
  }
  return out;
}
