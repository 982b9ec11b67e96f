import type { messagingApi } from "@line/bot-sdk";
import type { IndicatorCardView, ItemView } from "../cards.ts";
import {
  type Ask,
  asks,
  bar,
  bubble,
  COLOR,
  clip,
  firstFitting,
  fiscalYear,
  flexMessage,
  hbox,
  header,
  meter,
  note,
  sectionTitle,
  separator,
  text,
} from "./parts.ts";

type Detail = "full" | "no-titles" | "lines";

/** One indicator: its value, its items (those under the threshold marked) and its sub-indicators. */
export function indicatorCard(v: IndicatorCardView): messagingApi.FlexMessage {
  const build = (detail: Detail) => () => bubble(header(v.agencyName, fiscalYear(v.year)), body(v, detail));
  const card = firstFitting([build("full"), build("no-titles"), build("lines")]);
  return flexMessage(altText(v), card, nextAsks(v));
}

function body(v: IndicatorCardView, detail: Detail): messagingApi.FlexComponent[] {
  const below = v.percent < v.threshold;
  const out: messagingApi.FlexComponent[] = [
    text(`ตัวชี้วัดที่ ${v.no} · ${v.tool}`, { size: "xs", color: COLOR.muted }),
    text(v.nameTh, { size: "lg", weight: "bold", wrap: true }),
    text(v.value, { size: "3xl", weight: "bold", color: below ? COLOR.low : COLOR.text }),
    bar(v.percent, below ? COLOR.low : COLOR.bar),
  ];
  if (v.source === "computed") out.push(note("(คำนวณจากข้อคำถาม)"));
  if (v.subIndicators.length > 0) {
    out.push(separator(), sectionTitle("ตัวชี้วัดย่อย"));
    for (const s of v.subIndicators) {
      out.push(
        hbox(
          [
            text(`${s.code} ${s.nameTh}`, { size: "sm", wrap: true, flex: 1 }),
            text(s.value, { size: "sm", weight: "bold", align: "end", flex: 0, margin: "md" }),
          ],
          { margin: "md" },
        ),
      );
    }
  }
  if (v.items.length > 0) {
    out.push(separator(), sectionTitle(`ข้อคำถาม (ต่ำกว่า ${v.threshold} มีเครื่องหมาย)`));
    out.push(...v.items.map((i) => itemRow(i, v.threshold, detail)));
  } else if (v.subIndicators.length === 0) {
    out.push(note("ยังไม่มีคะแนนรายข้อคำถาม"));
  }
  if (v.provisional) out.push(note(v.provisional));
  return out;
}

function itemRow(i: ItemView, threshold: number, detail: Detail): messagingApi.FlexComponent {
  const label = detail === "full" && i.titleTh ? `${i.code} ${i.titleTh}` : i.code;
  const tag = i.low ? `ต่ำกว่า ${threshold}` : undefined;
  if (detail !== "lines") return meter({ label, value: i.value, percent: i.percent, warn: i.low, tag });
  const ink = i.low ? COLOR.low : COLOR.text;
  return hbox(
    [
      text(i.low ? `${label} ▼` : label, { size: "xs", color: ink, flex: 1 }),
      text(i.value, { size: "xs", color: ink, weight: "bold", align: "end", flex: 0 }),
    ],
    { margin: "xs" },
  );
}

function altText(v: IndicatorCardView): string {
  const head = `ITA ${v.year} ${clip(v.agencyName, 120)} ตัวชี้วัดที่ ${v.no} ${v.nameTh} ${v.value}`;
  const low = v.items.filter((i) => i.low).map((i) => `${i.code} ${i.value}`);
  return low.length > 0 ? `${head} · ต่ำกว่า ${v.threshold}: ${low.join(", ")}` : head;
}

function nextAsks(v: IndicatorCardView): Ask[] {
  const lowest = v.items
    .filter((i) => i.low)
    .sort((a, b) => a.percent - b.percent)
    .slice(0, 3)
    .map((i) => asks.item(i.code, v.year));
  const neighbours = v.neighbours.map((n) => asks.indicator(n, v.year));
  return [
    ...lowest,
    asks.weaknesses(v.year),
    asks.tool(v.tool, v.year),
    ...neighbours,
    asks.overall(v.year),
    asks.help(),
  ];
}
