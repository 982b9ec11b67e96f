import type { Assessment, Mismatch, ScoreInput, ScoreKind, ScoreNode } from "./assessment.ts";
import type { Framework } from "./catalog.ts";
import { formatScore, meanHalfUp, type Score, shareHalfUp, weightedHalfUp } from "./score.ts";

/** A reported figure further than this from the computed one is flagged (FRAMEWORK.md). */
const TOLERANCE = 1;

/**
 * Fills in what is missing, bottom-up, with the official rule: every level is rounded half-up
 * to two decimals as ITAS publishes it, tools are means of indicators (EIT: of its parts when
 * given), and the total is the weighted sum of the rounded tools. Reported figures stay official.
 */
export function scoreAssessment(framework: Framework, input: ScoreInput): Assessment {
  const nodes: ScoreNode[] = [];
  const mismatches: Mismatch[] = [];

  const settle = (
    kind: ScoreKind,
    code: string,
    reported: Score | undefined,
    computed: Score | undefined,
  ) => {
    if (reported === undefined && computed === undefined) return undefined;
    const node: ScoreNode =
      reported !== undefined
        ? { kind, code, value: reported, source: "reported" }
        : { kind, code, value: computed!, source: "computed" };
    if (computed !== undefined) node.computed = computed;
    if (reported !== undefined && computed !== undefined && Math.abs(reported - computed) > TOLERANCE) {
      mismatches.push({ kind, code, reported: formatScore(reported), computed: formatScore(computed) });
    }
    nodes.push(node);
    return node.value;
  };

  const items = input.items ?? {};
  for (const [code, value] of Object.entries(items)) settle("item", code, value, undefined);

  const indicatorValues = new Map<number, Score>();
  for (const ind of framework.indicators) {
    let computed: Score | undefined;
    if (ind.subIndicators?.length) {
      const subs = ind.subIndicators.map((sub) => {
        const passed = allKnown(sub.items.map((c) => items[c]));
        const fromItems = passed
          ? shareHalfUp(passed.filter((v) => v >= 5000).length, passed.length)
          : undefined;
        return settle("sub", sub.code, input.subIndicators?.[sub.code], fromItems);
      });
      const known = allKnown(subs);
      if (known) computed = meanHalfUp(known);
    } else if (ind.items?.length) {
      const known = allKnown(ind.items.map((c) => items[c]));
      if (known) computed = meanHalfUp(known);
    }
    const value = settle("indicator", String(ind.no), input.indicators?.[String(ind.no)], computed);
    if (value !== undefined) indicatorValues.set(ind.no, value);
  }

  const toolValues = new Map<string, Score>();
  for (const tool of framework.tools) {
    const parts = (tool.parts ?? []).map((p) => settle("part", p.code, input.parts?.[p.code], undefined));
    const knownParts = parts.length ? allKnown(parts) : undefined;
    const knownIndicators = allKnown(tool.indicators.map((no) => indicatorValues.get(no)));
    const computed = knownParts
      ? meanHalfUp(knownParts)
      : knownIndicators
        ? meanHalfUp(knownIndicators)
        : undefined;
    const value = settle("tool", tool.code, input.tools?.[tool.code], computed);
    if (value !== undefined) toolValues.set(tool.code, value);
  }

  const knownTools = allKnown(framework.tools.map((t) => toolValues.get(t.code)));
  const computedTotal = knownTools
    ? weightedHalfUp(
        framework.tools.map((t, i) => ({ weightPercent: t.weightPercent, value: knownTools[i]! })),
      )
    : undefined;
  settle("total", "total", input.total, computedTotal);
  const total = nodes.find((n) => n.kind === "total");

  const result: Assessment = { year: framework.year, nodes, mismatches };
  if (total) {
    result.total = total;
    const level = levelOf(framework, total.value, toolValues);
    if (input.level !== undefined && level !== undefined && input.level !== level) {
      mismatches.push({ kind: "level", code: "level", reported: input.level, computed: level });
    }
    const official = input.level ?? level;
    if (official !== undefined) result.level = official;
  } else if (input.level !== undefined) {
    result.level = input.level;
  }
  return result;
}

/**
 * First band, best to worst, whose total and per-tool conditions hold; undefined when a band
 * needs tool scores that are not known (a total alone cannot tell ผ่านดี from ผ่าน).
 */
export function levelOf(
  framework: Framework,
  total: Score,
  tools: ReadonlyMap<string, Score>,
): string | undefined {
  for (const band of framework.levels) {
    if (total < Math.round(band.minTotal * 100)) continue;
    if (band.minEachTool !== undefined) {
      const values = framework.tools.map((t) => tools.get(t.code));
      if (values.some((v) => v === undefined)) return undefined;
      const each = Math.round(band.minEachTool * 100);
      if (values.some((v) => v! < each)) continue;
    }
    return band.code;
  }
  return undefined;
}

/**
 * The tools that kept a total from the next band up: for a 2569 total of 94.64 with EIT at 80.00
 * the level is ผ่าน, and EIT is what held it back from ผ่านดี (of the bands above the one reached
 * whose total it has, the lowest). Undefined when the total alone decided the level.
 */
export function toolsHoldingBack(
  framework: Framework,
  total: Score,
  tools: ReadonlyMap<string, Score>,
): { band: string; tools: string[] } | undefined {
  let held: { band: string; tools: string[] } | undefined;
  for (const band of framework.levels) {
    if (total < Math.round(band.minTotal * 100)) continue;
    if (band.minEachTool === undefined) return held;
    const each = Math.round(band.minEachTool * 100);
    const below = framework.tools.filter((t) => {
      const v = tools.get(t.code);
      return v !== undefined && v < each;
    });
    if (below.length === 0) return held;
    held = { band: band.code, tools: below.map((t) => t.code) };
  }
  return held;
}

function allKnown<T>(values: readonly (T | undefined)[]): T[] | undefined {
  return values.every((v) => v !== undefined) ? (values as T[]) : undefined;
}
