// What the app shows for each recommendation an agency may rewrite: a Thai label and the
// library's text. Indicators are named as the newest year that has them names them; a concept by
// its weak point, or, for a concept the library has no text for, by the newest item title that
// carries it.
import type { FrameworkCatalog } from "../ita/catalog.ts";
import {
  CONCEPT_ADVICE,
  defaultRecommendation,
  indicatorKey,
  RECOMMENDATION_KEYS,
} from "./recommendations.ts";

export interface RecommendationEntry {
  key: string;
  label: string;
  /** The library's text; empty for a concept it has none for. */
  defaultText: string;
}

export function recommendationLabel(key: string, catalog: FrameworkCatalog): string {
  const newestFirst = [...catalog.all()].reverse();
  if (key.startsWith("indicator:")) {
    for (const framework of newestFirst) {
      const ind = framework.indicators.find((i) => indicatorKey(i) === key);
      if (ind) return `ตัวชี้วัดที่ ${ind.no} ${ind.nameTh}`;
    }
    return key;
  }
  const advice = CONCEPT_ADVICE[key];
  if (advice) return advice.issue;
  for (const framework of newestFirst) {
    const item = framework.itemByConcept(key);
    if (item) return `${item.code} ${item.titleTh ?? ""}`.trim();
  }
  return key;
}

/**
 * The keys of the newest year's indicators, then the library's other keys, then any other key the
 * agency has its own text for.
 */
export function recommendationEntries(
  catalog: FrameworkCatalog,
  overrideKeys: Iterable<string> = [],
): RecommendationEntry[] {
  const latest = catalog.latest();
  const keys = [...new Set([...(latest?.indicators.map(indicatorKey) ?? []), ...RECOMMENDATION_KEYS])];
  for (const k of overrideKeys) if (!keys.includes(k)) keys.push(k);
  return keys.map((key) => ({
    key,
    label: recommendationLabel(key, catalog),
    defaultText: defaultRecommendation(key) ?? "",
  }));
}
