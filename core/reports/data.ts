// What the report builders read: gathered by db/repositories/reports.ts, plain data here.
import type { YearResult } from "../ita/analysis.ts";
import type { Assessment } from "../ita/assessment.ts";
import type { Framework } from "../ita/catalog.ts";
import type { Score } from "../ita/score.ts";
import type { Measure } from "../measures/measure.ts";
import type { Digits } from "./document.ts";
import type { Overrides } from "./recommendations.ts";

export interface ReportAgency {
  code: string;
  nameTh: string;
  type: string;
  province: string;
  district: string | null;
}

export interface YearResults {
  assessment: Assessment;
  /** The rank ITAS reported, else the one computed among the agencies stored here. */
  rank?: { rank: number; of?: number; agencyType: string };
}

export interface AnalysisData {
  agency: ReportAgency;
  /** The assessed fiscal year (พ.ศ.). */
  year: number;
  /** That year's framework: the tools, indicators and items the report lists. */
  framework: Framework;
  results: YearResults;
  /** Totals of earlier years, oldest first, for the history line. */
  history: { year: number; total: Score; level?: string }[];
  /** Measures planned for the next fiscal year (year + 1). */
  measures: Measure[];
  overrides: Overrides;
}

export interface ProgressData {
  agency: ReportAgency;
  /** The fiscal year the measures ran in (พ.ศ.). */
  year: number;
  measures: Measure[];
  /** The two latest assessments up to `year` with their frameworks, older first; may hold fewer. */
  comparison: YearResult[];
}

export interface MemoOptions {
  /** ส่วนราชการ; default "สำนักปลัด" + the agency. */
  department?: string;
  /** ที่ (document number), e.g. "นม ๕๒๖๐๑/๕๘๙"; default dots to fill in. */
  reference?: string;
  /** เรียน; default the agency's chief executive. */
  to?: string;
  /** Who signs the memo: name and position. */
  preparer?: { name: string; position: string };
}

export interface BuildOptions {
  digits?: Digits;
  /** The document's date, 'YYYY-MM-DD' (Bangkok); the caller passes today. */
  date: string;
  /** Strengths/weaknesses threshold in points; default core/ita/analysis DEFAULT_THRESHOLD (85). */
  threshold?: number;
  memo?: MemoOptions;
}
