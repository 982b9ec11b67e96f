import { z } from "zod/mini";

// A member's own reminder settings: the LIFF form and PUT /api/me/settings refuse the same things
// with the same Thai words. The chat's "เตือนล่วงหน้า 3 วัน" allows the same range.

export const FIRST_LEAD_MIN = 1;
export const FIRST_LEAD_MAX = 30;

export const settingsSchema = z.object({
  agencyId: z.coerce
    .number({ error: "ไม่ทราบหน่วยงาน" })
    .check(z.int("ไม่ทราบหน่วยงาน"), z.positive("ไม่ทราบหน่วยงาน")),
  muted: z.boolean({ error: "เลือกว่าจะปิดการแจ้งเตือนหรือไม่" }),
  frequency: z.enum(["daily", "weekly"], { error: "เลือกความถี่: รายวัน หรือรายสัปดาห์" }),
  firstLeadDays: z.coerce
    .number({ error: `ใส่จำนวนวันเป็นตัวเลข ${FIRST_LEAD_MIN}–${FIRST_LEAD_MAX}` })
    .check(
      z.int("ใส่จำนวนวันเป็นจำนวนเต็ม"),
      z.gte(FIRST_LEAD_MIN, `เตือนล่วงหน้าอย่างน้อย ${FIRST_LEAD_MIN} วัน`),
      z.lte(FIRST_LEAD_MAX, `เตือนล่วงหน้าได้ไม่เกิน ${FIRST_LEAD_MAX} วัน`),
    ),
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

/** The days before a due date a member is reminded: the first one, the day before and the day itself. */
export function leadDaysFrom(firstLeadDays: number): number[] {
  return [...new Set([firstLeadDays, 1, 0])];
}

/** The earliest reminder of a stored lead-day list, within the range the form accepts (7 when none). */
export function firstLeadOf(leadDays: readonly number[]): number {
  if (leadDays.length === 0) return 7;
  return Math.min(FIRST_LEAD_MAX, Math.max(FIRST_LEAD_MIN, ...leadDays));
}
