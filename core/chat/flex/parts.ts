// Small typed constructors the answer builders share: Flex components, bars, quick replies, Thai phrases.
import type { messagingApi } from "@line/bot-sdk";
import { LINE_LIMITS } from "../../line/limits.ts";
import type { RankView } from "../cards.ts";
import { BUDGET, jsonBytes } from "./limits.ts";

type FlexBox = messagingApi.FlexBox;
type FlexText = messagingApi.FlexText;
type FlexComponent = messagingApi.FlexComponent;

export const COLOR = {
  bar: "#1565C0",
  low: "#C62828",
  up: "#2E7D32",
  down: "#C62828",
  same: "#9E9E9E",
  track: "#E0E0E0",
  text: "#212121",
  muted: "#757575",
  white: "#FFFFFF",
} as const;

export function text(t: string, o: Omit<FlexText, "type" | "text"> = {}): FlexText {
  return { type: "text", text: t === "" ? "-" : t, ...o };
}

export function box(
  layout: messagingApi.FlexBox.LayoutEnum,
  contents: FlexComponent[],
  o: Partial<FlexBox> = {},
): FlexBox {
  return { type: "box", layout, contents, ...o };
}

export const vbox = (contents: FlexComponent[], o: Partial<FlexBox> = {}) => box("vertical", contents, o);
export const hbox = (contents: FlexComponent[], o: Partial<FlexBox> = {}) => box("horizontal", contents, o);

export function separator(margin = "lg"): messagingApi.FlexSeparator {
  return { type: "separator", margin };
}

export function widthPercent(percent: number): string {
  const p = Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
  return `${Math.round(p * 100) / 100}%`;
}

/** A horizontal bar: a grey track with a coloured box as wide as the percent. */
export function bar(percent: number, color: string = COLOR.bar): FlexBox {
  const fill = vbox([{ type: "filler" }], {
    width: widthPercent(percent),
    height: "6px",
    backgroundColor: color,
  });
  return vbox([fill], { height: "6px", backgroundColor: COLOR.track, cornerRadius: "3px", margin: "sm" });
}

export interface MeterSpec {
  label: string;
  value: string;
  percent: number;
  /** Drawn in the warning colour. */
  warn?: boolean;
  /** A short red word after the label: "ต่ำสุด", "ต่ำกว่า 85". */
  tag?: string;
  size?: string;
}

/** Label, value and a bar under them. */
export function meter(m: MeterSpec): FlexBox {
  const color = m.warn ? COLOR.low : COLOR.bar;
  const ink = m.warn ? COLOR.low : COLOR.text;
  const size = m.size ?? "sm";
  const line: FlexComponent[] = [text(m.label, { size, color: ink, wrap: true, flex: 1 })];
  if (m.tag) line.push(text(m.tag, { size: "xxs", color: COLOR.low, weight: "bold", flex: 0, margin: "sm" }));
  line.push(text(m.value, { size, weight: "bold", color: ink, align: "end", flex: 0, margin: "md" }));
  return vbox([hbox(line, { alignItems: "center" }), bar(m.percent, color)], { margin: "md" });
}

/** A rounded coloured label, with dark text on light colours. */
export function chip(label: string, color: string): FlexBox {
  return hbox(
    [text(label, { size: "sm", weight: "bold", color: isLight(color) ? COLOR.text : COLOR.white })],
    {
      backgroundColor: color,
      cornerRadius: "12px",
      paddingStart: "10px",
      paddingEnd: "10px",
      paddingTop: "4px",
      paddingBottom: "4px",
      flex: 0,
    },
  );
}

function isLight(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h ?? "0", 16));
  return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0) > 170;
}

/** The label without its leading code: "4. การใช้ทรัพย์สินของราชการ" → "การใช้ทรัพย์สินของราชการ". */
export function plainName(b: { code: string; label: string }): string {
  if (!b.label.startsWith(b.code) || /^[0-9A-Za-z]/.test(b.label.slice(b.code.length))) return b.label;
  return b.label.slice(b.code.length).replace(/^[.:)\s]+/, "");
}

/** "4. การใช้ทรัพย์สินของราชการ" as given, "4 การใช้…" when the label lacks the code, "IIT" alone. */
export function barLabel(b: { code: string; label: string }): string {
  const name = plainName(b);
  if (!name || name === b.code) return b.code;
  return name === b.label ? `${b.code} ${b.label}` : b.label;
}

/** "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 66.67", for alt texts. */
export function indicatorPhrase(b: { code: string; label: string; value: string }): string {
  const name = plainName(b);
  return `ตัวชี้วัดที่ ${b.code}${name && name !== b.code ? ` ${name}` : ""} ${b.value}`;
}

export function sectionTitle(t: string): FlexText {
  return text(t, { size: "sm", weight: "bold", color: COLOR.muted, margin: "lg" });
}

export function note(t: string, color: string = COLOR.muted): FlexText {
  return text(t, { size: "xs", color, wrap: true, margin: "md" });
}

/** Agency name and a subtitle, as every card's header. */
export function header(agencyName: string, subtitle: string): FlexBox {
  return vbox(
    [
      text(agencyName, { size: "md", weight: "bold", wrap: true, color: COLOR.text }),
      text(subtitle, { size: "xs", color: COLOR.muted, wrap: true }),
    ],
    { paddingBottom: "0px" },
  );
}

export function bubble(head: FlexBox, body: FlexComponent[]): messagingApi.FlexBubble {
  return { type: "bubble", size: "mega", header: head, body: vbox(body, { paddingTop: "md" }) };
}

/** The first bubble that fits LINE's size limit, else the last (the most compact). */
export function firstFitting(variants: (() => messagingApi.FlexBubble)[]): messagingApi.FlexBubble {
  let last: messagingApi.FlexBubble | undefined;
  for (const build of variants) {
    last = build();
    if (jsonBytes(last) <= BUDGET.bubbleBytes) return last;
  }
  if (!last) throw new Error("firstFitting: no variants");
  return last;
}

export interface Ask {
  label: string;
  text: string;
}

export const ask = (label: string, askText: string = label): Ask => ({ label, text: askText });

/** Quick reply buttons: duplicates dropped, as many as LINE takes, labels and texts cut to LINE's lengths. */
export function quickReply(asks: Ask[]): messagingApi.QuickReply {
  const seen = new Set<string>();
  const items: messagingApi.QuickReplyItem[] = [];
  for (const a of asks) {
    if (seen.has(a.text) || items.length === LINE_LIMITS.quickReplyItems) continue;
    seen.add(a.text);
    const action: messagingApi.MessageAction = {
      type: "message",
      label: clip(a.label, LINE_LIMITS.quickReplyLabelChars),
      text: clip(a.text, LINE_LIMITS.actionTextChars),
    };
    items.push({ type: "action", action });
  }
  return { items };
}

export function flexMessage(
  altText: string,
  contents: messagingApi.FlexContainer,
  asks: Ask[],
): messagingApi.FlexMessage {
  return {
    type: "flex",
    altText: clip(altText, BUDGET.altTextChars),
    contents,
    quickReply: quickReply(asks),
  };
}

/** Cuts to `max` characters, ending with "…" when cut. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function fiscalYear(year: number): string {
  return `ปีงบประมาณ พ.ศ. ${year}`;
}

/** 2400 → "2,400". */
export function formatInt(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function inProvince(province: string): string {
  if (province === "กรุงเทพมหานคร" || province.startsWith("จังหวัด")) return `ใน${province}`;
  return `ในจังหวัด${province}`;
}

export interface Ranks {
  national?: RankView & { agencyType: string };
  provincial?: RankView & { province: string };
  reportedRank?: number;
}

/** "อันดับ 543 ของเทศบาลตำบลทั่วประเทศ" (as ITAS published), else "อันดับ 12/2,400 ของ…". */
export function nationalRankText(r: Ranks): string | undefined {
  const among = r.national ? r.national.agencyType : "หน่วยงานประเภทเดียวกัน";
  if (r.reportedRank !== undefined) return `อันดับ ${formatInt(r.reportedRank)} ของ${among}ทั่วประเทศ`;
  if (r.national) return `อันดับ ${formatInt(r.national.rank)}/${formatInt(r.national.of)} ของ${among}ทั่วประเทศ`;
  return undefined;
}

export function provincialRankText(r: Ranks): string | undefined {
  const p = r.provincial;
  return p ? `อันดับ ${formatInt(p.rank)}/${formatInt(p.of)} ${inProvince(p.province)}` : undefined;
}

/** The question texts the bot understands, for the year a card is about. */
export const asks = {
  overall: (year: number) => ask("คะแนนรวม", `คะแนน ปี ${year}`),
  yearScore: (year: number) => ask(`คะแนนปี ${year}`, `คะแนน ปี ${year}`),
  indicator: (no: number, year: number) => ask(`ตัวชี้วัดที่ ${no}`, `ตัวชี้วัดที่ ${no} ปี ${year}`),
  item: (code: string, year: number) => ask(`ข้อ ${code}`, `ข้อ ${code} ปี ${year}`),
  weaknesses: (year: number) => ask("จุดอ่อน", `จุดอ่อน ปี ${year}`),
  strengths: (year: number) => ask("จุดแข็ง", `จุดแข็ง ปี ${year}`),
  compare: (from: number, to: number) => ask(`เทียบ ${from} กับ ${to}`, `เทียบปี ${from} กับ ${to}`),
  rank: (year: number) => ask("อันดับ", `อันดับ ปี ${year}`),
  tool: (code: string, year: number) => ask(code, `${code} ปี ${year}`),
  help: () => ask("ช่วยเหลือ"),
};
