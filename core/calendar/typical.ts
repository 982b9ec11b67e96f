// The usual national ITA calendar of a fiscal year, from the pattern of past years (FRAMEWORK.md,
// YEARS-2569-2570.md): ITAS registration Jan–Feb, the IIT/EIT surveys in the first half, OIT
// evidence published and submitted Mar–Apr, OIT scored in May, clarification early June,
// confirmation late June, results by mid-August; the six-month report by 30 April and the annual
// report of the year before by 30 October. Every date is provisional until an operator enters the
// one the NACC announces (`ita milestone --id N --date …`).
import { toThaiDigits } from "../thai/digits.ts";
import { BE_OFFSET } from "../thai/year.ts";
import type { Milestone, MilestoneKind } from "./milestone.ts";

interface Pattern {
  key: string;
  title: (fiscalYear: string, previousYear: string) => string;
  /** Month and day; months 10–12 fall in the calendar year before the fiscal year's. */
  due: [number, number];
  starts?: [number, number];
  kind: MilestoneKind;
  remind: boolean;
}

/** National dates, in the order of the year. */
export const TYPICAL_PATTERN: readonly Pattern[] = [
  {
    key: "annual-report",
    title: (_fy, prev) => `ส่งรายงานผลการดำเนินงานประจำปีงบประมาณ ${prev}`,
    due: [10, 30],
    kind: "duty",
    remind: true,
  },
  {
    key: "registration",
    title: (fy) => `ITA ${fy}: ลงทะเบียนและนำเข้าข้อมูลในระบบ ITAS`,
    starts: [1, 5],
    due: [2, 28],
    kind: "ita",
    remind: true,
  },
  {
    key: "survey",
    title: (fy) => `ITA ${fy}: ช่วงตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายในและภายนอก`,
    starts: [2, 1],
    due: [6, 30],
    kind: "ita",
    remind: false,
  },
  {
    key: "oit-submission",
    title: (fy) => `ITA ${fy}: เผยแพร่ข้อมูล OIT บนเว็บไซต์และส่งคำตอบในระบบ ITAS`,
    starts: [3, 1],
    due: [4, 30],
    kind: "ita",
    remind: true,
  },
  {
    key: "six-month-report",
    title: (fy) => `ส่งรายงานผลการดำเนินงาน รอบ ๖ เดือน ปีงบประมาณ ${fy}`,
    due: [4, 30],
    kind: "duty",
    remind: true,
  },
  {
    key: "oit-scoring",
    title: (fy) => `ITA ${fy}: ผู้ตรวจประเมินตรวจให้คะแนน OIT`,
    starts: [5, 1],
    due: [5, 31],
    kind: "ita",
    remind: false,
  },
  {
    key: "clarification",
    title: (fy) => `ITA ${fy}: ชี้แจงผลการตรวจ OIT`,
    starts: [6, 1],
    due: [6, 10],
    kind: "ita",
    remind: true,
  },
  {
    key: "confirmation",
    title: (fy) => `ITA ${fy}: ยืนยันผลคะแนน OIT`,
    due: [6, 30],
    kind: "ita",
    remind: true,
  },
  {
    key: "results",
    title: (fy) => `ITA ${fy}: ประกาศผลการประเมิน`,
    due: [8, 15],
    kind: "ita",
    remind: false,
  },
];

const pad = (n: number) => String(n).padStart(2, "0");

/** 'YYYY-MM-DD' of a month and day within a fiscal year (พ.ศ.). */
function dateIn(fiscalYear: number, [month, day]: [number, number]): string {
  const ce = fiscalYear - BE_OFFSET - (month >= 10 ? 1 : 0);
  return `${ce}-${pad(month)}-${pad(day)}`;
}

/** The usual national milestones of a fiscal year, every one provisional. */
export function typicalCalendar(fiscalYear: number): Milestone[] {
  const fy = toThaiDigits(String(fiscalYear));
  const prev = toThaiDigits(String(fiscalYear - 1));
  return TYPICAL_PATTERN.map((p) => ({
    agencyId: null,
    fiscalYear,
    key: p.key,
    titleTh: p.title(fy, prev),
    ...(p.starts ? { startsOn: dateIn(fiscalYear, p.starts) } : {}),
    dueOn: dateIn(fiscalYear, p.due),
    kind: p.kind,
    provisional: true,
    remind: p.remind,
  }));
}
