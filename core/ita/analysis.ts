import type { Assessment, ScoreKind, ScoreNode } from "./assessment.ts";
import type { Framework } from "./catalog.ts";
import type { IndicatorDef } from "./framework.ts";
import type { Score } from "./score.ts";

export const DEFAULT_THRESHOLD = 85;

export interface IndicatorScore {
  no: number;
  nameTh: string;
  tool: string;
  value: Score;
}

export interface StrengthsAndWeaknesses {
  threshold: number;
  /** At or above the threshold, highest first (the order reports use). */
  strengths: IndicatorScore[];
  /** Below the threshold, highest first. */
  weaknesses: IndicatorScore[];
}

export function indicatorScores(framework: Framework, assessment: Assessment): IndicatorScore[] {
  const out: IndicatorScore[] = [];
  for (const ind of framework.indicators) {
    const node = find(assessment, "indicator", String(ind.no));
    if (node) out.push({ no: ind.no, nameTh: ind.nameTh, tool: ind.tool, value: node.value });
  }
  return out;
}

/** Splits the known indicators at `threshold` points (85 by default; reports also use 80 and 90). */
export function strengthsAndWeaknesses(
  framework: Framework,
  assessment: Assessment,
  threshold = DEFAULT_THRESHOLD,
): StrengthsAndWeaknesses {
  const sorted = indicatorScores(framework, assessment).sort((a, b) => b.value - a.value || a.no - b.no);
  const cut = Math.round(threshold * 100);
  return {
    threshold,
    strengths: sorted.filter((s) => s.value >= cut),
    weaknesses: sorted.filter((s) => s.value < cut),
  };
}

export interface ItemScore {
  code: string;
  titleTh?: string;
  indicator?: number;
  indicatorNameTh?: string;
  value: Score;
}

/** The `limit` lowest items, lowest first, each with the indicator it belongs to. */
export function lowestItems(framework: Framework, assessment: Assessment, limit = 5): ItemScore[] {
  const items: ItemScore[] = [];
  for (const node of assessment.nodes) {
    if (node.kind !== "item") continue;
    const info = framework.item(node.code);
    const item: ItemScore = { code: node.code, value: node.value };
    if (info?.titleTh) item.titleTh = info.titleTh;
    if (info?.indicator !== undefined) {
      item.indicator = info.indicator;
      item.indicatorNameTh = framework.indicator(info.indicator)?.nameTh;
    }
    items.push(item);
  }
  return items
    .sort((a, b) => a.value - b.value || framework.itemOrder(a.code) - framework.itemOrder(b.code))
    .slice(0, limit);
}

export interface Delta {
  kind: "total" | "tool" | "indicator";
  /** The later year's code ("IIT", indicator "4"). */
  code: string;
  /** The earlier year's code, when the two years number it differently. */
  fromCode?: string;
  from: Score;
  to: Score;
  /** In hundredths; positive is better. */
  delta: number;
}

/** A tool or indicator one of the two years has and the other has no counterpart for. */
export interface NotComparable {
  year: number;
  kind: "tool" | "indicator";
  code: string;
  nameTh: string;
}

export interface YearComparison {
  /** Total, then tools, then indicators, in the later year's order; only what both years scored. */
  deltas: Delta[];
  /** What only one of the two frameworks has: said, not silently dropped. */
  notComparable: NotComparable[];
  /** The two years' frameworks differ in tools or indicators. */
  shapeChanged: boolean;
}

export interface YearResult {
  framework: Framework;
  assessment: Assessment;
}

/**
 * Year-over-year change of what two years share: the total; tools with the same code; indicators
 * with the same concept (or, where a framework gives none, the same number and name). Whatever
 * one year has and the other lacks is listed as not comparable.
 */
export function compareYears(before: YearResult, after: YearResult): YearComparison {
  const deltas: Delta[] = [];
  const scoreOf = (r: YearResult, kind: ScoreKind, code: string) => find(r.assessment, kind, code)?.value;
  const push = (kind: Delta["kind"], code: string, fromCode: string) => {
    const from = scoreOf(before, kind, fromCode);
    const to = scoreOf(after, kind, code);
    if (from === undefined || to === undefined) return;
    deltas.push({ kind, code, ...(fromCode !== code ? { fromCode } : {}), from, to, delta: to - from });
  };
  push("total", "total", "total");

  const notComparable: NotComparable[] = [];
  const beforeTools = new Set(before.framework.tools.map((t) => t.code));
  const afterTools = new Set(after.framework.tools.map((t) => t.code));
  for (const t of after.framework.tools) {
    if (beforeTools.has(t.code)) push("tool", t.code, t.code);
    else notComparable.push({ year: after.framework.year, kind: "tool", code: t.code, nameTh: t.nameTh });
  }
  for (const t of before.framework.tools) {
    if (!afterTools.has(t.code)) {
      notComparable.push({ year: before.framework.year, kind: "tool", code: t.code, nameTh: t.nameTh });
    }
  }

  const counterpart = (ind: IndicatorDef, other: Framework): IndicatorDef | undefined => {
    if (ind.concept) {
      const same = other.indicatorByConcept(ind.concept);
      if (same) return same;
      if (other.indicators.some((o) => o.concept)) return undefined;
    }
    const same = other.indicator(ind.no);
    return same && same.nameTh === ind.nameTh ? same : undefined;
  };
  const matched = new Set<number>();
  for (const ind of after.framework.indicators) {
    const old = counterpart(ind, before.framework);
    if (old) {
      matched.add(old.no);
      push("indicator", String(ind.no), String(old.no));
    } else {
      notComparable.push({
        year: after.framework.year,
        kind: "indicator",
        code: String(ind.no),
        nameTh: ind.nameTh,
      });
    }
  }
  for (const ind of before.framework.indicators) {
    if (!matched.has(ind.no)) {
      notComparable.push({
        year: before.framework.year,
        kind: "indicator",
        code: String(ind.no),
        nameTh: ind.nameTh,
      });
    }
  }
  const order: Delta["kind"][] = ["total", "tool", "indicator"];
  deltas.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return { deltas, notComparable, shapeChanged: notComparable.length > 0 };
}

export function find(assessment: Assessment, kind: ScoreKind, code: string): ScoreNode | undefined {
  return assessment.nodes.find((n) => n.kind === kind && n.code === code);
}
