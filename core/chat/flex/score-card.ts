import type { messagingApi } from "@line/bot-sdk";
import type { BarView, ScoreCardView } from "../cards.ts";
import {
  type Ask,
  asks,
  barLabel,
  bubble,
  COLOR,
  chip,
  clip,
  fiscalYear,
  flexMessage,
  hbox,
  header,
  indicatorPhrase,
  meter,
  nationalRankText,
  note,
  provincialRankText,
  sectionTitle,
  separator,
  text,
  vbox,
} from "./parts.ts";

/** The overall result of one year: total, level, ranks, the three tools and the ten indicators. */
export function scoreCard(v: ScoreCardView): messagingApi.FlexMessage {
  const body: messagingApi.FlexComponent[] = [summary(v)];
  for (const line of [nationalRankText(v), provincialRankText(v)]) {
    if (line) body.push(text(line, { size: "sm", color: COLOR.text, wrap: true, margin: "sm" }));
  }
  if (v.heldBack) body.push(note(v.heldBack, COLOR.low));
  if (v.tools.length > 0) body.push(separator(), sectionTitle("เครื่องมือ"), ...v.tools.map(barMeter));
  if (v.indicators.length > 0) body.push(separator(), sectionTitle("ตัวชี้วัด"), ...v.indicators.map(barMeter));
  if (v.mismatchCount > 0) {
    body.push(note(`มีตัวเลขที่รายงานไม่ตรงกับที่คำนวณ ${v.mismatchCount} รายการ`, COLOR.low));
  }
  if (v.provisional) body.push(note(v.provisional));
  return flexMessage(altText(v), bubble(header(v.agencyName, fiscalYear(v.year)), body), nextAsks(v));
}

function summary(v: ScoreCardView): messagingApi.FlexBox {
  const total = v.total
    ? vbox(
        [
          text("คะแนนรวม", { size: "xs", color: COLOR.muted }),
          text(v.total, { size: "3xl", weight: "bold" }),
        ],
        {
          flex: 1,
        },
      )
    : vbox([text("ยังไม่มีคะแนนรวม", { size: "sm", color: COLOR.muted, wrap: true })], { flex: 1 });
  const parts: messagingApi.FlexComponent[] = [total];
  if (v.level) parts.push(chip(v.level.nameTh, v.level.color));
  return hbox(parts, { alignItems: "center" });
}

const barMeter = (b: BarView) =>
  meter({
    label: barLabel(b),
    value: b.value,
    percent: b.percent,
    warn: b.highlight === true,
    tag: b.highlight ? "ต่ำสุด" : undefined,
  });

function altText(v: ScoreCardView): string {
  const head = [`ITA ${v.year}`, clip(v.agencyName, 120), v.total ?? "ยังไม่มีคะแนนรวม", v.level?.nameTh];
  const rank = nationalRankText(v);
  const weakest = v.indicators.filter((b) => b.highlight).map(indicatorPhrase);
  const tail = [rank, weakest.length > 0 ? `ต่ำสุด ${weakest.join(", ")}` : undefined];
  return [head.filter(Boolean).join(" "), ...tail.filter(Boolean)].join(" · ");
}

function nextAsks(v: ScoreCardView): Ask[] {
  const weakest = v.indicators
    .filter((b) => b.highlight && /^\d+$/.test(b.code))
    .slice(0, 3)
    .map((b) => asks.indicator(Number(b.code), v.year));
  const earlier = v.otherYears.filter((y) => y < v.year);
  const later = v.otherYears.filter((y) => y > v.year);
  const compare =
    earlier.length > 0
      ? [asks.compare(Math.max(...earlier), v.year)]
      : later.length > 0
        ? [asks.compare(v.year, Math.min(...later))]
        : [];
  const years = v.otherYears.slice(0, 2).map((y) => asks.yearScore(y));
  return [
    ...weakest,
    asks.weaknesses(v.year),
    ...compare,
    asks.rank(v.year),
    asks.strengths(v.year),
    ...years,
    asks.help(),
  ];
}
