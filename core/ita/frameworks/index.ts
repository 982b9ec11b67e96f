import { buildFramework, type Framework } from "../catalog.ts";
import type { FrameworkData } from "../framework.ts";
import { y2562 } from "./y2562.ts";
import { y2563 } from "./y2563.ts";
import { y2564 } from "./y2564.ts";
import { y2565 } from "./y2565.ts";
import { y2566 } from "./y2566.ts";
import { y2567 } from "./y2567.ts";
import { y2568 } from "./y2568.ts";

/** Every fiscal year we have data for; a new year is one file and one entry here. */
const YEARS: readonly FrameworkData[] = [y2562, y2563, y2564, y2565, y2566, y2567, y2568];

export const FRAMEWORK_YEARS: readonly number[] = YEARS.map((d) => d.year).sort((a, b) => a - b);

const dataByYear = new Map(YEARS.map((d) => [d.year, d]));
const built = new Map<number, Framework>();

export function frameworkFor(year: number): Framework | undefined {
  const cached = built.get(year);
  if (cached) return cached;
  const data = dataByYear.get(year);
  if (!data) return undefined;
  const framework = buildFramework(data);
  built.set(year, framework);
  return framework;
}

export function latestFrameworkYear(): number {
  return FRAMEWORK_YEARS[FRAMEWORK_YEARS.length - 1]!;
}
