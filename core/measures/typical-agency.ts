// A typical agency for a fiscal year, made up but shaped like the real ones, for forecasting what
// its reminders cost: ten members, seven measures of four steps whose due dates fall through the
// year as in seed 000's plan (db/demo/seed-measures.ts: month ends and mid-months, most in the
// second half), the usual national calendar for its admins, default settings, and each step done
// around its due date with the spread of a real office (most on time or early, some late, a few
// very late). The same seed gives the same agency and the same year.

import { typicalCalendar } from "../calendar/typical.ts";
import type { MemberRole } from "../members/roles.ts";
import { addDays } from "../thai/date.ts";
import { fiscalYearRange } from "../thai/fiscal-year.ts";
import { BE_OFFSET } from "../thai/year.ts";
import { DEFAULT_PREFS, type DueItem, type MemberPrefs } from "./model.ts";
import { bangkokInstant, itemId, type PushSimulationResult, simulatePushes } from "./push-forecast.ts";

export interface TypicalAgencyOptions {
  /** พ.ศ.; the year runs 1 October to 30 September. */
  fiscalYear: number;
  seed?: number;
  agencyId?: number;
  /** First member id; the agency's members are numbered on from it. */
  firstMemberId?: number;
  admins?: number;
  editors?: number;
  viewers?: number;
  measures?: number;
  stepsPerMeasure?: number;
  /**
   * HOOK for the OIT items with owners of a later issue (not in the product yet): this many items
   * due on the OIT submission date, owned in turn by the editors and admins, done like steps.
   */
  oitItems?: number;
  /** Settings every member has; the defaults otherwise. */
  prefs?: Partial<Omit<MemberPrefs, "memberId" | "lineUserId">>;
}

export interface TypicalAgency {
  agencyId: number;
  members: MemberPrefs[];
  roles: Map<number, MemberRole>;
  items: DueItem[];
  /** When each step (and OIT item) is marked done, by itemId; calendar dates are never done. */
  doneAt: Map<string, Date>;
}

/**
 * Months (1–12) of the due dates in seed 000's plan of 2568, one entry per step, as the weights of
 * a new plan's due months: a plan is written in October–November, its first steps fall before the
 * ITA's OIT season and most of the rest between June and September.
 */
const SEED_DUE_MONTHS = [12, 1, 2, 6, 7, 11, 6, 2, 5, 9, 6, 8, 12, 6, 9, 7, 8, 9, 3, 6, 8, 9];

/** Days from the due date to when a step is done: [share in percent, earliest, latest]. */
const DONE_SPREAD: readonly [number, number, number][] = [
  [25, -14, -1], // early
  [40, 0, 0], // on the day
  [20, 1, 7], // a few days late
  [10, 8, 30], // a few weeks late
  [5, 31, 75], // very late
];

/** mulberry32: small, fast, seedable, the same in Node, Workers and the browser. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function typicalAgency(options: TypicalAgencyOptions): TypicalAgency {
  const random = rng(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const agencyId = options.agencyId ?? 1;
  const fy = options.fiscalYear;
  const { start } = fiscalYearRange(fy);

  const roles = new Map<number, MemberRole>();
  const members: MemberPrefs[] = [];
  let nextId = options.firstMemberId ?? 1;
  const add = (role: MemberRole, n: number) => {
    const ids: number[] = [];
    for (let k = 0; k < n; k++) {
      const memberId = nextId++;
      roles.set(memberId, role);
      members.push({
        memberId,
        lineUserId: `U${agencyId}-${memberId}`,
        ...DEFAULT_PREFS,
        leadDays: [...DEFAULT_PREFS.leadDays],
        ...options.prefs,
      });
      ids.push(memberId);
    }
    return ids;
  };
  const admins = add("admin", options.admins ?? 2);
  const editors = add("editor", options.editors ?? 5);
  add("viewer", options.viewers ?? 3);
  const doers = editors.length > 0 ? editors : admins;

  const items: DueItem[] = [];
  const doneAt = new Map<string, Date>();
  const finish = (item: DueItem) => {
    let pick = random() * 100;
    let spread = DONE_SPREAD[DONE_SPREAD.length - 1]!;
    for (const s of DONE_SPREAD) {
      if (pick < s[0]) {
        spread = s;
        break;
      }
      pick -= s[0];
    }
    // In office hours.
    doneAt.set(itemId(item), bangkokInstant(addDays(item.dueOn, int(spread[1], spread[2])), int(9, 16) * 60));
  };

  const measures = options.measures ?? 7;
  const steps = options.stepsPerMeasure ?? 4;
  let stepId = 1;
  for (let m = 0; m < measures; m++) {
    // The unit answering for a measure is one editor; about one measure in three shares it with an
    // admin or a second editor, and now and then a step has an owner of its own.
    const owner = doers[m % doers.length]!;
    const measureOwners = [owner];
    if (random() < 1 / 3) {
      const other = random() < 0.5 ? admins[int(0, admins.length - 1)] : doers[(m + 1) % doers.length];
      if (other !== undefined && other !== owner) measureOwners.push(other);
    }
    const dues = Array.from({ length: steps }, () => dueDate(fy, random)).sort();
    for (const dueOn of dues) {
      const own = random() < 0.15 ? [doers[int(0, doers.length - 1)]!] : measureOwners;
      const id = stepId++;
      const item: DueItem = {
        key: `step:${id}`,
        agencyId,
        title: `มาตรการ ${m + 1} ขั้นตอนที่ ${id}`,
        measureTitle: `มาตรการ ${m + 1}`,
        dueOn,
        status: "not_started",
        ownerIds: own,
      };
      items.push(item);
      finish(item);
    }
  }

  const oitDue = typicalCalendar(fy).find((c) => c.key === "oit-submission")!.dueOn;
  const oitOwners = [...doers, ...admins];
  for (let k = 0; k < (options.oitItems ?? 0); k++) {
    const item: DueItem = {
      key: `oit:${k + 1}`,
      agencyId,
      title: `OIT ข้อ ${k + 1}`,
      dueOn: oitDue,
      status: "not_started",
      ownerIds: [oitOwners[k % oitOwners.length]!],
    };
    items.push(item);
    finish(item);
  }

  // The calendar goes to the admins as the tick gives it: only the dates that remind, late not chased.
  typicalCalendar(fy)
    .filter((c) => c.remind)
    .forEach((c, k) => {
      items.push({
        key: `milestone:${k + 1}`,
        agencyId,
        title: c.titleTh,
        dueOn: c.dueOn,
        status: "not_started",
        ownerIds: admins,
        remindWhenLate: false,
      });
    });

  return { agencyId, members, roles, items: items.filter((i) => i.dueOn >= start), doneAt };
}

/** A due date in the fiscal year: a month drawn from the seed's, at its end (most) or its middle. */
function dueDate(fiscalYear: number, random: () => number): string {
  const month = SEED_DUE_MONTHS[Math.floor(random() * SEED_DUE_MONTHS.length)]!;
  const ce = fiscalYear - BE_OFFSET - (month >= 10 ? 1 : 0);
  const ym = `${ce}-${String(month).padStart(2, "0")}`;
  const r = random();
  // The last day: the first of the next month, one day back.
  if (r < 0.6) return addDays(`${addDays(`${ym}-01`, 32).slice(0, 7)}-01`, -1);
  if (r < 0.9) return `${ym}-15`;
  return `${ym}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
}

/** The agency's fiscal year as the tick would run it: 1 October to 1 October, Bangkok. */
export function simulateYear(
  agency: Pick<TypicalAgency, "items" | "members" | "doneAt">,
  fiscalYear: number,
): PushSimulationResult {
  const { start, end } = fiscalYearRange(fiscalYear);
  return simulatePushes({
    items: agency.items,
    members: agency.members,
    from: bangkokInstant(start, 0),
    to: bangkokInstant(addDays(end, 1), 0),
    doneAt: agency.doneAt,
    statusNotices: true,
  });
}
