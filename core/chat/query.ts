// What an official's chat message asks for, once understood (intent.ts parses text into this).

/** A year as the user gave it; resolved against `now` and the years with data by the handler. */
export type YearSpec =
  | { kind: "year"; be: number; era: "be" | "ce" | "short" }
  /** "ปีนี้" (0) or "ปีที่แล้ว" (-1): fiscal years relative to now, Asia/Bangkok. */
  | { kind: "relative"; offset: number };

export type ToolCode = "IIT" | "EIT" | "OIT";

export type TaskList = "measures" | "overdue" | "mine";

export interface SettingsChange {
  muted?: boolean;
  frequency?: "daily" | "weekly";
  /** The first reminder this many days before; the day before and the day itself stay. */
  firstLeadDays?: number;
}

export type ReportKind = "analysis" | "progress";
export type ReportFormat = "pdf" | "docx";

export type Query =
  | { intent: "overall"; year?: YearSpec }
  | { intent: "tool"; tool: ToolCode; year?: YearSpec }
  | { intent: "indicator"; no: number; year?: YearSpec }
  /** Canonical item code: "i12", "e3", "O30". */
  | { intent: "item"; code: string; year?: YearSpec }
  | { intent: "strengths"; year?: YearSpec; threshold?: number }
  | { intent: "weaknesses"; year?: YearSpec; threshold?: number }
  /** Two years, older first when both given; one or none means "latest against the one before". */
  | { intent: "compare"; years: YearSpec[] }
  | { intent: "rank"; year?: YearSpec }
  /** "มาตรการ", "งานค้าง", "งานของฉัน": the agency's measures, its overdue steps, my steps. */
  | { intent: "tasks"; which: TaskList }
  /** "ตั้งค่าแจ้งเตือน", "ปิดการแจ้งเตือน", "แจ้งเตือนรายสัปดาห์", "เตือนล่วงหน้า 3 วัน". */
  | { intent: "settings"; change?: SettingsChange }
  /** "ขอรายงาน", "รายงานวิเคราะห์ปี 67 pdf", "รายงานผลมาตรการ word": short-lived download links. */
  | { intent: "report"; kind?: ReportKind; format?: ReportFormat; year?: YearSpec; digits?: "arabic" }
  | { intent: "help" }
  /** "เชื่อมต่อ 123456": join an agency with an invite code. */
  | { intent: "link"; code: string }
  | { intent: "unknown" };

export type Intent = Query["intent"];
