import {
  INDICATOR_MAX,
  INDICATOR_MIN,
  isFollowUp,
  isIndicator,
  isProgress,
  isStatus,
  isTitle,
  PROGRESS_MAX,
  PROGRESS_MIN,
  TITLE_MAX,
} from "../../core/measures/fields.ts";
import type { MeasurePatch, NewMeasure, NewStep, StepPatch } from "../../core/measures/measure.ts";
import type { MeasureStatus } from "../../core/measures/model.ts";
import { isIsoDate } from "../../core/thai/date.ts";
import { ForbiddenError, ValidationError } from "../errors.ts";
import type { AgencyScope } from "../scope.ts";

// What a write to measures and steps must pass before anything is read: the writer's role, and
// the fields' rules of core/measures/fields.ts (the forms word the same rules in Thai).

export function assertCanWrite(scope: AgencyScope): void {
  if (scope.role === "viewer") throw new ForbiddenError("a viewer cannot change measures");
}

export function checkDate(field: string, value: string | null | undefined): void {
  if (value !== undefined && value !== null && !isIsoDate(value)) {
    throw new ValidationError(`${field} must be a date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
}

function checkProgress(value: number | undefined): void {
  if (value !== undefined && !isProgress(value)) {
    throw new ValidationError(
      `progress must be a whole number ${PROGRESS_MIN}–${PROGRESS_MAX}, got ${value}`,
    );
  }
}

function checkStatus(value: MeasureStatus | undefined): void {
  if (value !== undefined && !isStatus(value)) throw new ValidationError(`unknown status ${value}`);
}

export function checkTitle(value: string | undefined): void {
  if (value !== undefined && !isTitle(value)) {
    throw new ValidationError(`title must have 1–${TITLE_MAX} characters`);
  }
}

export function checkMeasureFields(m: MeasurePatch | NewMeasure): void {
  checkTitle(m.title);
  checkStatus(m.status);
  checkProgress(m.progress);
  checkDate("periodStart", m.periodStart);
  checkDate("periodEnd", m.periodEnd);
  if (m.followUp !== undefined && !isFollowUp(m.followUp)) {
    throw new ValidationError(`unknown follow-up ${m.followUp}`);
  }
  if (m.indicators?.some((i) => !isIndicator(i))) {
    throw new ValidationError(`indicators are numbers ${INDICATOR_MIN}–${INDICATOR_MAX}`);
  }
}

export function checkStepFields(s: StepPatch | NewStep): void {
  if ("title" in s) checkTitle(s.title);
  checkStatus(s.status);
  checkProgress(s.progress);
  checkDate("dueOn", s.dueOn);
  checkDate("doneOn", s.doneOn);
  if ("snoozedUntil" in s) checkDate("snoozedUntil", s.snoozedUntil);
  if ("today" in s) checkDate("today", s.today);
}
