import { z } from "zod/mini";
import { MEASURE_STATUSES, PROGRESS_MAX, PROGRESS_MIN } from "../measures/fields.ts";
import { isIsoDate } from "../thai/date.ts";
import { multiLineText, singleLineText } from "./text.ts";

// One definition for the LIFF form and the API: the form shows these messages next to the field,
// the server refuses the same things with the same words.

export const stepStatusSchema = z.object({
  status: z.enum(MEASURE_STATUSES, {
    error: "เลือกสถานะ: ยังไม่เริ่ม กำลังดำเนินการ เสร็จแล้ว หรือยกเลิก",
  }),
  progress: z.coerce
    .number({ error: "ใส่ความคืบหน้าเป็นตัวเลข 0–100" })
    .check(
      z.int("ใส่ความคืบหน้าเป็นจำนวนเต็ม"),
      z.gte(PROGRESS_MIN, `ความคืบหน้าต้องไม่ต่ำกว่า ${PROGRESS_MIN}`),
      z.lte(PROGRESS_MAX, `ความคืบหน้าต้องไม่เกิน ${PROGRESS_MAX}`),
    ),
  note: z._default(
    z.string().check(multiLineText(), z.trim(), z.maxLength(2000, "บันทึกยาวเกิน 2,000 ตัวอักษร")),
    "",
  ),
  evidenceUrl: z._default(
    z.string().check(
      singleLineText(),
      z.trim(),
      z.maxLength(2000, "ลิงก์ยาวเกินไป"),
      z.refine(
        (v) => v === "" || /^https:\/\/[^\s]+\.[^\s]+/.test(v),
        "ลิงก์หลักฐานต้องขึ้นต้นด้วย https:// เช่น https://www.example.go.th/ita/o10",
      ),
    ),
    "",
  ),
  doneOn: z._default(
    z.string().check(
      z.trim(),
      z.refine((v) => v === "" || isIsoDate(v), "วันที่ไม่ถูกต้อง"),
    ),
    "",
  ),
});

export type StepStatusInput = z.input<typeof stepStatusSchema>;
export type StepStatus = z.output<typeof stepStatusSchema>;

/** Field → first Thai message, for showing next to each field. */
export function fieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    out[field] ??= issue.message;
  }
  return out;
}
