// The day of a fiscal year with the most digests for the reminders benchmark's country: prints
// {"day", "digests"} as one JSON line. Arguments: agencies, fiscal year.
import { typicalCalendar } from "../../core/calendar/typical.ts";
import { DEFAULT_PREFS, type DueItem, type MemberPrefs } from "../../core/measures/model.ts";
import { digestMarker, planNotices } from "../../core/measures/plan.ts";
import { addDays } from "../../core/thai/date.ts";
import { fiscalYearRange } from "../../core/thai/fiscal-year.ts";
import { reminderWorld } from "../../db/demo/national-reminders.ts";

/** Agencies in the generator's full pattern (offsets repeat every 90 agencies, owners every 6). */
const PATTERN = 90;
/** The planner's morning run, as in the benchmark. */
const at = (day: string) => new Date(`${day}T09:00:00+07:00`);

/**
 * The day of the fiscal year with the most digests when the planner runs every morning and nobody
 * completes a step, found with the pure planner on the generator's first 90 agencies (one full
 * turn of its pattern); the country repeats that pattern, so its busiest day is the same.
 */
function busiestDay(agencyCount: number, fiscalYear: number): { day: string; digests: number } {
  const world = reminderWorld(Math.min(agencyCount, PATTERN), fiscalYear);
  const agencies = new Set(world.agencies.map((a) => a.id));
  const measureOwner = new Map(world.measures.map((m) => [m.id, m.ownerId]));
  const members: MemberPrefs[] = world.members
    .filter((m) => agencies.has(m.agencyId))
    .map((m) => ({ ...DEFAULT_PREFS, memberId: m.id, lineUserId: m.lineUserId }));
  const items: DueItem[] = world.steps
    .filter((s) => agencies.has(s.agencyId))
    .map((s) => ({
      key: `step:${s.id}`,
      agencyId: s.agencyId,
      title: s.title,
      dueOn: s.dueOn,
      status: "not_started",
      ownerIds: [s.ownerId ?? measureOwner.get(s.measureId)!],
    }));
  const calendar = [...typicalCalendar(world.fiscalYear), ...typicalCalendar(world.fiscalYear + 1)].filter(
    (m) => m.remind,
  );
  for (const agencyId of agencies) {
    const admin = world.members.find((m) => m.agencyId === agencyId && m.role === "admin")!;
    for (const [i, m] of calendar.entries()) {
      items.push({
        key: `milestone:${i}`,
        agencyId,
        title: m.titleTh,
        dueOn: m.dueOn,
        status: "not_started",
        ownerIds: [admin.id],
        remindWhenLate: false,
      });
    }
  }
  const sent = new Set<string>();
  const range = fiscalYearRange(world.fiscalYear);
  let best = { day: range.start, digests: -1 };
  for (let day = range.start; day <= range.end; day = addDays(day, 1)) {
    const result = planNotices({ items, members, now: at(day), sent });
    for (const d of result.digests) {
      sent.add(digestMarker(d.memberId, d.day));
      for (const notice of d.notices) sent.add(notice.dedupeKey);
    }
    for (const key of result.superseded) sent.add(key);
    if (result.digests.length > best.digests) best = { day, digests: result.digests.length };
  }
  return { day: best.day, digests: Math.round((best.digests * agencyCount) / agencies.size) };
}

const [agencies, fiscalYear] = process.argv.slice(2).map(Number) as [number, number];
process.stdout.write(`${JSON.stringify(busiestDay(agencies, fiscalYear))}\n`);
