import type { Kysely } from "kysely";
import { toThaiDigits } from "../../core/thai/digits.ts";
import { BE_OFFSET } from "../../core/thai/year.ts";
import { ensureFiscalYear } from "../repositories/measures.ts";
import type { Database, MilestonesTable } from "../schema.ts";

// The national ITA calendar as data (FRAMEWORK.md, "Calendar and conventions").
//
// TYPICAL DATES, NOT ANNOUNCED ONES. The NACC sets the real dates every year; these follow the
// usual pattern (registration Jan–Feb, OIT evidence Mar–Apr, OIT scoring May, clarification early
// June, confirmation late June, results by mid-August; six-month reports by 30 April, the annual
// report of the previous year by 30 October). An admin is expected to edit them; rows loaded from
// here are marked created_by = TYPICAL_CALENDAR_LABEL so they can be told apart.

export const TYPICAL_CALENDAR_LABEL = "demo:typical-calendar (edit to the announced dates)";

export interface DemoMilestone {
  fiscalYear: number;
  title: string;
  dueOn: string;
  kind: MilestonesTable["kind"];
}

/** The usual national milestones of a fiscal year (พ.ศ.): typical dates, to be edited by an admin. */
export function typicalItaCalendar(fiscalYear: number): DemoMilestone[] {
  const ce = fiscalYear - BE_OFFSET; // the calendar year of the assessment (Jan–Sep)
  const th = (n: number) => toThaiDigits(String(n));
  const m = (title: string, dueOn: string, kind: DemoMilestone["kind"]): DemoMilestone => ({
    fiscalYear,
    title,
    dueOn,
    kind,
  });
  return [
    m(`ส่งรายงานผลการดำเนินงานประจำปีงบประมาณ ${th(fiscalYear - 1)}`, `${ce - 1}-10-30`, "duty"),
    m(`ITA ${th(fiscalYear)}: ลงทะเบียนและนำเข้าข้อมูลในระบบ ITAS`, `${ce}-02-28`, "ita"),
    m(`ITA ${th(fiscalYear)}: เผยแพร่ข้อมูล OIT บนเว็บไซต์และส่งคำตอบในระบบ ITAS`, `${ce}-04-30`, "ita"),
    m(`ส่งรายงานผลการดำเนินงาน รอบ ๖ เดือน ปีงบประมาณ ${th(fiscalYear)}`, `${ce}-04-30`, "duty"),
    m(`ITA ${th(fiscalYear)}: ผู้ตรวจประเมินตรวจให้คะแนน OIT`, `${ce}-05-31`, "ita"),
    m(`ITA ${th(fiscalYear)}: ชี้แจงผลการตรวจ OIT`, `${ce}-06-10`, "ita"),
    m(`ITA ${th(fiscalYear)}: ยืนยันผลคะแนน OIT`, `${ce}-06-30`, "ita"),
    m(`ITA ${th(fiscalYear)}: ประกาศผลการประเมิน`, `${ce}-08-15`, "ita"),
  ];
}

/** National milestones loaded with the demo data. */
export const DEMO_MILESTONES: DemoMilestone[] = [...typicalItaCalendar(2568), ...typicalItaCalendar(2569)];

/** Inserts the national milestones of each fiscal year that has none yet; returns how many were added. */
export async function loadDemoMilestones(
  db: Kysely<Database>,
  milestones = DEMO_MILESTONES,
): Promise<number> {
  let added = 0;
  for (const year of [...new Set(milestones.map((m) => m.fiscalYear))]) {
    const existing = await db
      .selectFrom("milestones")
      .select("id")
      .where("fiscal_year", "=", year)
      .where("agency_id", "is", null)
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    await ensureFiscalYear(db, year);
    const rows = milestones.filter((m) => m.fiscalYear === year);
    await db
      .insertInto("milestones")
      .values(
        rows.map((m) => ({
          agency_id: null,
          fiscal_year: m.fiscalYear,
          title: m.title,
          due_on: m.dueOn,
          kind: m.kind,
          created_by: TYPICAL_CALENDAR_LABEL,
        })),
      )
      .execute();
    added += rows.length;
  }
  return added;
}
