// A checked framework document made ready to use (lookups by code and concept, the order to show
// things in), and the catalog of every year the system holds. Nothing here knows how many tools
// or indicators a year has, or what they are called: that is the document's.
import { toThaiDigits } from "../thai/digits.ts";
import {
  DEFAULT_PROVISIONAL_NOTE,
  type FrameworkDocument,
  type IndicatorDef,
  type ItemDef,
  type ItemRange,
  type LevelBand,
  type ToolDef,
} from "./framework.ts";

export interface Tool extends ToolDef {
  /** The indicators that name this tool, in the document's order. */
  indicators: number[];
}

export interface ItemInfo extends ItemDef {
  tool: string;
  /** Undefined where the year's membership is not known (then the item does not roll up). */
  indicator?: number;
  subIndicator?: string;
}

export interface Framework {
  /** The checked document, as stored and exported. */
  readonly document: FrameworkDocument;
  readonly year: number;
  /** "กรอบการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๙" unless the document names itself. */
  readonly nameTh: string;
  readonly provisional: boolean;
  /** "รอยืนยันจาก ป.ป.ช." when provisional. */
  readonly provisionalNote?: string;
  readonly source: string;
  readonly passMark: number;
  readonly tools: readonly Tool[];
  readonly indicators: readonly IndicatorDef[];
  readonly items: readonly ItemDef[];
  readonly itemRanges: readonly ItemRange[];
  readonly levels: readonly LevelBand[];
  /** Every part code of every tool ("EIT1", "EIT2"). */
  readonly partCodes: readonly string[];
  tool(code: string): Tool | undefined;
  indicator(no: number): IndicatorDef | undefined;
  /** A known or accepted item of this year, by code in any case and with leading zeros ("o025" → O25). */
  item(code: string): ItemInfo | undefined;
  /** The item codes an indicator rolls up from, directly or through its sub-indicators. */
  itemsOf(no: number): string[];
  itemByConcept(concept: string): ItemInfo | undefined;
  indicatorByConcept(concept: string): IndicatorDef | undefined;
  /** Position of an item in the year's own order (indicators, then ranges), for sorting. */
  itemOrder(code: string): number;
}

const ITEM_KEY = /^([a-z]{1,3})0*([1-9]\d?)$/i;

/** The lookup key of anything written as an item code: "O025" → "o25", "I 12" → undefined. */
export function itemKey(raw: string): string | undefined {
  const m = ITEM_KEY.exec(raw.trim());
  return m ? `${m[1]!.toLowerCase()}${m[2]}` : undefined;
}

export function buildFramework(document: FrameworkDocument): Framework {
  const tools: Tool[] = document.tools.map((t) => ({
    ...t,
    indicators: document.indicators.filter((i) => i.tool === t.code).map((i) => i.no),
  }));
  const toolByCode = new Map(tools.map((t) => [t.code.toUpperCase(), t]));
  const indicatorByNo = new Map(document.indicators.map((i) => [i.no, i]));
  const defs = new Map(document.items.map((d) => [itemKey(d.code)!, d]));
  const items = new Map<string, ItemInfo>();
  const put = (code: string, info: Omit<ItemInfo, "code">) => {
    const key = itemKey(code)!;
    const def = defs.get(key);
    items.set(key, { ...def, ...info, code: def?.code ?? code });
  };
  for (const ind of document.indicators) {
    for (const code of ind.items ?? []) put(code, { tool: ind.tool, indicator: ind.no });
    for (const sub of ind.subIndicators ?? []) {
      for (const code of sub.items) put(code, { tool: ind.tool, indicator: ind.no, subIndicator: sub.code });
    }
  }
  for (const range of document.itemRanges ?? []) {
    for (let n = range.from; n <= range.to; n++) {
      const key = itemKey(`${range.prefix}${n}`)!;
      if (!items.has(key)) put(`${range.prefix}${n}`, { tool: range.tool });
    }
  }
  const order = new Map([...items.keys()].map((k, i) => [k, i]));
  const byConcept = new Map<string, ItemInfo>();
  for (const info of items.values())
    if (info.concept && !byConcept.has(info.concept)) byConcept.set(info.concept, info);
  const indicatorConcepts = new Map(
    document.indicators.flatMap((i) => (i.concept ? [[i.concept, i] as const] : [])),
  );
  const provisionalNote = document.provisional
    ? (document.provisionalNote ?? DEFAULT_PROVISIONAL_NOTE)
    : undefined;
  return {
    document,
    year: document.year,
    nameTh: document.nameTh ?? `กรอบการประเมิน ITA ปีงบประมาณ พ.ศ. ${toThaiDigits(String(document.year))}`,
    provisional: document.provisional,
    ...(provisionalNote ? { provisionalNote } : {}),
    source: document.source,
    passMark: document.passMark,
    tools,
    indicators: document.indicators,
    items: document.items,
    itemRanges: document.itemRanges ?? [],
    levels: document.levels,
    partCodes: tools.flatMap((t) => (t.parts ?? []).map((p) => p.code)),
    tool: (code) => toolByCode.get(code.toUpperCase()),
    indicator: (no) => indicatorByNo.get(no),
    item: (code) => {
      const key = itemKey(code);
      return key === undefined ? undefined : items.get(key);
    },
    itemsOf: (no) => {
      const ind = indicatorByNo.get(no);
      return ind ? (ind.items ?? ind.subIndicators?.flatMap((s) => s.items) ?? []) : [];
    },
    itemByConcept: (concept) => byConcept.get(concept),
    indicatorByConcept: (concept) => indicatorConcepts.get(concept),
    itemOrder: (code) => order.get(itemKey(code) ?? "") ?? Number.MAX_SAFE_INTEGER,
  };
}

/** "กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)" for a provisional year; undefined for a confirmed one. */
export function provisionalLabel(framework: Framework): string | undefined {
  if (!framework.provisional) return undefined;
  return `กรอบการประเมินปี ${toThaiDigits(String(framework.year))} (${framework.provisionalNote ?? DEFAULT_PROVISIONAL_NOTE})`;
}

/** Every year the system holds, each built once. */
export interface FrameworkCatalog {
  /** Ascending. */
  readonly years: readonly number[];
  get(year: number): Framework | undefined;
  /** The newest year, or undefined when the catalog is empty. */
  latest(): Framework | undefined;
  all(): readonly Framework[];
}

export function frameworkCatalog(documents: Iterable<FrameworkDocument>): FrameworkCatalog {
  const byYear = new Map<number, Framework>();
  for (const doc of documents) byYear.set(doc.year, buildFramework(doc));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const all = years.map((y) => byYear.get(y)!);
  return {
    years,
    get: (year) => byYear.get(year),
    latest: () => all[all.length - 1],
    all: () => all,
  };
}
