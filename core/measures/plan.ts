// The reminder planner: which notices go to whom, merged into one digest per member per day.
// Pure and stateless: the caller passes `now` and what it has recorded, and records what comes
// back before the next run.
//
// A notice is "handled" once it is recorded. Everything else whose day has come is pending; a run
// plans, per (member, item), only the latest pending notice and supersedes the older ones, so a
// run after a crash or a skipped week sends the current reminder once instead of a backlog, and
// nothing is lost.
//
// What is recorded comes in one of two forms. Watermarks (what the tick keeps): per member, item
// and due date, the day of the newest notice planned; every notice of that schedule up to that day
// is handled, so superseded notices need no record at all. Or every key (`sent`): each dedupe key
// planned or superseded. The two give the same digests as long as a member's lead days stay as
// they were (see docs/decisions/2026-12-07-notice-watermarks.md); the property tests hold them
// side by side.

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
  /**
   * Digest markers (`digestMarker`) of the digests already made; without `watermarks`, also every
   * dedupe key recorded (planned or superseded). With `watermarks` only the markers are read.
   */
  sent?: ReadonlySet<string>;
  /**
   * Per member, item and due date (`watermarkKey`), the day of the newest notice recorded: every
   * notice of that schedule up to that day is handled.
   */
  watermarks?: ReadonlyMap<string, string>;
}

export interface PlanResult {
  /** At most one per member, ordered by sendAt, then memberId; notices by item due date, then key. */
  digests: Digest[];
  /**
   * Pending notices replaced by a later notice of the same member and item. Without watermarks:
   * their keys, to record as sent. With watermarks nothing needs recording: empty, and
   * `supersededCount` says how many there were.
   */
  superseded: string[];
  /** With watermarks: how many pending notices were superseded. */
  supersededCount?: number;
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

/** One schedule's watermark: a member's notices about an item for one due date. */
export function watermarkKey(memberId: number, itemKey: string, dueOn: string): string {
  return `${memberId}|${itemKey}|${dueOn}`;
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
  let supersededCount = 0;
  // Keys planned or superseded in this run (items repeated in the input plan once).
  const taken = new Set<string>();
  const handled = (key: string) => sent.has(key) || taken.has(key);
  // With watermarks: each schedule's watermark as a day number, moved by what this run plans.
  const watermarks = input.watermarks;
  const runMarks = new Map<string, number>();

  for (const memberId of [...itemsByMember.keys()].sort((a, b) => a - b)) {
    const member = members.get(memberId)!;
    const { day, sendAt } = digestSlot(member, input.now);
    // Already a digest that day: everything waits for the next day's digest (see above).
    if (sent.has(digestMarker(memberId, day))) continue;
    const notices: Notice[] = [];
    const leads = leadDaysOf(member);
    for (const item of itemsByMember.get(memberId) ?? []) {
      if (watermarks !== undefined) {
        const mark = watermarkKey(memberId, item.key, item.dueOn);
        const recorded = watermarks.get(mark);
        const through = Math.max(
          runMarks.get(mark) ?? Number.NEGATIVE_INFINITY,
          recorded !== undefined && isIsoDate(recorded) ? dayNumber(recorded) : Number.NEGATIVE_INFINITY,
        );
        const { planned, older } = planItemAfter(member, leads, item, day, through);
        supersededCount += older;
        if (planned !== undefined) {
          runMarks.set(mark, dayNumber(planned.day));
          notices.push(planned);
        }
        continue;
      }
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
  return watermarks === undefined ? { digests, superseded } : { digests, superseded, supersededCount };
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
  for (const lead of leadDaysOf(member)) {
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
 * planItem for a schedule whose notices up to day number `through` are handled (its watermark);
 * `leads` are the member's (leadDaysOf).
 * The same rules, in day numbers, building only the notice it plans: a first tick on a year
 * nobody has touched meets millions of old notices, and none of them needs a key or an object.
 */
function planItemAfter(
  member: MemberPrefs,
  leads: readonly number[],
  item: DueItem,
  digestDay: string,
  through: number,
): { planned?: Notice; older: number } {
  if (item.snoozedUntil !== undefined && item.snoozedUntil > digestDay) return { older: 0 };
  if (item.remindWhenLate === false && addDays(item.dueOn, LATE_DATE_GRACE_DAYS) < digestDay) {
    return { older: 0 };
  }
  const due = dayNumber(item.dueOn);
  const last = dayNumber(digestDay);
  // The pending notices (after the watermark, by the digest day), oldest first, as noticeSchedule
  // would list them.
  const pending: { kind: NoticeKind; offsetDays: number; day: number }[] = [];
  for (const lead of leads) {
    const day = due - lead;
    if (day <= last && day > through)
      pending.push({ kind: lead === 0 ? "due" : "lead", offsetDays: lead, day });
  }
  if (item.remindWhenLate !== false && last >= due + OVERDUE_EVERY_DAYS) {
    const first = Math.max(1, Math.floor((through - due) / OVERDUE_EVERY_DAYS) + 1);
    for (let k = first; due + k * OVERDUE_EVERY_DAYS <= last; k++) {
      pending.push({
        kind: "overdue",
        offsetDays: k * OVERDUE_EVERY_DAYS,
        day: due + k * OVERDUE_EVERY_DAYS,
      });
    }
  }
  // The latest notice of the schedule is the latest pending one, or it is handled.
  const latest = pending.at(-1);
  if (latest === undefined) return { older: 0 };
  const release = pending.some((n) => !heldForWeekDay(member, n.kind, n.offsetDays, n.day, last));
  if (!release) return { older: 0 };
  const day = isoDay(latest.day);
  return {
    planned: {
      memberId: member.memberId,
      itemKey: item.key,
      kind: latest.kind,
      offsetDays: latest.offsetDays,
      day,
      dedupeKey: noticeKey(member.memberId, item.key, latest.kind, latest.offsetDays, item.dueOn),
    },
    older: pending.length - 1,
  };
}

/** A member's lead days as the schedule uses them: whole, not negative, largest first. */
function leadDaysOf(member: MemberPrefs): number[] {
  return [...new Set(member.leadDays)].filter((d) => Number.isInteger(d) && d >= 0).sort((a, b) => b - a);
}

/**
 * "weekly": a lead notice more than a day ahead waits until the digest day has reached the member's
 * weekly day (on or after the notice's own day). A weekly day the planner missed (it was down) does
 * not make the notice wait another week: it goes with the next run.
 */
function heldForWeek(member: MemberPrefs, notice: Notice, digestDay: string): boolean {
  return heldForWeekDay(member, notice.kind, notice.offsetDays, dayNumber(notice.day), dayNumber(digestDay));
}

/** heldForWeek in day numbers. */
function heldForWeekDay(
  member: MemberPrefs,
  kind: NoticeKind,
  offsetDays: number,
  day: number,
  digestDay: number,
): boolean {
  if (member.frequency !== "weekly" || kind !== "lead" || offsetDays <= 1) return false;
  const weeklyDay = isWeekday(member.weeklyDay) ? member.weeklyDay : DEFAULT_PREFS.weeklyDay;
  // Day 0 (1970-01-01) was a Thursday.
  const wait = (weeklyDay - ((day + 4) % 7) + 7) % 7;
  return digestDay - day < wait;
}

interface QuietHours {
  /** Milliseconds after Bangkok midnight; start === end means no quiet hours. */
  start: number;
  end: number;
}

/** A malformed "HH:MM" falls back to the default quiet hours, both ends together. */
function quietHours(member: Pick<MemberPrefs, "quietStart" | "quietEnd">): QuietHours {
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

/** When a member's digest planned at `now` goes out, and its Bangkok date (the digest day). */
export function digestSlot(
  member: Pick<MemberPrefs, "quietStart" | "quietEnd">,
  now: Date,
): { day: string; sendAt: Date } {
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
  return isoDay(dayNumber(isoDate) + days);
}

// Days as numbers (days since 1970-01-01), both ways remembered: a national plan handles a few
// hundred distinct dates hundreds of thousands of times.
const dayNumbers = new Map<string, number>();
const isoDays = new Map<number, string>();

function dayNumber(isoDate: string): number {
  let n = dayNumbers.get(isoDate);
  if (n === undefined) {
    n = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size < 100_000) dayNumbers.set(isoDate, n);
  }
  return n;
}

function isoDay(n: number): string {
  let iso = isoDays.get(n);
  if (iso === undefined) {
    iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (isoDays.size < 100_000) isoDays.set(n, iso);
  }
  return iso;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
