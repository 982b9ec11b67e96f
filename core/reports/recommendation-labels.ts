// What the app shows for each recommendation an agency may rewrite: a Thai label and the
// library's text. Indicators are named as in the latest framework; a concept by its weak point,
// or, for a concept the library has no text for, by the newest item title that carries it.
import { FRAMEWORK_YEARS, frameworkFor, latestFrameworkYear } from "../ita/frameworks/index.ts";
import { CONCEPT_ADVICE, defaultRecommendation, RECOMMENDATION_KEYS } from "./recommendations.ts";

export interface RecommendationEntry {
  key: string;
  label: string;
  /** The library's text; empty for a concept it has none for. */
  defaultText: string;
}

export function recommendationLabel(key: string): string {
  const m = /^indicator:(\d+)$/.exec(key);
  if (m) {
    const name = frameworkFor(latestFrameworkYear())?.indicator(Number(m[1]))?.nameTh;
    return `ตัวชี้วัดที่ ${m[1]}${name ? ` ${name}` : ""}`;
  }
  const advice = CONCEPT_ADVICE[key];
  if (advice) return advice.issue;
  for (const year of [...FRAMEWORK_YEARS].reverse()) {
    const item = frameworkFor(year)?.items.find((i) => i.concept === key);
    if (item) return `${item.code} ${item.titleTh}`;
  }
  return key;
}

/** The library's keys in order, then any other key the agency has its own text for. */
export function recommendationEntries(overrideKeys: Iterable<string> = []): RecommendationEntry[] {
  const keys = [...RECOMMENDATION_KEYS];
  for (const k of overrideKeys) if (!keys.includes(k)) keys.push(k);
  return keys.map((key) => ({
    key,
    label: recommendationLabel(key),
    defaultText: defaultRecommendation(key) ?? "",
  }));
}
