// Small extractors over a normalised message: invite code, threshold, item code, indicator number, tool.
import { itemKey } from "../ita/catalog.ts";
import { bareForms, escapeRegExp, maskSpan } from "./normalise.ts";
import type { ChatVocabulary } from "./vocabulary.ts";

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

const itemPatterns = new WeakMap<readonly string[], RegExp>();

/**
 * The lookup key of the first item the text names ("i12", "i 12", "o030", "e3"): a prefix of the
 * frameworks' item codes standing alone, then 1–2 digits (leading zeros aside).
 */
export function extractItemCode(text: string, vocabulary: ChatVocabulary): string | undefined {
  let re = itemPatterns.get(vocabulary.itemPrefixes);
  if (!re) {
    const prefixes = vocabulary.itemPrefixes.map(escapeRegExp).join("|") || "(?!)";
    re = new RegExp(`(?<![a-z])(${prefixes}) ?(0*[1-9]\\d?)(?!\\.?\\d)`);
    itemPatterns.set(vocabulary.itemPrefixes, re);
  }
  const m = re.exec(text);
  return m ? itemKey(`${m[1]}${m[2]}`) : undefined;
}

const INDICATOR_NO =
  /(?:ตัวชี\u0e49?วัด|ตชว\.?|(?<![a-z])(?:indicator|ind\.?))(?:ย่อย)?(?:ที่|no\.?)? ?(\d{1,3})(?:\.\d{1,2})?(?!\d)/;

/**
 * "ตัวชี้วัดที่4", "ตัวชี้วัด 9.1", "ตชว4", "indicator 4" -> its number; "invalid" when the number is
 * beyond every year's indicators ("ตัวชี้วัดที่11" when the largest is 10), so the caller never
 * answers about an indicator that does not exist.
 */
export function extractIndicatorNumber(text: string, max: number): number | "invalid" | undefined {
  const m = INDICATOR_NO.exec(text);
  if (!m) return undefined;
  const no = Number(m[1]);
  return no >= 1 && no <= max ? no : "invalid";
}

/** Thai phrases that contain a tool's word but mean something else ("ภายในวันนี้" is "within today"). */
const NOT_TOOLS = /ภายใน(?=หน่วยงาน|องค์กร|วัน|เดือน|ปี|สัปดาห์)/g;

/** "คะแนนเครื่องมือ …": asks about a tool even when none is named. */
export const TOOL_WORD = /เครื่องมือ(?:การประเมิน)?|(?<![a-z])tools?(?![a-z])/;

/** The first tool the text names, by code ("iit"), short or full name, or alias; the longest at a tie. */
export function extractTool(text: string, vocabulary: ChatVocabulary): string | undefined {
  const scan = text.replace(NOT_TOOLS, (w) => " ".repeat(w.length));
  let best: { tool: string; at: number; length: number } | undefined;
  const consider = (tool: string, at: number, length: number) => {
    if (at < 0) return;
    if (!best || at < best.at || (at === best.at && length > best.length)) best = { tool, at, length };
  };
  for (const { code, codePattern, words } of vocabulary.tools) {
    const latin = codePattern.exec(scan);
    if (latin) consider(code, latin.index, code.length);
    for (const word of words) consider(code, scan.indexOf(word), word.length);
  }
  return best?.tool;
}
