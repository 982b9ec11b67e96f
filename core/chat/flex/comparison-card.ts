import type { messagingApi } from "@line/bot-sdk";
import type { ComparisonCardView, DeltaView } from "../cards.ts";
import {
  type Ask,
  asks,
  barLabel,
  bubble,
  COLOR,
  clip,
  flexMessage,
  hbox,
  header,
  indicatorPhrase,
  note,
  sectionTitle,
  separator,
  text,
} from "./parts.ts";

const ARROW: Record<DeltaView["direction"], string> = { up: "▲", down: "▼", same: "＝" };
const INK: Record<DeltaView["direction"], string> = { up: COLOR.up, down: COLOR.down, same: COLOR.same };

/** Two years side by side: total, level, tools and indicators with their change. */
export function comparisonCard(v: ComparisonCardView): messagingApi.FlexMessage {
  const body: messagingApi.FlexComponent[] = [columns(v)];
  if (v.total) body.push(row(v.total, "คะแนนรวม", "sm"));
  if (v.levels) body.push(note(`ระดับ ${v.levels.from ?? "-"} → ${v.levels.to ?? "-"}`, COLOR.text));
  if (v.tools.length > 0) body.push(separator(), sectionTitle("เครื่องมือ"), ...v.tools.map((d) => row(d)));
  if (v.indicators.length > 0) {
    body.push(separator(), sectionTitle("ตัวชี้วัด"), ...v.indicators.map((d) => row(d)));
  }
  if (!v.total && v.tools.length === 0 && v.indicators.length === 0) {
    body.push(note("ยังไม่มีคะแนนที่เทียบกันได้ระหว่างสองปีนี้"));
  }
  if (v.notComparable) body.push(note(clip(v.notComparable, 600)));
  const title = `เทียบปีงบประมาณ พ.ศ. ${v.fromYear} กับ ${v.toYear}`;
  return flexMessage(altText(v), bubble(header(v.agencyName, title), body), nextAsks(v));
}

function columns(v: ComparisonCardView): messagingApi.FlexBox {
  const head = (t: string, flex: number) => text(t, { size: "xxs", color: COLOR.muted, align: "end", flex });
  return hbox([
    text(" ", { size: "xxs", flex: 4 }),
    head(String(v.fromYear), 2),
    head(String(v.toYear), 2),
    head("เปลี่ยน", 3),
  ]);
}

function row(d: DeltaView, label: string = barLabel(d), size = "xs"): messagingApi.FlexBox {
  const weight = size === "xs" ? "regular" : "bold";
  return hbox(
    [
      text(label, { size, weight, wrap: true, flex: 4 }),
      text(d.from, { size, color: COLOR.muted, align: "end", flex: 2 }),
      text(d.to, { size, weight, align: "end", flex: 2 }),
      text(`${ARROW[d.direction]} ${d.delta}`, {
        size,
        weight: "bold",
        color: INK[d.direction],
        align: "end",
        flex: 3,
      }),
    ],
    { margin: "sm" },
  );
}

function altText(v: ComparisonCardView): string {
  const parts = [`เทียบ ITA ${v.fromYear} กับ ${v.toYear} ${clip(v.agencyName, 120)}`];
  if (v.total) parts.push(`คะแนนรวม ${v.total.from} → ${v.total.to} (${v.total.delta})`);
  if (v.levels) parts.push(`ระดับ ${v.levels.from ?? "-"} → ${v.levels.to ?? "-"}`);
  const worst = biggestDrop(v);
  if (worst) parts.push(`ลดลงมากสุด ${indicatorPhrase({ ...worst, value: worst.delta })}`);
  return parts.join(" · ");
}

function biggestDrop(v: ComparisonCardView): DeltaView | undefined {
  return v.indicators
    .filter((d) => d.direction === "down")
    .reduce<DeltaView | undefined>((w, d) => (!w || Number(d.delta) < Number(w.delta) ? d : w), undefined);
}

function nextAsks(v: ComparisonCardView): Ask[] {
  const worst = biggestDrop(v);
  const drop = worst && /^\d+$/.test(worst.code) ? [asks.indicator(Number(worst.code), v.toYear)] : [];
  return [
    ...drop,
    asks.weaknesses(v.toYear),
    asks.yearScore(v.toYear),
    asks.yearScore(v.fromYear),
    asks.rank(v.toYear),
    asks.help(),
  ];
}
