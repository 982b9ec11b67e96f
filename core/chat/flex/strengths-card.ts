import type { messagingApi } from "@line/bot-sdk";
import type { StrengthsCardView } from "../cards.ts";
import {
  type Ask,
  asks,
  barLabel,
  bubble,
  clip,
  fiscalYear,
  flexMessage,
  header,
  indicatorPhrase,
  meter,
  note,
  sectionTitle,
  separator,
  text,
} from "./parts.ts";

/** Indicators at or above the threshold (strengths) or below it (weaknesses, with the lowest items). */
export function strengthsCard(v: StrengthsCardView): messagingApi.FlexMessage {
  const weak = v.kind === "weaknesses";
  const body: messagingApi.FlexComponent[] = [
    text(weak ? "จุดอ่อน" : "จุดแข็ง", { size: "lg", weight: "bold" }),
    note(rule(v)),
  ];
  if (v.indicators.length === 0) body.push(note(weak ? `ไม่มี${rule(v)}` : `ยังไม่มี${rule(v)}`));
  body.push(
    ...v.indicators.map((b) => meter({ label: barLabel(b), value: b.value, percent: b.percent, warn: weak })),
  );
  if (weak && v.lowestItems.length > 0) {
    body.push(separator(), sectionTitle("ข้อคำถามที่ได้คะแนนต่ำสุด"));
    for (const i of v.lowestItems) {
      const label = [i.code, i.titleTh ?? (i.indicatorNameTh ? `(${i.indicatorNameTh})` : undefined)]
        .filter(Boolean)
        .join(" ");
      body.push(meter({ label, value: i.value, percent: i.percent, warn: i.low }));
    }
  }
  return flexMessage(altText(v), bubble(header(v.agencyName, fiscalYear(v.year)), body), nextAsks(v));
}

function rule(v: StrengthsCardView): string {
  return v.kind === "weaknesses" ? `ตัวชี้วัดที่ได้ต่ำกว่า ${v.threshold}` : `ตัวชี้วัดที่ได้ ${v.threshold} ขึ้นไป`;
}

function altText(v: StrengthsCardView): string {
  const what = v.kind === "weaknesses" ? "จุดอ่อน" : "จุดแข็ง";
  const list = v.indicators.map(indicatorPhrase).join(", ");
  return `${what} ITA ${v.year} ${clip(v.agencyName, 120)} (${rule(v)}): ${list || "ไม่มี"}`;
}

function nextAsks(v: StrengthsCardView): Ask[] {
  const indicators = v.indicators
    .filter((b) => /^\d+$/.test(b.code))
    .slice(0, v.kind === "weaknesses" ? 4 : 2)
    .map((b) => asks.indicator(Number(b.code), v.year));
  if (v.kind === "strengths") {
    return [asks.weaknesses(v.year), ...indicators, asks.overall(v.year), asks.help()];
  }
  const items = v.lowestItems.slice(0, 3).map((i) => asks.item(i.code, v.year));
  return [...indicators, ...items, asks.strengths(v.year), asks.overall(v.year), asks.help()];
}
