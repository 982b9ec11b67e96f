import type { messagingApi } from "@line/bot-sdk";
import type { DigestItemView, DigestView } from "../cards.ts";
import { ask, bubble, COLOR, clip, flexMessage, header, note, text, vbox } from "./parts.ts";

/** Bubbles per digest: a carousel holds 12; the last slot says how many more there are. */
const MAX_ITEMS = 10;

export function whenText(item: Pick<DigestItemView, "kind" | "days">): string {
  if (item.kind === "due") return "ครบกำหนดวันนี้";
  if (item.kind === "overdue") return `เลยกำหนดมา ${item.days} วัน`;
  return item.days === 1 ? "ครบกำหนดพรุ่งนี้" : `อีก ${item.days} วันครบกำหนด`;
}

function postback(label: string, data: string, displayText: string): messagingApi.FlexButton {
  const action: messagingApi.PostbackAction = { type: "postback", label, data, displayText };
  return { type: "button", action, style: "secondary", height: "sm", margin: "sm" };
}

function itemBubble(agencyName: string, item: DigestItemView): messagingApi.FlexBubble {
  const color = item.kind === "overdue" ? COLOR.low : item.kind === "due" ? "#EF6C00" : COLOR.bar;
  const body: messagingApi.FlexComponent[] = [
    text(whenText(item), { size: "sm", weight: "bold", color }),
    text(clip(item.title, 200), { size: "md", weight: "bold", wrap: true, margin: "sm" }),
  ];
  if (item.measureTitle) body.push(note(`มาตรการ: ${clip(item.measureTitle, 150)}`));
  body.push(note(`กำหนด ${item.dueText}`));
  const b = bubble(header(agencyName, "แจ้งเตือนงานตามมาตรการ"), body);
  if (item.stepId !== undefined) {
    const s = `s=${item.stepId}`;
    b.footer = vbox([
      postback("✅ เสร็จแล้ว", `a=done&${s}`, `เสร็จแล้ว: ${clip(item.title, 60)}`),
      postback("⏳ กำลังทำ", `a=doing&${s}`, `กำลังทำ: ${clip(item.title, 60)}`),
      postback("🔔 เตือนพรุ่งนี้", `a=snooze&${s}`, `เตือนพรุ่งนี้: ${clip(item.title, 60)}`),
    ]);
  }
  return b;
}

/** One person's reminders of the day as one message: a bubble per item with ✅ ⏳ 🔔 buttons. */
export function digestMessage(v: DigestView): messagingApi.FlexMessage {
  const shown = v.items.slice(0, MAX_ITEMS);
  const bubbles = shown.map((item) => itemBubble(v.agencyName, item));
  const more = v.items.length - shown.length;
  if (more > 0) {
    bubbles.push(
      bubble(header(v.agencyName, "แจ้งเตือนงานตามมาตรการ"), [
        text(`และอีก ${more} รายการ`, { size: "lg", weight: "bold" }),
        note('พิมพ์ "งานของฉัน" เพื่อดูทั้งหมด'),
      ]),
    );
  }
  const overdue = v.items.filter((i) => i.kind === "overdue").length;
  const alt = `แจ้งเตือน ${v.dayText}: ${v.items.length} งาน${overdue ? ` (เลยกำหนด ${overdue})` : ""} — ${clip(
    v.items.map((i) => `${i.title} ${whenText(i)}`).join(" · "),
    300,
  )}`;
  const contents: messagingApi.FlexContainer =
    bubbles.length === 1 ? bubbles[0]! : { type: "carousel", contents: bubbles };
  return flexMessage(alt, contents, [ask("งานของฉัน"), ask("งานค้าง"), ask("มาตรการ")]);
}
