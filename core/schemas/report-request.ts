import { z } from "zod/mini";
import { toArabicDigits } from "../thai/digits.ts";
import { convert } from "./convert.ts";

/** A report download asked for from the LIFF app: which document, which year, which format. */
export const reportRequestSchema = z.object({
  kind: z.enum(["analysis", "progress"], { error: "เลือกรายงานที่ต้องการ" }),
  year: z.pipe(
    convert(z.unknown(), (v) => (typeof v === "string" ? Number(toArabicDigits(v.trim())) : v)),
    z
      .number({ error: "ปีต้องเป็นตัวเลข พ.ศ." })
      .check(
        z.int({ error: "ปีต้องเป็นตัวเลข พ.ศ." }),
        z.gte(2560, { error: "ปีต้องอยู่ระหว่าง พ.ศ. 2560–2600" }),
        z.lte(2600, { error: "ปีต้องอยู่ระหว่าง พ.ศ. 2560–2600" }),
      ),
  ),
  format: z.enum(["pdf", "docx"], { error: "เลือกไฟล์ PDF หรือ Word" }),
  /** Thai digits (๒๕๖๗) as official documents use by default, or Arabic (2567). */
  digits: z.optional(z.enum(["thai", "arabic"], { error: "เลือกเลขไทยหรือเลขอารบิก" })),
});

export type ReportRequestInput = z.input<typeof reportRequestSchema>;
export type ReportRequestBody = z.output<typeof reportRequestSchema>;
