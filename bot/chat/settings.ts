import type { Kysely } from "kysely";
import { textAnswer } from "../../core/chat/flex/index.ts";
import type { SettingsChange } from "../../core/chat/query.ts";
import {
  type ReminderSettings,
  reminderSettings,
  type SettingsPatch,
  updateReminderSettings,
} from "../../db/repositories/member-prefs.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import type { Database } from "../../db/schema.ts";
import type { Message } from "../line/client.ts";
import { adminQuotaNotes } from "../quota-notes.ts";

const DAYS_TH = ["วันอาทิตย์", "วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์"];

function describe(s: ReminderSettings): string {
  if (s.muted) return 'ปิดการแจ้งเตือนอยู่ (ไม่ส่งข้อความเตือน งานยังดูได้ด้วย "งานของฉัน")';
  const leads = [...s.leadDays]
    .sort((a, b) => b - a)
    .map((d) => (d === 0 ? "วันครบกำหนด" : `${d} วันก่อน`))
    .join(", ");
  const how =
    s.frequency === "weekly"
      ? `รายสัปดาห์ทุก${DAYS_TH[s.weeklyDay]} (งานที่ครบกำหนดภายใน 1 วันหรือเลยกำหนดยังเตือนทุกวัน)`
      : "รายวัน รวมเป็นข้อความเดียวต่อวัน";
  return `เตือน${leads} และทุก 7 วันเมื่อเลยกำหนด\nส่งแบบ${how}\nไม่ส่งช่วง ${s.quietStart}–${s.quietEnd} น.`;
}

/** "ตั้งค่าแจ้งเตือน" and its changes: a member's own reminder settings, audited. */
export async function answerSettings(
  db: Kysely<Database>,
  membership: Membership,
  lineUserId: string,
  change: SettingsChange | undefined,
  now: Date,
): Promise<Message[]> {
  const scope = scopeOf(membership);
  let settings = await reminderSettings(db, scope, membership.memberId);
  if (change) {
    const patch: SettingsPatch = {};
    if (change.muted !== undefined) patch.muted = change.muted;
    if (change.frequency) patch.frequency = change.frequency;
    if (change.firstLeadDays !== undefined) patch.leadDays = [...new Set([change.firstLeadDays, 1, 0])];
    settings = await updateReminderSettings(
      db,
      scope,
      { label: `line:${lineUserId}`, memberId: membership.memberId },
      membership.memberId,
      patch,
    );
  }
  const notes = membership.role === "admin" ? await adminQuotaNotes(db, membership.agencyId, now) : [];
  const quotaNote = notes.map((n) => `\n\n${n}`).join("");
  return [
    textAnswer(`${change ? "บันทึกแล้ว ✅\n" : ""}การแจ้งเตือนของท่าน:\n${describe(settings)}${quotaNote}`, [
      settings.muted ? "เปิดการแจ้งเตือน" : "ปิดการแจ้งเตือน",
      settings.frequency === "weekly" ? "แจ้งเตือนรายวัน" : "แจ้งเตือนรายสัปดาห์",
      "เตือนล่วงหน้า 3 วัน",
      "เตือนล่วงหน้า 7 วัน",
      "งานของฉัน",
    ]),
  ];
}
