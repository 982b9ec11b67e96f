import { z } from "zod/mini";
import { convert, refuse } from "./convert.ts";
import { parseDateInput } from "./measure-form.ts";
import { singleLineText } from "./text.ts";

// An agency's own date in the ITA calendar (the LIFF calendar page and its API): a title, the day
// it is due and, for a window, the day it opens. Dates as officials type them (พ.ศ. welcome).

const BAD_DATE = "วันที่ไม่ถูกต้อง ใส่เป็น วัน/เดือน/ปี พ.ศ. เช่น 30/04/2570";
const NO_DATE = "ใส่วันที่";

const requiredDate = convert(z.string({ error: NO_DATE }), (raw, ctx): string => {
  const parsed = parseDateInput(raw);
  if (parsed === null) return refuse(ctx, NO_DATE);
  return parsed === undefined ? refuse(ctx, BAD_DATE) : parsed;
});

const optionalDate = convert(z.nullish(z.string({ error: BAD_DATE })), (raw, ctx): string | null => {
  const parsed = parseDateInput(raw ?? "");
  return parsed === undefined ? refuse(ctx, BAD_DATE) : parsed;
});

export const milestoneSchema = z
  .object({
    titleTh: z
      .string({ error: "ใส่ชื่อวันสำคัญ" })
      .check(
        singleLineText(),
        z.trim(),
        z.minLength(1, "ใส่ชื่อวันสำคัญ"),
        z.maxLength(300, "ชื่อยาวเกิน 300 ตัวอักษร"),
      ),
    dueOn: requiredDate,
    startsOn: z._default(optionalDate, null),
  })
  .check(
    z.refine((m) => !m.startsOn || !m.dueOn || m.startsOn <= m.dueOn, {
      message: "วันเริ่มต้องไม่หลังวันครบกำหนด",
      path: ["startsOn"],
    }),
  );

export type MilestoneForm = z.input<typeof milestoneSchema>;
export type MilestoneValues = z.output<typeof milestoneSchema>;
