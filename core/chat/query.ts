// What an official's chat message asks for, once understood (intent.ts parses text into this).

/** A year as the user gave it; resolved against `now` and the years with data by the handler. */
export type YearSpec =
  | { kind: "year"; be: number; era: "be" | "ce" | "short" }
  /** "ปีนี้" (0) or "ปีที่แล้ว" (-1): fiscal years relative to now, Asia/Bangkok. */
  | { kind: "relative"; offset: number };

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
  /** A tool by its code in the frameworks ("IIT"); none named: the year's tools. */
  | { intent: "tool"; tool?: string; year?: YearSpec }
  /**
   * An indicator by number, or by name: then `no` is its number in the newest year that has the
   * name, and `concept` (when known) finds it in a year that numbers it otherwise.
   */
  | { intent: "indicator"; no: number; concept?: string; year?: YearSpec }
  /** An item's lookup key ("i12", "e3", "o30"); each year's framework spells it its own way. */
  | { intent: "item"; code: string; year?: YearSpec }
  | { intent: "strengths"; year?: YearSpec; threshold?: number }
  | { intent: "weaknesses"; year?: YearSpec; threshold?: number }
  /**
   * Two years, older first when both given; one or none means "latest against the one before".
   * With an item ("เทียบ O11 ปี 68 กับ 69") the item is compared through the concept map.
   */
  | { intent: "compare"; years: YearSpec[]; item?: string }
  | { intent: "rank"; year?: YearSpec }
  /** "มาตรการ", "งานค้าง", "งานของฉัน": the agency's measures, its overdue steps, my steps. */
  | { intent: "tasks"; which: TaskList }
  /** "ตั้งค่าแจ้งเตือน", "ปิดการแจ้งเตือน", "แจ้งเตือนรายสัปดาห์", "เตือนล่วงหน้า 3 วัน". */
  | { intent: "settings"; change?: SettingsChange }
  /** "ขอรายงาน", "รายงานวิเคราะห์ปี 67 pdf", "รายงานผลมาตรการ word": short-lived download links. */
  | { intent: "report"; kind?: ReportKind; format?: ReportFormat; year?: YearSpec; digits?: "arabic" }
  /**
   * "ปฏิทิน ITA", "กำหนดส่ง OIT เมื่อไหร่", "ประกาศผลเมื่อไหร่", "เหลือกี่วัน": the calendar, with the
   * date asked about (a national milestone's key) first.
   */
  | { intent: "calendar"; topic?: string }
  | { intent: "help" }
  /** "เชื่อมต่อ 123456": join an agency with an invite code. */
  | { intent: "link"; code: string }
  | { intent: "unknown" };

export type Intent = Query["intent"];
