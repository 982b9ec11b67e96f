import type { messagingApi } from "@line/bot-sdk";
import type { CalendarCardView, CalendarEntryView } from "../cards.ts";
import { type Ask, ask, bubble, COLOR, clip, flexMessage, hbox, header, note, text, vbox } from "./parts.ts";

const PROVISIONAL = "วันที่ตามรูปแบบปีก่อน ๆ รอประกาศจาก ป.ป.ช.";

/** The ITA calendar: the asked-for date first (with days left), then what comes next. */
export function calendarCard(v: CalendarCardView): messagingApi.FlexMessage {
  const body: messagingApi.FlexComponent[] = [];
  if (v.focus) {
    body.push(
      text(v.focus.titleTh, { size: "md", weight: "bold", wrap: true }),
      text(v.focus.dateText, { size: "xl", weight: "bold", margin: "sm" }),
      text(`${v.focus.open ? "เปิดอยู่ตอนนี้ · " : ""}${v.focus.daysText}`, {
        size: "sm",
        color: v.focus.daysText.startsWith("ผ่าน") ? COLOR.muted : COLOR.low,
        weight: "bold",
      }),
    );
    if (v.focus.provisional) body.push(note(`* ${PROVISIONAL}`));
  }
  const rest = v.entries;
  if (rest.length > 0) {
    body.push(
      text(v.focus ? "ถัดไป" : "วันสำคัญที่จะถึง", {
        size: "sm",
        weight: "bold",
        color: COLOR.muted,
        margin: v.focus ? "xl" : "none",
      }),
    );
    body.push(...rest.map(row));
  }
  if (!v.focus && rest.length === 0) body.push(note("ยังไม่มีวันสำคัญที่จะถึงในปฏิทิน"));
  if (!v.focus && rest.some((e) => e.provisional)) body.push(note(`* ${PROVISIONAL}`));
  return flexMessage(altText(v), bubble(header(v.agencyName, v.subtitle), body), nextAsks(v));
}

function row(e: CalendarEntryView): messagingApi.FlexBox {
  return vbox(
    [
      text(`${e.own ? "🏢 " : ""}${clip(e.titleTh, 120)}`, { size: "sm", wrap: true }),
      hbox(
        [
          text(`${e.dateText}${e.provisional ? "*" : ""}`, { size: "xs", color: COLOR.muted, flex: 1 }),
          text(e.open ? `เปิดอยู่ · ${e.daysText}` : e.daysText, {
            size: "xs",
            color: e.open ? COLOR.low : COLOR.text,
            weight: "bold",
            align: "end",
            flex: 0,
          }),
        ],
        { margin: "xs" },
      ),
    ],
    { margin: "md" },
  );
}

function altText(v: CalendarCardView): string {
  const first = v.focus ?? v.entries[0];
  if (!first) return `ปฏิทิน ITA ${v.agencyName}: ยังไม่มีวันสำคัญที่จะถึง`;
  return `${first.titleTh}: ${first.dateText} (${first.daysText})${first.provisional ? " โดยประมาณ" : ""}`;
}

/** Questions about the dates this calendar has, by key. */
const TOPIC_ASKS: Record<string, Ask> = {
  "oit-submission": ask("กำหนดส่ง OIT", "กำหนดส่ง OIT เมื่อไหร่"),
  results: ask("ประกาศผล", "ประกาศผลเมื่อไหร่"),
};

function nextAsks(v: CalendarCardView): Ask[] {
  const work = v.hasOpenWork ? [ask("งานของฉัน"), ask("งานค้าง")] : [ask("มาตรการ")];
  const keys = new Set([v.focus, ...v.entries].map((e) => e?.key));
  const topics = Object.entries(TOPIC_ASKS).flatMap(([key, a]) =>
    keys.has(key) && v.focus?.key !== key ? [a] : [],
  );
  return [...work, ...topics, ask("ปฏิทิน ITA"), ask("ช่วยเหลือ")];
}
