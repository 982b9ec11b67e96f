import type { Kysely } from "kysely";
import { forecastNote } from "../core/chat/push-forecast-text.ts";
import { bangkokDate } from "../core/thai/fiscal-year.ts";
import { agencyForecast, forecastView } from "../db/repositories/push-forecasts.ts";
import { quotaWarned } from "../db/repositories/quota-warnings.ts";
import type { Database } from "../db/schema.ts";

/**
 * What an agency's admins are shown about the LINE account's message quota, wherever they see
 * their settings (chat and app): the 80 % warning of this month, and the forecast of the coming
 * month (bot/jobs/quota-forecast.ts). Callers check that the member is an admin.
 */
export async function adminQuotaNotes(db: Kysely<Database>, agencyId: number, now: Date): Promise<string[]> {
  const month = bangkokDate(now).slice(0, 7);
  const [warned, forecast] = await Promise.all([quotaWarned(db, month), agencyForecast(db, agencyId, month)]);
  const notes: string[] = [];
  if (warned) {
    notes.push("⚠️ เดือนนี้ใช้โควตาข้อความของบัญชี LINE ไปแล้วกว่า 80% ข้อความเตือนที่ส่งไม่ได้จะรอในคิว และส่งให้เมื่อผู้รับทักบอท");
  }
  if (forecast) notes.push(forecastNote(forecastView(forecast.account, forecast.agency)));
  return notes;
}
