// The words of the frameworks that chat understands: tools by code, short name, full name and
// aliases; indicators by name and alias; the letters item codes start with. All of it comes from
// the frameworks the system holds, so a year with other tools or indicators is understood as soon
// as it is loaded.
import type { FrameworkCatalog } from "../ita/catalog.ts";
import { escapeRegExp, normalise } from "./normalise.ts";

export interface ToolWords {
  code: string;
  /** The code as a Latin word ("iit" but not "iitx"). */
  codePattern: RegExp;
  /** Normalised words, longest first. */
  words: string[];
}

export interface IndicatorAlias {
  /** The number in the newest year that defines this alias. */
  no: number;
  /** The indicator's concept, when the framework gives one: the same meaning in any year. */
  concept?: string;
  /** Normalised. */
  alias: string;
}

export interface ChatVocabulary {
  tools: ToolWords[];
  indicators: IndicatorAlias[];
  /** The largest indicator number of any year: "ตัวชี้วัดที่ 11" beyond it is no indicator. */
  maxIndicator: number;
  /** Lower-case letters item codes start with ("i", "e", "o"), longest first. */
  itemPrefixes: string[];
}

const made = new WeakMap<FrameworkCatalog, ChatVocabulary>();

/** Built once per catalog; newer years' words win where two years disagree. */
export function chatVocabulary(catalog: FrameworkCatalog): ChatVocabulary {
  const known = made.get(catalog);
  if (known) return known;
  const tools = new Map<string, Set<string>>();
  const aliases = new Map<string, IndicatorAlias>();
  const prefixes = new Set<string>();
  let maxIndicator = 0;
  for (const framework of [...catalog.all()].reverse()) {
    for (const tool of framework.tools) {
      const words = tools.get(tool.code) ?? new Set<string>();
      for (const w of [tool.nameTh, tool.shortTh, ...(tool.aliases ?? [])]) if (w) words.add(normalise(w));
      tools.set(tool.code, words);
    }
    for (const ind of framework.indicators) {
      maxIndicator = Math.max(maxIndicator, ind.no);
      for (const name of [ind.nameTh, ...(ind.aliases ?? [])]) {
        const alias = normalise(name);
        if (alias && !aliases.has(alias)) {
          aliases.set(alias, { no: ind.no, alias, ...(ind.concept ? { concept: ind.concept } : {}) });
        }
      }
    }
    for (const item of framework.items) prefixes.add(/^[a-z]+/i.exec(item.code)![0].toLowerCase());
    for (const ind of framework.indicators) {
      for (const code of framework.itemsOf(ind.no)) prefixes.add(/^[a-z]+/i.exec(code)![0].toLowerCase());
    }
    for (const range of framework.itemRanges) prefixes.add(range.prefix.toLowerCase());
  }
  const vocabulary: ChatVocabulary = {
    tools: [...tools].map(([code, words]) => ({
      code,
      codePattern: new RegExp(`(?<![a-z])${escapeRegExp(code.toLowerCase())}(?![a-z])`),
      words: [...words].sort((a, b) => b.length - a.length),
    })),
    indicators: [...aliases.values()],
    maxIndicator,
    itemPrefixes: [...prefixes].sort((a, b) => b.length - a.length),
  };
  made.set(catalog, vocabulary);
  return vocabulary;
}
