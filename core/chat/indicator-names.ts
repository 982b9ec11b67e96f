// Indicators named in words: official Thai names, short aliases officials use, their typos, a few English words.
import { INDICATOR_NAMES } from "../ita/frameworks/common.ts";
import { closestSubstring } from "./fuzzy.ts";

/** Fuzzy matching reads only this much of a message (after normalising), to keep long messages cheap. */
export const FUZZY_WINDOW = 300;

const SHORT_ALIASES: Record<number, readonly string[]> = {
  1: ["ปฏิบัติหน้าที่"],
  2: ["ใช้งบประมาณ", "งบประมาณ", "งบ"],
  3: ["ใช้อำนาจ", "อำนาจ"],
  4: ["ใช้ทรัพย์สิน", "ทรัพย์สินของราชการ", "ทรัพย์สิน", "ทรัพสิน"],
  5: ["แก้ไขปัญหาการทุจริต", "แก้ไขปัญหาทุจริต", "แก้ปัญหาการทุจริต", "แก้ปัญหาทุจริต"],
  6: ["คุณภาพการดำเนินงาน", "คุณภาพ"],
  7: ["ประสิทธิภาพการสื่อสาร", "ประสิทธิภาพ", "การสื่อสาร", "สื่อสาร"],
  8: ["ปรับปรุงระบบการทำงาน", "ปรับปรุงการทำงาน", "ปรับปรุงระบบ"],
  9: ["เปิดเผยข้อมูล"],
  10: ["ป้องกันการทุจริต", "ป้องกันทุจริต"],
};

export interface IndicatorAlias {
  no: number;
  alias: string;
}

/** Every Thai name and alias, with its indicator number. */
export const INDICATOR_ALIASES: readonly IndicatorAlias[] = Object.entries(INDICATOR_NAMES).flatMap(
  ([no, name]) => [name, ...(SHORT_ALIASES[Number(no)] ?? [])].map((alias) => ({ no: Number(no), alias })),
);

/**
 * Two-letter aliases must stand as a word: "งบ" but not "สงบ", "ทั้งบ้าน", "ส่งบันทึก" or "ยังบอก"
 * (followed by a vowel or tone mark, or by "อก", it belongs to the next syllable). And they count
 * only in short messages: in a long text two letters in a row are more likely chance than a question.
 */
export const WORD_ONLY_MAX_MESSAGE = 100;
const WORD_ONLY: Readonly<Record<string, RegExp>> = {
  งบ: /(?<!ส)งบ(?![\u0e30-\u0e3a\u0e47-\u0e4e]|อก)/,
};

const ENGLISH: ReadonlyArray<[RegExp, number]> = [
  [/(?<![a-z])budget/, 2],
  [/(?<![a-z])(?:authority|power)(?![a-z])/, 3],
  [/(?<![a-z])(?:assets?|propert(?:y|ies))(?![a-z])/, 4],
  [/(?<![a-z])quality(?![a-z])/, 6],
  [/(?<![a-z])communication/, 7],
  [/(?<![a-z])disclosure(?![a-z])/, 9],
  [/(?<![a-z])prevention(?![a-z])/, 10],
];

/**
 * Words that contain an alias but mean something else: "ปีงบประมาณ" is a year, and
 * "(แบบตรวจ)การเปิดเผยข้อมูลสาธารณะ" is the OIT tool, not indicator 9.
 */
const NOT_INDICATORS = /ปีงบ(?:ประมาณ)?|(?:แบบตรวจ)?(?:การ)?เปิดเผยข้อมูลสาธารณะ/g;

/** Typos allowed for an alias of this many characters: none for short words, where one edit is a new word. */
export function tolerance(length: number): number {
  if (length < 6) return 0;
  return length < 13 ? 1 : 2;
}

interface Candidate {
  no: number;
  distance: number;
  start: number;
  length: number;
}

/**
 * The indicator a normalised text names, if any: the closest alias within its tolerance, then the
 * one written first, then the longest. Reads only the first FUZZY_WINDOW characters.
 */
export function matchIndicatorName(text: string): number | undefined {
  const window = text.replace(NOT_INDICATORS, " ").slice(0, FUZZY_WINDOW);
  const found: Candidate[] = [];
  for (const { no, alias } of INDICATOR_ALIASES) {
    const allowed = tolerance(alias.length);
    if (allowed === 0) {
      const guard = WORD_ONLY[alias];
      if (guard && text.length > WORD_ONLY_MAX_MESSAGE) continue;
      const at = guard ? window.search(guard) : window.indexOf(alias);
      if (at >= 0) found.push({ no, distance: 0, start: at, length: alias.length });
      continue;
    }
    const { distance, end } = closestSubstring(alias, window);
    if (distance <= allowed) found.push({ no, distance, start: end - alias.length, length: alias.length });
  }
  for (const [re, no] of ENGLISH) {
    const m = re.exec(window);
    if (m) found.push({ no, distance: 0, start: m.index, length: m[0].length });
  }
  found.sort((a, b) => a.distance - b.distance || a.start - b.start || b.length - a.length);
  return found[0]?.no;
}
