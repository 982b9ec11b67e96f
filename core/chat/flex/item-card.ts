import type { messagingApi } from "@line/bot-sdk";
import type { ItemCardView } from "../cards.ts";
import {
  type Ask,
  asks,
  bar,
  bubble,
  COLOR,
  clip,
  fiscalYear,
  flexMessage,
  header,
  note,
  text,
} from "./parts.ts";

/** One item (ข้อคำถาม): its title, value and the indicator it counts towards. */
export function itemCard(v: ItemCardView): messagingApi.FlexMessage {
  const body: messagingApi.FlexComponent[] = [text(`ข้อ ${v.code}`, { size: "xs", color: COLOR.muted })];
  if (v.titleTh) body.push(text(v.titleTh, { size: "md", weight: "bold", wrap: true }));
  body.push(text(v.value, { size: "3xl", weight: "bold" }), bar(v.percent));
  if (v.indicator) body.push(note(`อยู่ในตัวชี้วัดที่ ${v.indicator.no} ${v.indicator.nameTh}`));
  if (v.earlier) {
    const then = v.earlier.items
      .map((i) => `ข้อ ${i.code}${i.titleTh ? ` ${clip(i.titleTh, 60)}` : ""}: ${i.value ?? "ไม่มีคะแนน"}`)
      .join(" · ");
    body.push(note(`ปี ${v.earlier.year} ข้อนี้คือ ${then}`, COLOR.text));
  }
  if (v.provisional) body.push(note(v.provisional));
  return flexMessage(altText(v), bubble(header(v.agencyName, fiscalYear(v.year)), body), nextAsks(v));
}

function altText(v: ItemCardView): string {
  const what = v.titleTh ? `ข้อ ${v.code} ${v.titleTh}` : `ข้อ ${v.code}`;
  return `ITA ${v.year} ${clip(v.agencyName, 120)} ${what} ${v.value}`;
}

function nextAsks(v: ItemCardView): Ask[] {
  const indicator = v.indicator ? [asks.indicator(v.indicator.no, v.year)] : [];
  return [...indicator, asks.weaknesses(v.year), asks.overall(v.year), asks.help()];
}
