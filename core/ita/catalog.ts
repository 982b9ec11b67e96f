import type { FrameworkData, IndicatorDef, ItemDef, ToolDef } from "./framework.ts";

export interface ItemInfo extends ItemDef {
  tool: string;
  /** Undefined where the year's membership is not known (then the item does not roll up). */
  indicator?: number;
  subIndicator?: string;
}

export interface Framework extends FrameworkData {
  tool(code: string): ToolDef | undefined;
  indicator(no: number): IndicatorDef | undefined;
  /** Known or accepted item of this year, by canonical code ("i12", "e3", "O30"). */
  item(code: string): ItemInfo | undefined;
  /** Every part code of every tool ("EIT1", "EIT2"). */
  partCodes: string[];
}

const ITEM_CODE = /^([ieo])0*(\d{1,3})$/i;

/** "I12" -> "i12", "o030" -> "O30"; undefined when it is not an item code. */
export function canonicalItemCode(raw: string): string | undefined {
  const m = ITEM_CODE.exec(raw.trim());
  if (!m) return undefined;
  const letter = m[1]!.toLowerCase();
  return `${letter === "o" ? "O" : letter}${Number(m[2])}`;
}

export function buildFramework(data: FrameworkData): Framework {
  const tools = new Map(data.tools.map((t) => [t.code, t]));
  const indicators = new Map(data.indicators.map((i) => [i.no, i]));
  const items = new Map<string, ItemInfo>();
  const defs = new Map(data.items.map((d) => [d.code, d]));
  for (const ind of data.indicators) {
    for (const code of ind.items ?? []) {
      items.set(code, { code, ...defs.get(code), tool: ind.tool, indicator: ind.no });
    }
    for (const sub of ind.subIndicators ?? []) {
      for (const code of sub.items) {
        items.set(code, {
          code,
          ...defs.get(code),
          tool: ind.tool,
          indicator: ind.no,
          subIndicator: sub.code,
        });
      }
    }
  }
  for (const range of data.itemRanges ?? []) {
    for (let n = range.from; n <= range.to; n++) {
      const code = `${range.prefix}${n}`;
      if (!items.has(code)) items.set(code, { code, ...defs.get(code), tool: range.tool });
    }
  }
  return {
    ...data,
    tool: (code) => tools.get(code),
    indicator: (no) => indicators.get(no),
    item: (code) => items.get(code),
    partCodes: data.tools.flatMap((t) => (t.parts ?? []).map((p) => p.code)),
  };
}
