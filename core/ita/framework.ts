// An ITA framework is the data of one fiscal year: tools, weights, indicators, items, levels.
// Every year-specific rule lives in the data (core/ita/frameworks/*), so a new year is a data change.

export interface PartDef {
  /** Column code, e.g. "EIT1". */
  code: string;
  nameTh: string;
}

export interface ToolDef {
  code: string;
  nameTh: string;
  weightPercent: number;
  indicators: number[];
  /** When given and all parts are known, the tool score is the mean of its parts (EIT from 2566). */
  parts?: PartDef[];
}

export interface SubIndicatorDef {
  code: string;
  nameTh: string;
  /** Pass/fail items; the sub-indicator is the share passed. */
  items: string[];
}

export interface IndicatorDef {
  no: number;
  nameTh: string;
  tool: string;
  /** Survey items whose mean is the indicator. */
  items?: string[];
  /** OIT: the indicator is the mean of its sub-indicators. */
  subIndicators?: SubIndicatorDef[];
}

export interface ItemDef {
  code: string;
  titleTh?: string;
  /** Stable meaning across years (item codes are renumbered between years). */
  concept?: string;
}

/** Item codes accepted for a year without known membership or title (e.g. O1–O43 in 2566). */
export interface ItemRange {
  prefix: "i" | "e" | "O";
  from: number;
  to: number;
  tool: string;
}

export interface LevelBand {
  code: string;
  nameTh: string;
  /** Lowest total in this band, in whole points (85 means 85.00). */
  minTotal: number;
  /** Every tool must reach this too (the 2566 rule for ผ่านดี / ผ่านดีเยี่ยม). */
  minEachTool?: number;
  /** Hex colour used in cards and charts. */
  color: string;
}

export interface FrameworkData {
  year: number;
  tools: ToolDef[];
  indicators: IndicatorDef[];
  items: ItemDef[];
  itemRanges?: ItemRange[];
  /** Ordered from best to worst; the first band whose conditions hold is the level. */
  levels: LevelBand[];
  passMark: number;
  source: string;
}
