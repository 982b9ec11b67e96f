import type { messagingApi } from "@line/bot-sdk";
import { LINE_LIMITS } from "../../line/limits.ts";
import { type Ask, ask, clip, quickReply } from "./parts.ts";

/** A plain answer; a quick reply given as text sends that text, labelled with as much of it as LINE takes. */
export function textAnswer(answer: string, quickReplies: (string | Ask)[] = []): messagingApi.TextMessage {
  const m: messagingApi.TextMessage = { type: "text", text: clip(answer, LINE_LIMITS.textChars) };
  if (quickReplies.length > 0) {
    m.quickReply = quickReply(quickReplies.map((q) => (typeof q === "string" ? ask(q) : q)));
  }
  return m;
}

const help = (tools: readonly string[]) => [
  "ถามผลการประเมิน ITA ของหน่วยงานได้ เช่น",
  "• คะแนน — คะแนนรวมปีล่าสุด (หรือ คะแนน ปี 2566)",
  tools.length ? `• ${tools.join(", ")} — คะแนนรายเครื่องมือ` : "• เครื่องมือ — คะแนนรายเครื่องมือ",
  "• ตัวชี้วัดที่ 4 — คะแนนตัวชี้วัดและข้อคำถาม",
  "• ข้อ i12 — คะแนนรายข้อคำถาม",
  "• จุดอ่อน — ตัวชี้วัดที่ได้ต่ำกว่า 85",
  "• จุดแข็ง — ตัวชี้วัดที่ได้ 85 ขึ้นไป",
  "• เทียบปี 2566 กับ 2567 — คะแนนที่เปลี่ยนไป",
  "• อันดับ — อันดับทั่วประเทศและในจังหวัด",
  "• มาตรการ, งานค้าง, งานของฉัน — มาตรการและขั้นตอนที่ต้องทำ",
  "• ปฏิทิน ITA, กำหนดส่ง OIT เมื่อไหร่ — วันสำคัญและจำนวนวันที่เหลือ",
  "• ขอรายงาน — ไฟล์รายงานวิเคราะห์และรายงานผลมาตรการ (PDF, Word)",
  "พิมพ์ปีได้ทั้ง 2567, 67 หรือ ๒๕๖๗",
  "ยังไม่ได้เชื่อมหน่วยงาน: พิมพ์ เชื่อมต่อ ตามด้วยรหัสเชิญ",
];

/** What can be asked, with an example of each as a quick reply; tools as the newest year names them. */
export function helpMessage(tools: readonly string[] = []): messagingApi.TextMessage {
  return textAnswer(help(tools).join("\n"), [
    "คะแนน",
    ...(tools[0] ? [tools[0]] : []),
    "ตัวชี้วัดที่ 4",
    "ข้อ i12",
    "จุดอ่อน",
    "จุดแข็ง",
    ask("เทียบ 2566 กับ 2567", "เทียบปี 2566 กับ 2567"),
    "อันดับ",
    "งานของฉัน",
    "ปฏิทิน ITA",
    "ขอรายงาน",
  ]);
}
