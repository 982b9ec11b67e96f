// How many pushes the reminders will cost, month by month, found by running the real planner
// (planNotices) over simulated time exactly as the tick does: plan at each tick, record what was
// planned, "send" each digest at its sendAt unless every step in it was done by then. LINE counts
// a push or a multicast once per recipient, so a digest is one push whoever shares it.
//
// The same engine serves the benchmark (a typical agency over a whole fiscal year, steps done with
// a realistic spread) and the product (the coming month of the agencies on one LINE account, from
// today's open items, assuming what is still ahead is done on its day).

import { bangkokDate } from "../thai/fiscal-year.ts";
import { DEFAULT_PREFS, type DueItem, type MemberPrefs } from "./model.ts";
import { digestMarker, isQuietAt, planNotices } from "./plan.ts";

export interface PushSimulation {
  /** Open items (steps, calendar dates) with their owners, as the tick reads them. */
  items: readonly DueItem[];
  members: readonly MemberPrefs[];
  /** First instant simulated (inclusive) and the end (exclusive). */
  from: Date;
  to: Date;
  /** When an item is marked done, by `itemId(item)`; an item not listed stays open. */
  doneAt?: ReadonlyMap<string, Date>;
  /**
   * Minutes after Bangkok midnight at which the planner runs each day; by default the members'
   * quiet-hour boundaries (boundaryTicks), which give what a run every minute gives.
   */
  tickMinutes?: readonly number[];
  /** Dedupe keys and digest markers already recorded (the product's notices table). */
  sent?: ReadonlySet<string>;
  /**
   * Count the status notice a step's other owners get when it is marked done in the app
   * (bot/api/measures.ts notifyOwners); the one who marks it is not told.
   */
  statusNotices?: boolean;
}

export interface MonthPushes {
  /** "YYYY-MM", Bangkok. */
  month: string;
  /** Every push, counted per recipient: digests + statusNotices. */
  pushes: number;
  digests: number;
  statusNotices: number;
  /** Notices inside those digests: the pushes it would take without digests. */
  notices: number;
  /** Pushes per member id. */
  byMember: Map<number, number>;
}

export interface PushSimulationResult {
  /** Every month from `from` to `to`, in order, months without a push included. */
  months: MonthPushes[];
}

export const EVERY_HOUR: readonly number[] = Array.from({ length: 24 }, (_, h) => h * 60);

/**
 * The ticks that decide what a run every minute would send: a member's digest day changes only
 * where their quiet hours start (the evening run plans tomorrow's digest) and end (the morning
 * run plans today's), and within a day a completion only takes notices away. Midnight too for
 * anyone without quiet hours, whose digest day turns then.
 */
export function boundaryTicks(members: readonly MemberPrefs[]): number[] {
  const out = new Set<number>();
  for (const m of members) {
    let start = clockMinutes(m.quietStart);
    let end = clockMinutes(m.quietEnd);
    // The planner falls back to the default quiet hours, both ends together.
    if (start === undefined || end === undefined) {
      start = clockMinutes(DEFAULT_PREFS.quietStart)!;
      end = clockMinutes(DEFAULT_PREFS.quietEnd)!;
    }
    if (start === end) out.add(0);
    else {
      out.add(start);
      out.add(end);
    }
  }
  if (out.size === 0) out.add(0);
  return [...out].sort((a, b) => a - b);
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const BANGKOK_OFFSET_MS = 7 * 60 * MINUTE_MS;

/** An item's identity across agencies: a calendar date's key repeats in every agency. */
export function itemId(item: Pick<DueItem, "agencyId" | "key">): string {
  return `${item.agencyId}|${item.key}`;
}

/** The instant of a Bangkok date and time of day ("2025-04-30", 14 * 60). */
export function bangkokInstant(day: string, minuteOfDay: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BANGKOK_OFFSET_MS + minuteOfDay * MINUTE_MS);
}

/** Runs the planner over [from, to) and counts what would be pushed in each Bangkok month. */
export function simulatePushes(input: PushSimulation): PushSimulationResult {
  const tickMinutes = [...new Set(input.tickMinutes ?? boundaryTicks(input.members))].sort((a, b) => a - b);
  const doneAt = input.doneAt ?? new Map<string, Date>();
  const sent = new Set(input.sent ?? []);
  const months = new Map<string, MonthPushes>();
  for (let day = bangkokDate(input.from); ; day = nextDay(day)) {
    const at = bangkokInstant(day, 0);
    if (at.getTime() >= input.to.getTime()) break;
    const month = day.slice(0, 7);
    if (!months.has(month)) months.set(month, emptyMonth(month));
  }
  const count = (instant: Date, memberId: number, what: "digest" | "status", notices = 0) => {
    if (instant.getTime() < input.from.getTime() || instant.getTime() >= input.to.getTime()) return;
    const m = months.get(bangkokDate(instant).slice(0, 7))!;
    m.pushes++;
    if (what === "digest") {
      m.digests++;
      m.notices += notices;
    } else m.statusNotices++;
    m.byMember.set(memberId, (m.byMember.get(memberId) ?? 0) + 1);
  };

  const memberIds = new Set(input.members.map((m) => m.memberId));
  if (input.statusNotices) {
    for (const item of input.items) {
      const at = doneAt.get(itemId(item));
      if (at === undefined || !item.key.startsWith("step:")) continue;
      // The first owner marks it done; the others hear about it.
      for (const owner of [...new Set(item.ownerIds)].slice(1))
        if (memberIds.has(owner)) count(at, owner, "status");
    }
  }

  // A member's items, to judge a digest stale: not sent when every step it names was done before
  // it went out (the sender's rule).
  const owned = new Map<string, DueItem>();
  for (const item of input.items) for (const owner of item.ownerIds) owned.set(`${owner}|${item.key}`, item);
  const stale = (memberId: number, keys: string[], sendAt: Date) =>
    keys.every((key) => {
      const item = owned.get(`${memberId}|${key}`);
      const done = item?.key.startsWith("step:") ? doneAt.get(itemId(item)) : undefined;
      return done !== undefined && done.getTime() <= sendAt.getTime();
    });

  for (let day = bangkokDate(input.from); ; day = nextDay(day)) {
    if (bangkokInstant(day, 0).getTime() >= input.to.getTime()) break;
    for (const minute of tickMinutes) {
      const now = bangkokInstant(day, minute);
      if (now.getTime() < input.from.getTime() || now.getTime() >= input.to.getTime()) continue;
      const items = input.items.filter((i) => {
        const done = doneAt.get(itemId(i));
        return done === undefined || done.getTime() > now.getTime();
      });
      const result = planNotices({ items, members: [...input.members], now, sent });
      for (const key of result.superseded) sent.add(key);
      for (const digest of result.digests) {
        sent.add(digestMarker(digest.memberId, digest.day));
        for (const n of digest.notices) sent.add(n.dedupeKey);
        const keys = digest.notices.map((n) => n.itemKey);
        if (!stale(digest.memberId, keys, digest.sendAt))
          count(digest.sendAt, digest.memberId, "digest", keys.length);
      }
    }
  }
  return { months: [...months.values()] };
}

/** When a one-off message to a member should go: now, or when their quiet hours end. */
export function awakeInstant(member: MemberPrefs, now: Date): Date {
  let at = now;
  // Quiet hours end on a whole minute; a day of minutes is the longest they can last.
  for (let i = 0; i < 24 * 60 && isQuietAt(member, at); i++) {
    at = new Date(Math.floor(at.getTime() / MINUTE_MS + 1) * MINUTE_MS);
  }
  return at;
}

/** How far ahead of a month its forecast is made, so that admins hear of it in good time. */
export const FORECAST_LEAD_DAYS = 7;

/** The month to forecast on `today`: the next one in its last FORECAST_LEAD_DAYS days, else this one. */
export function forecastMonthFor(today: string): string {
  const next = monthAfter(today.slice(0, 7));
  const daysLeft = Math.round(
    (Date.parse(`${next}-01T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
  );
  return daysLeft <= FORECAST_LEAD_DAYS ? next : today.slice(0, 7);
}

/** "2026-12" → "2027-01". */
export function monthAfter(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export interface MonthForecastInput {
  /** Open items now, including those due up to a month after `month` (their lead notices). */
  items: readonly DueItem[];
  members: readonly MemberPrefs[];
  /** What is already recorded (planned, superseded, digest markers). */
  sent?: ReadonlySet<string>;
  now: Date;
  /** "YYYY-MM": counted from its first day, or from `now` when it has begun. */
  month: string;
}

/** When a step still ahead is assumed done: on its due day, after the morning digest, before the evening run. */
const ASSUMED_DONE_MINUTE = 17 * 60;

/**
 * The pushes of `month` if every step still ahead is done on its due day and every step already
 * late stays open: a floor, not a worst case, so that an admin is never warned of a month that
 * cannot be avoided by doing the work on time. Calendar dates are never done; they stop by
 * themselves after their day.
 */
export function forecastMonth(input: MonthForecastInput): MonthPushes {
  const today = bangkokDate(input.now);
  const doneAt = new Map<string, Date>();
  for (const item of input.items) {
    if (item.key.startsWith("step:") && item.dueOn >= today) {
      doneAt.set(itemId(item), bangkokInstant(item.dueOn, ASSUMED_DONE_MINUTE));
    }
  }
  const result = simulatePushes({
    items: input.items,
    members: input.members,
    from: input.now,
    to: bangkokInstant(`${monthAfter(input.month)}-01`, 0),
    doneAt,
    statusNotices: true,
    ...(input.sent ? { sent: input.sent } : {}),
  });
  const found = result.months.find((m) => m.month === input.month);
  return found ?? emptyMonth(input.month);
}

function emptyMonth(month: string): MonthPushes {
  return { month, pushes: 0, digests: 0, statusNotices: 0, notices: 0, byMember: new Map() };
}

function clockMinutes(clock: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
