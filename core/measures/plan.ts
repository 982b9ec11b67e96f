// The reminder planner: which notices go to whom, merged into one digest per member per day.
// Pure and stateless: the caller passes `now` and the keys it has already recorded (`sent`), and
// records what comes back (planned keys, superseded keys, digest markers) before the next run.
//
// A notice is "handled" once its dedupe key is in `sent` (planned, or recorded as superseded).
// Everything else whose day has come is pending; a run plans, per (member, item), only the latest
// pending notice and returns the older ones as superseded, so a run after a crash or a skipped
// week sends the current reminder once instead of a backlog, and nothing is lost.

import { bangkokDate } from "../thai/fiscal-year.ts";
import {
  DEFAULT_PREFS,
  type Digest,
  type DueItem,
  type MemberPrefs,
  type Notice,
  type NoticeKind,
} from "./model.ts";

export interface PlanInput {
  items: DueItem[];
  members: MemberPrefs[];
  now: Date;
  /** Dedupe keys already recorded (planned or superseded) and digest markers (`digestMarker`). */
  sent?: ReadonlySet<string>;
}

export interface PlanResult {
  /** At most one per member, ordered by sendAt, then memberId; notices by item due date, then key. */
  digests: Digest[];
  /** Pending notices replaced by a later notice of the same member and item: record them as sent. */
  superseded: string[];
}

/** Overdue notices repeat every this many days after the due date while the item is not done. */
export const OVERDUE_EVERY_DAYS = 7;

/** How late a calendar date's missed due notice may still go out. */
export const LATE_DATE_GRACE_DAYS = 3;

/** Unique forever. The due date is part of it, so a moved deadline gets a fresh schedule. */
export function noticeKey(
  memberId: number,
  itemKey: string,
  kind: NoticeKind,
  offsetDays: number,
  dueOn: string,
): string {
  return `${memberId}|${itemKey}|${kind}|${offsetDays}|${dueOn}`;
}

/** What the caller records in `sent` for each digest it is given: one digest per member per day. */
export function digestMarker(memberId: number, day: string): string {
  return `digest|${memberId}|${day}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** Bangkok is UTC+7 all year (see bangkokDate). */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Plans the notices due at `now`.
 *
 * The digest day: a member's digest goes out at `now`, or at the end of their quiet hours when
 * `now` is inside them; its day is the Bangkok date of that instant. Everything is judged against
 * the digest day, not against the date of `now`: a notice is pending when its day ≤ the digest
 * day, a snoozed item waits while snoozedUntil > the digest day, a weekly hold ends when the
 * digest day has reached the weekly day. Outside quiet hours the digest day is simply today;
 * planned at 21:30, the digest goes out tomorrow at 08:00 and already carries tomorrow's notices
 * (each still sent on its day), so tomorrow's runs find nothing new.
 *
 * One digest per member per day: when `sent` already holds the digest marker for the member's
 * digest day, nothing is planned for that member in this run: their notices stay pending and
 * go into the next day's digest, together with that day's own notices, at its first run (the
 * evening run inside quiet hours, or the morning one). Planning them now into a digest for
 * tomorrow would take tomorrow's marker, push tomorrow's own notices to the day after, and so
 * on: every "due tomorrow" a day late for as long as a member has something every day.
 */
export function planNotices(input: PlanInput): PlanResult {
  const sent: ReadonlySet<string> = input.sent ?? new Set<string>();

  // First record of a member id wins.
  const members = new Map<number, MemberPrefs>();
  for (const member of input.members) {
    if (!members.has(member.memberId)) members.set(member.memberId, member);
  }

  // Done and cancelled items stop. An item with a malformed date is skipped rather than failing
  // the whole run, which would leave every other reminder unsent.
  const items = input.items
    .filter((item) => item.status !== "done" && item.status !== "cancelled")
    .filter(
      (item) => isIsoDate(item.dueOn) && (item.snoozedUntil === undefined || isIsoDate(item.snoozedUntil)),
    )
    .sort((a, b) => compare(a.dueOn, b.dueOn) || compare(a.key, b.key));

  // Muted members (blocked the account, or asked for silence) get nothing, and their notices are
  // not superseded either: they stay pending. When the member comes back, the usual rule applies
  // (the latest pending notice of each item goes out, the older ones are superseded), so they get
  // the current state of each item once rather than nothing or a backlog.
  const itemsByMember = new Map<number, DueItem[]>();
  for (const item of items) {
    for (const ownerId of new Set(item.ownerIds)) {
      const member = members.get(ownerId);
      if (member === undefined || member.muted) continue;
      const list = itemsByMember.get(ownerId);
      if (list === undefined) itemsByMember.set(ownerId, [item]);
      else list.push(item);
    }
  }

  const digests: Digest[] = [];
  const superseded: string[] = [];
  // Keys planned or superseded in this run (items repeated in the input plan once).
  const taken = new Set<string>();
  const handled = (key: string) => sent.has(key) || taken.has(key);

  for (const memberId of [...itemsByMember.keys()].sort((a, b) => a - b)) {
    const member = members.get(memberId)!;
    const { day, sendAt } = digestSlot(member, input.now);
    // Already a digest that day: everything waits for the next day's digest (see above).
    if (sent.has(digestMarker(memberId, day))) continue;
    const notices: Notice[] = [];
    for (const item of itemsByMember.get(memberId) ?? []) {
      const { planned, olderKeys } = planItem(member, item, day, handled);
      for (const key of olderKeys) {
        taken.add(key);
        superseded.push(key);
      }
      if (planned !== undefined) {
        taken.add(planned.dedupeKey);
        notices.push(planned);
      }
    }
    if (notices.length > 0) {
      digests.push({ memberId, lineUserId: member.lineUserId, day, sendAt, notices });
    }
  }

  digests.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.memberId - b.memberId);
  return { digests, superseded };
}

/** A member's notice schedule for an item, every notice whose day ≤ lastDay, oldest first. */
export function noticeSchedule(member: MemberPrefs, item: DueItem, lastDay: string): Notice[] {
  const out: Notice[] = [];
  const push = (kind: NoticeKind, offsetDays: number, day: string) => {
    out.push({
      memberId: member.memberId,
      itemKey: item.key,
      kind,
      offsetDays,
      day,
      dedupeKey: noticeKey(member.memberId, item.key, kind, offsetDays, item.dueOn),
    });
  };
  // Largest lead first = earliest day first; 0 is the due-day notice; other values are ignored.
  const leads = [...new Set(member.leadDays)]
    .filter((d) => Number.isInteger(d) && d >= 0)
    .sort((a, b) => b - a);
  for (const lead of leads) {
    const day = addDays(item.dueOn, -lead);
    if (day <= lastDay) push(lead === 0 ? "due" : "lead", lead, day);
  }
  for (let after = OVERDUE_EVERY_DAYS; item.remindWhenLate !== false; after += OVERDUE_EVERY_DAYS) {
    const day = addDays(item.dueOn, after);
    if (day > lastDay) break;
    push("overdue", after, day);
  }
  return out;
}

/**
 * One (member, item): plan the latest notice if it is pending and the item is not held back, and
 * supersede every pending notice older than the one planned or than one already handled.
 *
 * Only the latest notice is ever planned, so a lead notice whose due date has passed is superseded
 * by the due or overdue notice. One exception, a choice: when the member has no due-day notice (0 not
 * in leadDays) and the first overdue notice has not come yet, the last lead notice is still the
 * latest and still goes out late (late, not lost); renderers phrase it from the digest day and the
 * item's due date, not from offsetDays.
 */
function planItem(
  member: MemberPrefs,
  item: DueItem,
  digestDay: string,
  handled: (key: string) => boolean,
): { planned?: Notice; olderKeys: string[] } {
  // Snoozed: nothing planned or superseded until the digest day reaches snoozedUntil.
  if (item.snoozedUntil !== undefined && item.snoozedUntil > digestDay) return { olderKeys: [] };
  // A calendar date long gone (one added after its day, a year's usual dates filled in late) is
  // not news: only a notice missed by a few days of downtime still goes.
  if (item.remindWhenLate === false && addDays(item.dueOn, LATE_DATE_GRACE_DAYS) < digestDay) {
    return { olderKeys: [] };
  }
  const schedule = noticeSchedule(member, item, digestDay);
  const latest = schedule.at(-1);
  if (latest === undefined) return { olderKeys: [] };

  const pending = schedule.filter((n) => !handled(n.dedupeKey));
  // Weekly members: routine lead notices wait for the weekly day, but if any pending notice of the
  // item may go (near, due, overdue, or its weekly day came), the latest one goes.
  const release = !handled(latest.dedupeKey) && pending.some((n) => !heldForWeek(member, n, digestDay));
  const planned = release ? latest : undefined;

  // Older than the planned notice, or than the newest handled one: superseded.
  let newest = "";
  for (const n of schedule) if (handled(n.dedupeKey) && n.day > newest) newest = n.day;
  if (planned !== undefined) newest = planned.day;
  const olderKeys = pending.filter((n) => n.day < newest).map((n) => n.dedupeKey);
  return planned === undefined ? { olderKeys } : { planned, olderKeys };
}

/**
 * "weekly": a lead notice more than a day ahead waits until the digest day has reached the member's
 * weekly day (on or after the notice's own day). A weekly day the planner missed (it was down) does
 * not make the notice wait another week: it goes with the next run.
 */
function heldForWeek(member: MemberPrefs, notice: Notice, digestDay: string): boolean {
  if (member.frequency !== "weekly" || notice.kind !== "lead" || notice.offsetDays <= 1) return false;
  const weeklyDay = isWeekday(member.weeklyDay) ? member.weeklyDay : DEFAULT_PREFS.weeklyDay;
  const wait = (weeklyDay - weekday(notice.day) + 7) % 7;
  return daysBetween(notice.day, digestDay) < wait;
}

interface QuietHours {
  /** Milliseconds after Bangkok midnight; start === end means no quiet hours. */
  start: number;
  end: number;
}

/** A malformed "HH:MM" falls back to the default quiet hours, both ends together. */
function quietHours(member: MemberPrefs): QuietHours {
  const start = parseClock(member.quietStart);
  const end = parseClock(member.quietEnd);
  if (start !== undefined && end !== undefined) return { start, end };
  return { start: parseClock(DEFAULT_PREFS.quietStart)!, end: parseClock(DEFAULT_PREFS.quietEnd)! };
}

/** Quiet from start (inclusive) to end (exclusive), wrapping midnight when start > end. */
function isQuiet(quiet: QuietHours, msOfDay: number): boolean {
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? msOfDay >= quiet.start && msOfDay < quiet.end
    : msOfDay >= quiet.start || msOfDay < quiet.end;
}

/** Whether an instant falls inside a member's quiet hours (Bangkok time). */
export function isQuietAt(member: MemberPrefs, instant: Date): boolean {
  const local = instant.getTime() + BANGKOK_OFFSET_MS;
  return isQuiet(quietHours(member), local - Math.floor(local / DAY_MS) * DAY_MS);
}

/** When a member's digest planned at `now` goes out, and its Bangkok date. */
function digestSlot(member: MemberPrefs, now: Date): { day: string; sendAt: Date } {
  const quiet = quietHours(member);
  const local = now.getTime() + BANGKOK_OFFSET_MS;
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  const msOfDay = local - midnight;
  let sendAt: Date;
  if (!isQuiet(quiet, msOfDay)) sendAt = new Date(now.getTime());
  else {
    // Inside quiet hours: the next end, today (before it) or tomorrow (after a start that wraps).
    const endToday = midnight + quiet.end - BANGKOK_OFFSET_MS;
    sendAt = new Date(msOfDay < quiet.end ? endToday : endToday + DAY_MS);
  }
  return { day: bangkokDate(sendAt), sendAt };
}

function parseClock(clock: string): number | undefined {
  const match = CLOCK.exec(clock);
  if (match === null) return undefined;
  return (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Round trip: V8 reads "2025-02-30" as 2 March.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function isWeekday(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** to − from, in days. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
