// An agency's integrity measures (มาตรการ) and their steps, as the rest of the code sees them.
// Pure types: storage is db/repositories/measures.ts and measure-steps.ts. Dates are Bangkok calendar
// dates 'YYYY-MM-DD'.
import type { FollowUp, MeasureStatus } from "./model.ts";

/** A member responsible for a measure or a step. */
export interface Owner {
  memberId: number;
  /** The LINE display name the member joined with; null when LINE did not give one. */
  displayName: string | null;
}

/** One step (ขั้นตอน) of a measure: what is reminded and ticked off. */
export interface Step {
  id: number;
  measureId: number;
  seq: number;
  title: string;
  dueOn: string | null;
  responsibleUnit: string | null;
  status: MeasureStatus;
  /** 0–100. */
  progress: number;
  note: string;
  evidenceUrl: string | null;
  doneOn: string | null;
  /** "เตือนพรุ่งนี้": no reminder before this date. */
  snoozedUntil: string | null;
  /** The step's own owners; empty means the measure's owners (then the agency's admins) answer for it. */
  owners: Owner[];
}

/** A measure (มาตรการส่งเสริมคุณธรรมและความโปร่งใส) of one agency for one fiscal year. */
export interface Measure {
  id: number;
  agencyId: number;
  /** พ.ศ. */
  fiscalYear: number;
  /** Its number in the agency's list for the year (๑, ๒, …). */
  seq: number;
  title: string;
  /** ITA indicators it answers, by number in the framework of its year. */
  indicators: number[];
  /** Item codes of that year it answers ("i12", "O36"). */
  items: string[];
  /** วิธีการดำเนินการ, as written. */
  method: string;
  /** ผู้รับผิดชอบ: "สำนักปลัด", "กองคลัง", "ทุกส่วนราชการ". */
  responsibleUnit: string;
  /** ระยะเวลาดำเนินการ as written ("มีนาคม ๒๕๖๖", "ตลอดปี ๒๕๖๖"). */
  periodText: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  followUp: FollowUp;
  status: MeasureStatus;
  /** 0–100. */
  progress: number;
  /** ผลการดำเนินการ. */
  resultSummary: string;
  /** ผลลัพธ์ (often score changes year over year). */
  outcome: string;
  /** ข้อเสนอแนะ. */
  suggestions: string;
  evidenceLinks: string[];
  owners: Owner[];
  /** In order of seq. */
  steps: Step[];
}

export interface NewStep {
  title: string;
  dueOn?: string | null;
  responsibleUnit?: string | null;
  status?: MeasureStatus;
  progress?: number;
  note?: string;
  evidenceUrl?: string | null;
  doneOn?: string | null;
  /** Members of the same agency. */
  ownerIds?: number[];
}

export interface NewMeasure {
  fiscalYear: number;
  /** Omitted: after the agency's last measure of the year. */
  seq?: number;
  title: string;
  indicators?: number[];
  items?: string[];
  method?: string;
  responsibleUnit?: string;
  periodText?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  followUp?: FollowUp;
  status?: MeasureStatus;
  progress?: number;
  resultSummary?: string;
  outcome?: string;
  suggestions?: string;
  evidenceLinks?: string[];
  /** Members of the same agency. */
  ownerIds?: number[];
  /** Numbered 1, 2, … in the order given. */
  steps?: NewStep[];
}

/** The fields of a measure that can be changed; ownerIds replaces the owners. */
export interface MeasurePatch {
  title?: string;
  indicators?: number[];
  items?: string[];
  method?: string;
  responsibleUnit?: string;
  periodText?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  followUp?: FollowUp;
  /** "done" also sets progress to 100 unless progress is given. */
  status?: MeasureStatus;
  progress?: number;
  resultSummary?: string;
  outcome?: string;
  suggestions?: string;
  evidenceLinks?: string[];
  ownerIds?: number[];
}

/** The fields of a step that can be changed; ownerIds replaces the step's own owners. */
export interface StepPatch {
  /** "done" also sets progress to 100 unless given, and doneOn (from doneOn, else today). */
  status?: MeasureStatus;
  progress?: number;
  note?: string;
  evidenceUrl?: string | null;
  doneOn?: string | null;
  snoozedUntil?: string | null;
  dueOn?: string | null;
  ownerIds?: number[];
  /** The caller's Bangkok date: the doneOn of a step marked done without one. Not stored otherwise. */
  today?: string;
}

export interface MeasureFilter {
  fiscalYear?: number;
  status?: MeasureStatus;
  /** "Mine": the member owns the measure or one of its steps. */
  ownerMemberId?: number;
  /** Overdue on this date: some step due before it is neither done nor cancelled. */
  overdueOn?: string;
  /** Measures that address this ITA indicator. */
  indicator?: number;
}
