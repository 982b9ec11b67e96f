// Indicators named in words: the frameworks' Thai names and aliases (core/chat/vocabulary.ts),
// with typos tolerated in long ones, and Latin aliases as whole words.
import { closestSubstring } from "./fuzzy.ts";
import { escapeRegExp } from "./normalise.ts";
import type { ChatVocabulary, IndicatorAlias } from "./vocabulary.ts";

/** Fuzzy matching reads only this much of a message (after normalising), to keep long messages cheap. */
export const FUZZY_WINDOW = 300;

/**
 * Two-letter aliases must stand as a word: "งบ" but not "สงบ", "ทั้งบ้าน", "ส่งบันทึก" or "ยังบอก"
 * (followed by a vowel or tone mark, or by "อก", it belongs to the next syllable). And they count
 * only in short messages: in a long text two letters in a row are more likely chance than a question.
 */
export const WORD_ONLY_MAX_MESSAGE = 100;
const WORD_ONLY: Readonly<Record<string, RegExp>> = {
  งบ: /(?<!ส)งบ(?![\u0e30-\u0e3a\u0e47-\u0e4e]|อก)/,
};

/** "ปีงบประมาณ" is a year, not the budget indicator. */
const NOT_INDICATORS = /ปีงบ(?:ประมาณ)?/g;

/** Typos allowed for an alias of this many characters: none for short words, where one edit is a new word. */
export function tolerance(length: number): number {
  if (length < 6) return 0;
  return length < 13 ? 1 : 2;
}

interface Candidate {
  alias: IndicatorAlias;
  distance: number;
  start: number;
  length: number;
}

const latinPatterns = new WeakMap<IndicatorAlias, RegExp>();

function latinPattern(alias: IndicatorAlias): RegExp {
  let re = latinPatterns.get(alias);
  if (!re) {
    re = new RegExp(`(?<![a-z])${escapeRegExp(alias.alias)}(?:s|es)?(?![a-z])`);
    latinPatterns.set(alias, re);
  }
  return re;
}

/**
 * The indicator a normalised text names, if any: the closest alias within its tolerance, then the
 * one written first, then the longest. A tool's name that contains an indicator's ("แบบตรวจการ
 * เปิดเผยข้อมูลสาธารณะ" holds "เปิดเผยข้อมูล") names the tool. Reads only the first FUZZY_WINDOW characters.
 */
export function matchIndicatorName(text: string, vocabulary: ChatVocabulary): IndicatorAlias | undefined {
  let window = text.replace(NOT_INDICATORS, (w) => " ".repeat(w.length)).slice(0, FUZZY_WINDOW);
  for (const tool of vocabulary.tools) {
    for (const word of tool.words) {
      if (!vocabulary.indicators.some((i) => i.alias.length < word.length && word.includes(i.alias)))
        continue;
      window = window.split(word).join(" ".repeat(word.length));
    }
  }
  const found: Candidate[] = [];
  for (const alias of vocabulary.indicators) {
    const word = alias.alias;
    if (/^[a-z]/.test(word)) {
      const m = latinPattern(alias).exec(window);
      if (m) found.push({ alias, distance: 0, start: m.index, length: m[0].length });
      continue;
    }
    const allowed = tolerance(word.length);
    if (allowed === 0) {
      const guard = WORD_ONLY[word];
      if (guard && text.length > WORD_ONLY_MAX_MESSAGE) continue;
      const at = guard ? window.search(guard) : window.indexOf(word);
      if (at >= 0) found.push({ alias, distance: 0, start: at, length: word.length });
      continue;
    }
    const { distance, end } = closestSubstring(word, window);
    if (distance <= allowed) found.push({ alias, distance, start: end - word.length, length: word.length });
  }
  found.sort((a, b) => a.distance - b.distance || a.start - b.start || b.length - a.length);
  return found[0]?.alias;
}
