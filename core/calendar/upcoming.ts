// What is next in the ITA year, from the calendar and today's date: the dates ahead with the days
// left, a window that is open now, and the one date a question asks about.
import { daysBetween, formatThaiDate } from "../thai/date.ts";
import type { Milestone } from "./milestone.ts";

export interface UpcomingMilestone {
  milestone: Milestone;
  /** Days from today to the due date (0 today, negative when past). */
  daysLeft: number;
  /** A window (startsOn … dueOn) that today falls in. */
  open: boolean;
}

const byDue = (a: Milestone, b: Milestone) =>
  a.dueOn.localeCompare(b.dueOn) ||
  (a.key ?? "").localeCompare(b.key ?? "") ||
  a.titleTh.localeCompare(b.titleTh);

/** Milestones due today or later, soonest first; at most `limit`. */
export function upcomingMilestones(
  milestones: readonly Milestone[],
  today: string,
  limit = 6,
): UpcomingMilestone[] {
  return milestones
    .filter((m) => m.dueOn >= today)
    .sort(byDue)
    .slice(0, limit)
    .map((m) => describe(m, today));
}

/**
 * The next date with this key (e.g. "oit-submission"): this year's when still ahead (or open),
 * else the next year's; the latest past one when nothing is ahead.
 */
export function milestoneFor(
  milestones: readonly Milestone[],
  key: string,
  today: string,
): UpcomingMilestone | undefined {
  const same = milestones.filter((m) => m.key === key).sort(byDue);
  const next = same.find((m) => m.dueOn >= today) ?? same[same.length - 1];
  return next && describe(next, today);
}

function describe(m: Milestone, today: string): UpcomingMilestone {
  const daysLeft = daysBetween(today, m.dueOn);
  const open = m.startsOn !== undefined && m.startsOn <= today && today <= m.dueOn;
  return { milestone: m, daysLeft, open };
}

/** "วันนี้", "พรุ่งนี้", "อีก 12 วัน", "ผ่านมาแล้ว 3 วัน". */
export function daysLeftText(days: number): string {
  if (days === 0) return "วันนี้";
  if (days === 1) return "พรุ่งนี้";
  if (days > 1) return `อีก ${days} วัน`;
  return `ผ่านมาแล้ว ${-days} วัน`;
}

/** "30 เม.ย. 70", or "1 มี.ค. – 30 เม.ย. 70" for a window (Arabic digits: chat). */
export function dateRangeText(m: Milestone): string {
  const end = formatThaiDate(m.dueOn, { style: "short", digits: "arabic" });
  if (!m.startsOn) return end;
  const start = formatThaiDate(m.startsOn, { style: "short", digits: "arabic" });
  const sameYear = m.startsOn.slice(0, 4) === m.dueOn.slice(0, 4);
  return `${sameYear ? start.replace(/ \d+$/, "") : start} – ${end}`;
}
