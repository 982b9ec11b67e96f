import type { Assessment, ScoreKind, ScoreNode } from "./assessment.ts";
import type { Framework } from "./catalog.ts";
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
  return items.sort((a, b) => a.value - b.value || itemOrder(a.code) - itemOrder(b.code)).slice(0, limit);
}

export interface Delta {
  kind: "total" | "tool" | "indicator";
  code: string;
  from: Score;
  to: Score;
  /** In hundredths; positive is better. */
  delta: number;
}

/** Year-over-year change of the total, each tool and each indicator known in both years. */
export function yearOverYear(previous: Assessment, current: Assessment): Delta[] {
  const out: Delta[] = [];
  for (const kind of ["total", "tool", "indicator"] as const) {
    const before = new Map(previous.nodes.filter((n) => n.kind === kind).map((n) => [n.code, n.value]));
    // Nodes come in framework order (scoreAssessment), which is the order to show them in.
    for (const node of current.nodes.filter((n) => n.kind === kind)) {
      const from = before.get(node.code);
      if (from !== undefined)
        out.push({ kind, code: node.code, from, to: node.value, delta: node.value - from });
    }
  }
  return out;
}

export function find(assessment: Assessment, kind: ScoreKind, code: string): ScoreNode | undefined {
  return assessment.nodes.find((n) => n.kind === kind && n.code === code);
}

function itemOrder(code: string): number {
  const letter = "ieO".indexOf(code[0] ?? "");
  return letter * 1000 + Number(code.slice(1));
}
