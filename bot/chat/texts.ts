import type { messagingApi } from "@line/bot-sdk";
import { textAnswer } from "../../core/chat/flex/index.ts";
import { ROLE_TH } from "../../core/members/roles.ts";
import type { RedeemOutcome } from "../../db/repositories/invites.ts";

export const GREETING = `สวัสดีค่ะ โปร่งใส ช่วยหน่วยงานของท่านเรื่องการประเมิน ITA
• ถามคะแนน: "คะแนน ITA ปี 2567", "ตัวชี้วัดที่ 4", "ข้อ i12"
• ดูจุดอ่อน จุดแข็ง อันดับ และเทียบปี: "จุดอ่อน", "อันดับ", "เทียบปี 66 กับ 67"
เริ่มใช้: ขอรหัสเชิญ 6 หลักจากผู้ดูแลของหน่วยงาน แล้วพิมพ์ "เชื่อมต่อ 123456"`;

export const NOT_LINKED = `บัญชี LINE นี้ยังไม่ได้เชื่อมกับหน่วยงาน
ขอรหัสเชิญ 6 หลักจากผู้ดูแลของหน่วยงาน แล้วพิมพ์ "เชื่อมต่อ" ตามด้วยรหัส เช่น เชื่อมต่อ 123456`;

export const ONLY_TEXT = 'ตอนนี้ตอบได้เฉพาะข้อความตัวอักษรค่ะ ลองพิมพ์ "คะแนน ITA" หรือ "ช่วยเหลือ"';

export const SORRY = "ขออภัย ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่";

export function linkOutcomeText(outcome: RedeemOutcome): messagingApi.TextMessage {
  if (outcome.ok) {
    const head = outcome.alreadyMember
      ? `ท่านเป็นสมาชิกของ${outcome.agencyName}อยู่แล้ว (${ROLE_TH[outcome.role]})`
      : `เชื่อมต่อกับ${outcome.agencyName}แล้ว ในบทบาท${ROLE_TH[outcome.role]}`;
    return textAnswer(`${head}\nลองถาม "คะแนน ITA" ได้เลย`, ["คะแนน ITA", "จุดอ่อน", "ช่วยเหลือ"]);
  }
  const why = {
    unknown: "ไม่พบรหัสเชิญนี้ ตรวจตัวเลข 6 หลักอีกครั้ง หรือขอรหัสใหม่จากผู้ดูแลของหน่วยงาน",
    expired: "รหัสเชิญนี้หมดอายุแล้ว ขอรหัสใหม่จากผู้ดูแลของหน่วยงาน",
    used: "รหัสเชิญนี้ถูกใช้ครบแล้ว ขอรหัสใหม่จากผู้ดูแลของหน่วยงาน",
    locked: "ใส่รหัสไม่ถูกหลายครั้งเกินไป กรุณารอหนึ่งชั่วโมงแล้วลองใหม่",
  }[outcome.reason];
  return textAnswer(why, ["ช่วยเหลือ"]);
}
