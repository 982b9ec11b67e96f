// What a caller (CLI, HTTP, chat) asks for, validated the same way everywhere.
import { z } from "zod";
import { toArabicDigits } from "../thai/digits.ts";

export const REPORT_KINDS = ["analysis", "progress"] as const;
export const REPORT_FORMATS = ["docx", "pdf"] as const;

export const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

export const reportRequestSchema = z.object({
  kind: z.enum(REPORT_KINDS, { error: "ชนิดรายงานต้องเป็น analysis หรือ progress" }),
  year: z.preprocess(
    (v) => (typeof v === "string" ? Number(toArabicDigits(v.trim())) : v),
    z.number({ error: "ปีต้องเป็นตัวเลข พ.ศ." }).int().min(2562, "ปีต้องเป็น พ.ศ. ๒๕๖๒ ขึ้นไป").max(2700, "ปีไม่ถูกต้อง"),
  ),
  format: z.enum(REPORT_FORMATS, { error: "รูปแบบไฟล์ต้องเป็น docx หรือ pdf" }),
  digits: z.enum(["thai", "arabic"], { error: "ตัวเลขต้องเป็น thai หรือ arabic" }).default("thai"),
  threshold: z.coerce
    .number({ error: "เกณฑ์ต้องเป็นตัวเลข" })
    .min(50, "เกณฑ์ต่ำสุด ๕๐")
    .max(100, "เกณฑ์สูงสุด ๑๐๐")
    .optional(),
});

export type ReportRequestInput = z.input<typeof reportRequestSchema>;
export type ReportRequest = z.output<typeof reportRequestSchema>;

/** "ita-analysis-SEED000-2567.pdf": ASCII, so it is safe in Content-Disposition and file systems. */
export function reportFilename(kind: string, agencyCode: string, year: number, format: string): string {
  const code = agencyCode.replace(/[^A-Za-z0-9_-]/g, "_");
  return `ita-${kind}-${code}-${year}.${format}`;
}
