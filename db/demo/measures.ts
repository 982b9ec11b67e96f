import type { Kysely } from "kysely";
import { deriveFromSteps } from "../../core/measures/derive.ts";
import { addDays, daysBetween } from "../../core/thai/date.ts";
import { toThaiDigits } from "../../core/thai/digits.ts";
import { bangkokDate, fiscalYearOfDate, fiscalYearRange } from "../../core/thai/fiscal-year.ts";
import { periodRange } from "../../core/thai/period.ts";
import { findAgencyByCode } from "../repositories/agencies.ts";
import { createMeasure } from "../repositories/measures.ts";
import { ensureNationalCalendar } from "../repositories/milestones.ts";
import type { Database } from "../schema.ts";
import { type Actor, systemScope } from "../scope.ts";
import { DEMO_MEASURES, type DemoStep, LIVE_AS_OF, YEAR_2568 } from "./seed-measures.ts";
import { DEMO_USERS } from "./users.ts";

// Loads the seeds' measures (./seed-measures.ts): the published ones in their own years, the live
// plan moved into today's fiscal year.

const numbered = (steps: DemoStep[]) =>
  steps.map((s, i) => `${toThaiDigits(String(i + 1))}. ${s.title}`).join(" ");

export interface DemoMeasuresOutcome {
  measures: number;
  milestones: number;
}

const NEAR_DAYS = 30;

/**
 * A date of the live plan, moved to `today`'s fiscal year: within NEAR_DAYS of LIVE_AS_OF it keeps
 * its distance from today (17 days overdue stays 17 days overdue), further out it is scaled into
 * what is left of the fiscal year on that side, so the plan's dates stay in order and, but for the
 * first and last weeks of a year, within it.
 */
export function liveDate(planDate: string, today: string): string {
  const plan = fiscalYearRange(fiscalYearOfDate(LIVE_AS_OF));
  const now = fiscalYearRange(fiscalYearOfDate(today));
  const offset = daysBetween(LIVE_AS_OF, planDate);
  if (Math.abs(offset) <= NEAR_DAYS) return addDays(today, offset);
  const [planRoom, nowRoom] =
    offset < 0
      ? [daysBetween(plan.start, LIVE_AS_OF), daysBetween(now.start, today)]
      : [daysBetween(LIVE_AS_OF, plan.end), daysBetween(today, now.end)];
  const room = Math.max(nowRoom, NEAR_DAYS);
  const far = Math.abs(offset) - NEAR_DAYS;
  const scaled = NEAR_DAYS + Math.round((far * (room - NEAR_DAYS)) / Math.max(1, planRoom - NEAR_DAYS));
  return addDays(today, offset < 0 ? -scaled : scaled);
}

/** "๑ ตุลาคม ๒๕๖๙ – ๓๐ กันยายน ๒๕๗๐": a whole fiscal year as the seeds write it. */
function wholeYearText(fiscalYear: number): string {
  return toThaiDigits(`1 ตุลาคม ${fiscalYear - 1} – 30 กันยายน ${fiscalYear}`);
}

/**
 * Inserts the demo measures (through createMeasure, so with audit rows), owned by the agency's demo
 * members: the seeds' published measures in their own years, and the live plan in the fiscal year
 * of `now` (each when the agency has no measures in that year yet); and the national calendar of
 * this fiscal year and the next. Loading again adds nothing; loading in a later year adds that
 * year's live plan and calendar.
 */
export async function loadDemoMeasures(db: Kysely<Database>, now: Date): Promise<DemoMeasuresOutcome> {
  const actor: Actor = { label: "demo:measures" };
  const today = bangkokDate(now);
  let measures = 0;
  for (const plan of DEMO_MEASURES) {
    const agency = await findAgencyByCode(db, plan.agencyCode);
    if (!agency) continue;
    const fiscalYear = plan.live ? fiscalYearOfDate(today) : plan.fiscalYear;
    const existing = await db
      .selectFrom("measures")
      .select("id")
      .where("agency_id", "=", agency.id)
      .where("fiscal_year", "=", fiscalYear)
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    const lineUserIds = DEMO_USERS.filter((u) => u.agencyCode === plan.agencyCode && u.role !== "viewer").map(
      (u) => u.lineUserId,
    );
    const owners = lineUserIds.length
      ? await db
          .selectFrom("members")
          .select("id")
          .where("agency_id", "=", agency.id)
          .where("line_user_id", "in", lineUserIds)
          .where("active", "=", true)
          .execute()
      : [];
    const scope = systemScope(agency.id);
    const move = (date: string | null | undefined) =>
      date && plan.live ? liveDate(date, today) : (date ?? null);
    for (const m of plan.measures) {
      const periodText = plan.live && m.periodText === YEAR_2568 ? wholeYearText(fiscalYear) : m.periodText;
      const range = periodRange(periodText, fiscalYear);
      const steps = m.steps.map((s) => {
        const status = s.status ?? (plan.reportedOn ? "done" : "not_started");
        const dueOn =
          s.dueOn ??
          (s.period ? periodRange(s.period, plan.fiscalYear) : periodRange(m.periodText, plan.fiscalYear))
            ?.end;
        return {
          title: s.title,
          dueOn: move(dueOn),
          responsibleUnit: s.responsibleUnit ?? null,
          status,
          progress: status === "done" ? 100 : (s.progress ?? 0),
          doneOn: status === "done" ? move(s.doneOn ?? plan.reportedOn) : null,
        };
      });
      const derived = deriveFromSteps(steps) ?? { status: "not_started" as const, progress: 0 };
      await createMeasure(db, scope, actor, {
        fiscalYear,
        title: m.title,
        indicators: m.indicators ?? [],
        items: m.items ?? [],
        method: m.method ?? numbered(m.steps),
        responsibleUnit: m.responsibleUnit,
        periodText,
        periodStart: range?.start ?? null,
        periodEnd: range?.end ?? null,
        followUp: m.followUp,
        status: derived.status,
        progress: derived.progress,
        resultSummary: m.resultSummary ?? "",
        suggestions: m.suggestions ?? "",
        ownerIds: owners.map((o) => o.id),
        steps,
      });
      measures++;
    }
  }
  const current = fiscalYearOfDate(today);
  const milestones =
    (await ensureNationalCalendar(db, current)) + (await ensureNationalCalendar(db, current + 1));
  return { measures, milestones };
}
