// What admins are told about the coming month's pushes: the message pushed ahead of a month that
// would run past the account's quota, and the line shown where they see their settings.

import { cheapestPlan, formatBaht, LINE_PLANS, type LinePlan, monthlyCostSatang } from "../line/plans.ts";
import { MONTHS_TH, MONTHS_TH_SHORT } from "../thai/date.ts";
import { BE_OFFSET } from "../thai/year.ts";
import { formatInt } from "./flex/parts.ts";

export interface PushForecastView {
  /** "YYYY-MM", Bangkok. */
  month: string;
  /** This agency's pushes in the month (a floor: steps ahead done on their day). */
  agencyPushes: number;
  /** Every agency's on the same LINE account; agencyPushes when the agency is alone on it. */
  accountPushes: number;
  agencies: number;
  /** The account's monthly limit; undefined when LINE sets none or it is not known yet. */
  limit?: number;
  /** When the month has begun: what the account had used of it already. */
  usedSoFar?: number;
  /** Members of the agency on daily digests. */
  dailyMembers?: number;
  /** The agency's pushes if every member were on weekly digests, reminded one day ahead. */
  lighter?: number;
  /** Pushes to the agency's viewers, who answer for nothing by role. */
  viewerPushes?: number;
}

/** The month's total as the account will see it: what it used already and what is still to come. */
export function accountTotal(v: PushForecastView): number {
  return (v.usedSoFar ?? 0) + v.accountPushes;
}

export function exceedsQuota(v: PushForecastView): boolean {
  return v.limit !== undefined && accountTotal(v) > v.limit;
}

/** The message pushed to an agency's admins before a month that would exceed the quota. */
export function forecastWarningText(v: PushForecastView): string {
  const month = monthName(v.month);
  const shared = v.agencies > 1;
  const account = shared ? `บัญชี LINE ที่ ${formatInt(v.agencies)} หน่วยงานใช้ร่วมกัน` : "บัญชี LINE ของหน่วยงาน";
  const total = accountTotal(v);
  const limit = v.limit ?? 0;
  const lines: string[] = [];
  if (v.usedSoFar !== undefined) {
    lines.push(
      `⚠️ เดือน${month} ${account}ใช้ข้อความไปแล้ว ${formatInt(v.usedSoFar)} ข้อความ และคาดว่าจะส่งอีกอย่างน้อย ${formatInt(v.accountPushes)} ข้อความจนสิ้นเดือน รวม ${formatInt(total)} เกินโควตา ${formatInt(limit)} ข้อความต่อเดือน`,
    );
  } else {
    lines.push(
      `⚠️ คาดว่าเดือน${month} ${account}จะส่งข้อความอย่างน้อย ${formatInt(total)} ข้อความ เกินโควตา ${formatInt(limit)} ข้อความต่อเดือน`,
    );
  }
  if (shared) lines.push(`(หน่วยงานของท่านประมาณ ${formatInt(v.agencyPushes)} ข้อความ)`);
  lines.push("ประมาณจากงานที่มีในระบบ โดยถือว่าทุกขั้นตอนเสร็จตามกำหนด");
  lines.push("เมื่อโควตาหมด ข้อความเตือนจะรอในคิว และส่งให้เมื่อผู้รับทักบอทหรือเมื่อขึ้นเดือนใหม่");
  lines.push("");
  lines.push(shared ? "หน่วยงานของท่านช่วยลดได้โดย" : "ลดจำนวนข้อความได้โดย");
  if (v.dailyMembers) {
    lines.push(
      `• ให้สมาชิก ${formatInt(v.dailyMembers)} คนที่รับแจ้งเตือนรายวันเปลี่ยนเป็นรายสัปดาห์ (พิมพ์ "แจ้งเตือนรายสัปดาห์")`,
    );
  }
  lines.push('• เตือนล่วงหน้าเพียง 1 วัน (พิมพ์ "เตือนล่วงหน้า 1 วัน")');
  if (v.lighter !== undefined && v.lighter < v.agencyPushes) {
    lines.push(`  ถ้าสมาชิกทุกคนรับรายสัปดาห์และเตือนล่วงหน้า 1 วัน คาดว่าเหลือประมาณ ${formatInt(v.lighter)} ข้อความ`);
  }
  if (v.viewerPushes) {
    lines.push(
      `• ผู้ดู (viewer) ได้รับข้อความเตือนประมาณ ${formatInt(v.viewerPushes)} ข้อความ: นำออกจากผู้รับผิดชอบ หรือให้พิมพ์ "ปิดการแจ้งเตือน"`,
    );
  }
  lines.push("");
  lines.push(planAdvice(total, shared));
  return lines.join("\n");
}

/** The short line admins see with their settings (chat and app). */
export function forecastNote(v: PushForecastView): string {
  const month = shortMonthName(v.month);
  const total = accountTotal(v);
  const who = v.agencies > 1 ? `บัญชีนี้ (${formatInt(v.agencies)} หน่วยงาน) ` : "";
  const mine = v.agencies > 1 ? ` · หน่วยงานของท่านประมาณ ${formatInt(v.agencyPushes)}` : "";
  const quota =
    v.limit === undefined
      ? ""
      : exceedsQuota(v)
        ? ` เกินโควตา ${formatInt(v.limit)}`
        : ` จากโควตา ${formatInt(v.limit)}`;
  return `📊 คาดการณ์ข้อความเดือน ${month}: ${who}อย่างน้อย ${formatInt(total)} ข้อความ${quota}${mine}`;
}

/**
 * Which plan sends the month's pushes for the least money, with the arithmetic of each paid plan;
 * when even the free plan's 300 would do, the limit is one set on the account, lower than its plan.
 */
function planAdvice(pushes: number, shared: boolean): string {
  const best = cheapestPlan(pushes);
  if (best.plan.extraSatang === undefined) {
    return `หรือปรับเพดานข้อความของบัญชีใน LINE Official Account Manager ให้ไม่ต่ำกว่า ${formatInt(pushes)} ข้อความต่อเดือน`;
  }
  const paid = LINE_PLANS.filter((p) => p.extraSatang !== undefined).map(
    (p) => `${p.nameTh} ${costText(p, pushes)}`,
  );
  const lead = shared ? "ผู้ดูแลบัญชีที่ใช้ร่วมกันควรเลือกแผน" : "หรือเปลี่ยนแผนบัญชี LINE เป็น";
  return `${lead}${best.plan.nameTh} ${formatBaht(best.costSatang)} ต่อเดือนสำหรับ ${formatInt(pushes)} ข้อความ (${paid.join("; ")})`;
}

function costText(p: LinePlan, pushes: number): string {
  const cost = monthlyCostSatang(p, pushes)!;
  const extra = pushes - p.included;
  if (extra <= 0) return `${formatBaht(cost)} รวม ${formatInt(p.included)} ข้อความ`;
  return `${formatBaht(p.feeSatang)} + ${formatInt(extra)} × ${formatBaht(p.extraSatang!)} = ${formatBaht(cost)}`;
}

function monthName(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS_TH[m - 1]} ${y + BE_OFFSET}`;
}

function shortMonthName(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS_TH_SHORT[m - 1]} ${y + BE_OFFSET}`;
}
