// One canonical form of an official's chat message, which every intent rule and extractor reads.
import { toArabicDigits } from "../thai/digits.ts";

/** Only the start of a message is read: questions are short, and pasted documents are not questions. */
export const MAX_SCAN_CHARS = 1000;

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** "ข้อ ๐๓๐": the seed reports write the letter O of an OIT item as a Thai zero. */
const THAI_ZERO_AS_O = /(ข้อ(?:\s*ที่)?\s*)๐(?=[๐-๙])/g;
/** A space only separates two Latin letters or digits ("link 123456", "2566 2567", "i 12"). */
const SPACE_NOT_BETWEEN_WORDS = /(?<![a-z0-9]) | (?![a-z0-9])/g;

/**
 * "คะแนน ITA ปี ๒๕๖๗ ครับ" -> "คะแนนitaปี2567ครับ": Arabic digits, lower case, NFKC, "ํา" -> "ำ",
 * "เเ" -> "แ", and no spaces except between two Latin words or numbers. Thai is written without
 * spaces, so rules must not rely on them.
 */
export function normalise(raw: string): string {
  const s = raw
    .slice(0, MAX_SCAN_CHARS)
    .normalize("NFKC")
    .replace(/\u0e4d\u0e32/g, "\u0e33")
    .replace(/เเ/g, "แ")
    .replace(ZERO_WIDTH, "")
    .replace(THAI_ZERO_AS_O, "$1o");
  return toArabicDigits(s).toLowerCase().replace(/\s+/g, " ").trim().replace(SPACE_NOT_BETWEEN_WORDS, "");
}

/** Replaces every match of a global `re` that `take` accepts with spaces, so positions stay put. */
export function maskMatches(text: string, re: RegExp, take: (m: RegExpExecArray) => boolean): string {
  let out = text;
  for (const m of text.matchAll(re)) {
    if (take(m)) out = maskSpan(out, m.index, m.index + m[0].length);
  }
  return out;
}

/** Escapes a word for use inside a RegExp. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function maskSpan(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

const byLength = (words: string[]) => words.sort((a, b) => b.length - a.length);

/** Polite particles and fillers that end a request; longest first so "ครับผม" goes before "ครับ". */
export const TRAILING_FILLERS: readonly string[] = byLength([
  "ครับผม",
  "ครับ",
  "คร้าบ",
  "คับ",
  "ค่ะ",
  "คะ",
  "ค่า",
  "จ้า",
  "จ้ะ",
  "จ๊ะ",
  "นะ",
  "น้า",
  "หน่อย",
  "ด้วย",
  "ได้ไหม",
  "ได้มั้ย",
  "ไหม",
  "มั้ย",
  "please",
  "pls",
]);

/** Words that open a request ("ขอ…", "ช่วยบอก…"). Not particles: "คะแนน" starts like "คะ". */
export const LEADING_FILLERS: readonly string[] = byLength([
  "ขอ",
  "อยากรู้",
  "อยากทราบ",
  "ช่วย",
  "บอก",
  "please",
  "pls",
]);

const EDGE_PUNCTUATION = /^[\s.,!?~…'"()[\]ๆ]+|[\s.,!?~…'"()[\]ๆ]+$/g;

/**
 * The message and what is left as fillers and punctuation come off its ends, one at a time:
 * "ขอวิธีใช้หน่อยครับ" -> [..., "วิธีใช้", ...]. Each step is kept because a word may begin like a
 * filler ("ช่วยเหลือ" starts with "ช่วย"). For whole-message tests ("is it just a help word?").
 */
export function bareForms(text: string): string[] {
  const forms = new Set<string>();
  let cur = text.trim();
  forms.add(cur);
  for (let step = 0; step < 24; step++) {
    const next = stripOnce(cur);
    if (next === cur) break;
    cur = next;
    forms.add(cur);
  }
  return [...forms];
}

function stripOnce(text: string): string {
  const bare = text.replace(EDGE_PUNCTUATION, "");
  if (bare !== text) return bare;
  const end = TRAILING_FILLERS.find((f) => text.endsWith(f));
  if (end) return text.slice(0, -end.length).trim();
  const start = LEADING_FILLERS.find((f) => text.startsWith(f));
  return start ? text.slice(start.length).trim() : text;
}
