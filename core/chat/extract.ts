// Small extractors over a normalised message: invite code, threshold, item code, indicator number, tool.
import { canonicalItemCode } from "../ita/catalog.ts";
import { bareForms, maskSpan } from "./normalise.ts";
import type { ToolCode } from "./query.ts";

const LINK = /(?:เชื่อม|ผูก|รหัส|โค้ด|(?<![a-z])(?:link|code|join))\D{0,30}?(?<!\d)(\d{6})(?!\d)/;
const CODE_ONLY = /^\d{6}$/;

/** "เชื่อมต่อ123456", "link 123456", "รหัสหน่วยงาน: 123456", or a message that is only six digits. */
export function extractLinkCode(text: string): string | undefined {
  const m = LINK.exec(text);
  if (m) return m[1];
  return bareForms(text).find((f) => CODE_ONLY.test(f));
}

const THRESHOLD =
  /(?:เกณฑ์|ต่ำกว่า|น้อยกว่า|ไม่ถึง|มากกว่า|สูงกว่า|เกิน|ตั้งแต่|อย่างน้อย|(?<![a-z])(?:below|above|under|over|threshold)|[<>]=?)(?:ที่)? ?(\d{1,3}(?:\.\d{1,2})?)(?![\d.])/g;

export interface ThresholdFound {
  threshold?: number;
  /** The text with the threshold's number blanked out (its words stay: "ไหนต่ำกว่า" still asks for weak points). */
  rest: string;
}

/** "เกณฑ์80", "ต่ำกว่า 90", "มากกว่า85.5" -> the number, when it is a score (0–100). */
export function extractThreshold(text: string): ThresholdFound {
  for (const m of text.matchAll(THRESHOLD)) {
    const value = Number(m[1]);
    if (value > 100) continue;
    const end = m.index + m[0].length;
    return { threshold: value, rest: maskSpan(text, end - m[1]!.length, end) };
  }
  return { rest: text };
}

/** "i12", "i 12", "o030", "e3"; a Latin letter standing alone, then 1–2 digits (leading zeros aside). */
const ITEM = /(?<![a-z])([ieo]) ?(0*[1-9]\d?)(?!\.?\d)/;

/** The canonical code of the first item the text names ("i12", "e3", "O30"). */
export function extractItemCode(text: string): string | undefined {
  const m = ITEM.exec(text);
  return m ? canonicalItemCode(`${m[1]}${m[2]}`) : undefined;
}

const INDICATOR_NO =
  /(?:ตัวชี\u0e49?วัด|ตชว\.?|(?<![a-z])(?:indicator|ind\.?))(?:ย่อย)?(?:ที่|no\.?)? ?(\d{1,3})(?:\.\d{1,2})?(?!\d)/;

/**
 * "ตัวชี้วัดที่4", "ตัวชี้วัด 9.1", "ตชว4", "indicator 4" -> 1–10; "invalid" when a number outside
 * 1–10 is given ("ตัวชี้วัดที่11"), so the caller never answers about an indicator that does not exist.
 */
export function extractIndicatorNumber(text: string): number | "invalid" | undefined {
  const m = INDICATOR_NO.exec(text);
  if (!m) return undefined;
  const no = Number(m[1]);
  return no >= 1 && no <= 10 ? no : "invalid";
}

const TOOLS: ReadonlyArray<[ToolCode, RegExp]> = [
  ["IIT", /(?<![a-z])iit(?![a-z])|ไอไอที|ภายใน(?!หน่วยงาน|องค์กร|วัน|เดือน|ปี|สัปดาห์)/],
  ["EIT", /(?<![a-z])eit(?![a-z])|อีไอที|ภายนอก/],
  ["OIT", /(?<![a-z])oit(?![a-z])|โอไอที|เปิดเผยข้อมูลสาธารณะ|ข้อมูลสาธารณะ|แบบตรวจ/],
];

/** The first tool the text names: "iit", "แบบวัดภายใน", "ภายนอก", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ". */
export function extractTool(text: string): ToolCode | undefined {
  let best: { tool: ToolCode; at: number } | undefined;
  for (const [tool, re] of TOOLS) {
    const at = text.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { tool, at };
  }
  return best?.tool;
}
