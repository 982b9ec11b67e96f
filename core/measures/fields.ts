import type { FollowUp, MeasureStatus } from "./model.ts";

// What a measure's and a step's fields may hold, wherever they are written: the forms' schemas
// (core/schemas) say it in Thai next to the field, the repositories refuse anything else.

export const MEASURE_STATUSES = [
  "not_started",
  "in_progress",
  "done",
  "cancelled",
] as const satisfies readonly MeasureStatus[];
/** Still to do: a step or measure neither done nor cancelled (what is overdue, what is reminded). */
export const OPEN_STATUSES = ["not_started", "in_progress"] as const satisfies readonly MeasureStatus[];
export const FOLLOW_UPS = [
  "monthly",
  "quarterly",
  "six_monthly",
  "yearly",
  "none",
] as const satisfies readonly FollowUp[];

/** Longest title of a measure or a step, in characters (the database refuses longer ones too). */
export const TITLE_MAX = 500;
/** ITA indicators are numbered from 1 to 99; which of them a year has, its framework says. */
export const INDICATOR_MIN = 1;
export const INDICATOR_MAX = 99;
/** Progress is a whole percentage. */
export const PROGRESS_MIN = 0;
export const PROGRESS_MAX = 100;

/** Not empty (spaces do not count) and at most TITLE_MAX characters. */
export function isTitle(value: string): boolean {
  return value.trim().length > 0 && value.length <= TITLE_MAX;
}

export function isIndicator(value: number): boolean {
  return Number.isInteger(value) && value >= INDICATOR_MIN && value <= INDICATOR_MAX;
}

export function isProgress(value: number): boolean {
  return Number.isInteger(value) && value >= PROGRESS_MIN && value <= PROGRESS_MAX;
}

export function isStatus(value: string): value is MeasureStatus {
  return (MEASURE_STATUSES as readonly string[]).includes(value);
}

export function isFollowUp(value: string): value is FollowUp {
  return (FOLLOW_UPS as readonly string[]).includes(value);
}
