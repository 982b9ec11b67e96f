// View models of the answers: plain data the handler computes from scores, ranks and the
// framework, and the Flex builders turn into LINE messages. Numbers are already formatted.

export interface LevelView {
  code: string;
  nameTh: string;
  /** "#2E7D32" */
  color: string;
}

export interface RankView {
  rank: number;
  of: number;
}

export interface BarView {
  /** "IIT" or indicator number "4" */
  code: string;
  label: string;
  /** "92.90" — always two decimals */
  value: string;
  /** 0–100, for the bar width */
  percent: number;
  highlight?: boolean;
}

export interface ScoreCardView {
  agencyName: string;
  year: number;
  total?: string;
  level?: LevelView;
  national?: RankView & { agencyType: string };
  provincial?: RankView & { province: string };
  /** Rank as ITAS published it, when imported. */
  reportedRank?: number;
  tools: BarView[];
  indicators: BarView[];
  /** Reported figures that differ from what their parts give. */
  mismatchCount: number;
  /** Why the level is not the next band up: the tools below its per-tool mark. */
  heldBack?: string;
  /** "กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)" under a year whose framework is not confirmed. */
  provisional?: string;
  /** Other years with data, newest first (for quick replies). */
  otherYears: number[];
}

export interface ItemView {
  code: string;
  titleTh?: string;
  value: string;
  percent: number;
  low: boolean;
}

export interface IndicatorCardView {
  agencyName: string;
  year: number;
  no: number;
  nameTh: string;
  tool: string;
  value: string;
  percent: number;
  source: "reported" | "computed";
  items: ItemView[];
  /** Sub-indicators (OIT up to 2565) */
  subIndicators: { code: string; nameTh: string; value: string }[];
  threshold: number;
  /** The indicators before and after it in the year's framework (quick replies). */
  neighbours: number[];
  provisional?: string;
}

export interface ItemCardView {
  agencyName: string;
  year: number;
  code: string;
  titleTh?: string;
  value: string;
  percent: number;
  indicator?: { no: number; nameTh: string };
  /** The same item a year earlier (codes change between years; a merged item lists several). */
  earlier?: { year: number; items: { code: string; titleTh?: string; value?: string }[] };
  provisional?: string;
}

export interface DeltaView {
  code: string;
  label: string;
  from: string;
  to: string;
  /** "+1.23", "-0.40", "0.00" */
  delta: string;
  direction: "up" | "down" | "same";
}

export interface ComparisonCardView {
  agencyName: string;
  fromYear: number;
  toYear: number;
  total?: DeltaView;
  levels?: { from?: string; to?: string };
  tools: DeltaView[];
  indicators: DeltaView[];
  /** What only one of the two years' frameworks has, said in Thai (a reform changes the shape). */
  notComparable?: string;
}

export interface StrengthsCardView {
  agencyName: string;
  year: number;
  threshold: number;
  kind: "strengths" | "weaknesses";
  indicators: BarView[];
  /** Lowest items, for weaknesses */
  lowestItems: (ItemView & { indicatorNameTh?: string })[];
}

export interface RankCardView {
  agencyName: string;
  year: number;
  total?: string;
  national?: RankView & { agencyType: string };
  provincial?: RankView & { province: string };
  reportedRank?: number;
}

export interface DigestItemView {
  /** "step:12" */
  key: string;
  /** Set for measure steps: the buttons update this step. */
  stepId?: number;
  title: string;
  measureTitle?: string;
  /** "31 มี.ค. 68" */
  dueText: string;
  kind: "lead" | "due" | "overdue";
  /** Days before (lead) or after (overdue) the due date. */
  days: number;
}

export interface DigestView {
  agencyName: string;
  /** "24 มี.ค. 68" */
  dayText: string;
  items: DigestItemView[];
}

export interface CalendarEntryView {
  /** The national date's key ("oit-submission"). */
  key?: string;
  titleTh: string;
  /** "30 เม.ย. 70" or "1 มี.ค. – 30 เม.ย. 70" */
  dateText: string;
  /** "อีก 12 วัน", "วันนี้", "ผ่านมาแล้ว 3 วัน" */
  daysText: string;
  /** Open now (a window today falls in). */
  open: boolean;
  /** The usual pattern, not yet a date the NACC announced. */
  provisional: boolean;
  /** The agency's own date rather than a national one. */
  own: boolean;
}

export interface CalendarCardView {
  agencyName: string;
  /** "ปีงบประมาณ พ.ศ. 2570" */
  subtitle: string;
  /** The date a question asked about ("กำหนดส่ง OIT เมื่อไหร่"), shown first and large. */
  focus?: CalendarEntryView;
  /** The dates ahead, soonest first. */
  entries: CalendarEntryView[];
  /** The agency has open work (steps to do): a quick reply to it. */
  hasOpenWork: boolean;
}
