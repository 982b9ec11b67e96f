import type { Measure, Step } from "../../core/measures/measure.ts";

// The measure and step-plan forms' values as the forms hold them (strings, lists of checked
// boxes), read from the form with FormData and kept as drafts.

export interface StepPlanValues {
  title: string;
  dueOn: string;
  ownerIds: string[];
}

export interface MeasureValues {
  fiscalYear: string;
  title: string;
  indicators: string[];
  method: string;
  responsibleUnit: string;
  periodStart: string;
  periodEnd: string;
  ownerIds: string[];
  /** New measures only: the steps typed with it. */
  steps: StepPlanValues[];
}

const ids = (owners: { memberId: number }[]) => owners.map((o) => String(o.memberId));

export function stepPlanValues(step?: Step): StepPlanValues {
  return { title: step?.title ?? "", dueOn: step?.dueOn ?? "", ownerIds: step ? ids(step.owners) : [] };
}

export function measureValues(measure: Measure | undefined, fiscalYear: number): MeasureValues {
  return {
    fiscalYear: String(measure?.fiscalYear ?? fiscalYear),
    title: measure?.title ?? "",
    indicators: (measure?.indicators ?? []).map(String),
    method: measure?.method ?? "",
    responsibleUnit: measure?.responsibleUnit ?? "",
    periodStart: measure?.periodStart ?? "",
    periodEnd: measure?.periodEnd ?? "",
    ownerIds: measure ? ids(measure.owners) : [],
    steps: measure ? [] : [stepPlanValues()],
  };
}

function reader(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    text: (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value : "";
    },
    list: (name: string) => data.getAll(name).filter((v): v is string => typeof v === "string"),
  };
}

/** A step plan's fields, named `${prefix}title`, `${prefix}dueOn`, `${prefix}ownerIds`. */
export function readStepPlan(form: HTMLFormElement, prefix: string): StepPlanValues {
  const { text, list } = reader(form);
  return {
    title: text(`${prefix}title`),
    dueOn: text(`${prefix}dueOn`),
    ownerIds: list(`${prefix}ownerIds`),
  };
}

/** The measure form, with its step rows in the order shown (named steps.0.…, steps.1.…). */
export function readMeasure(form: HTMLFormElement): MeasureValues {
  const { text, list } = reader(form);
  const rows = form.querySelectorAll("[data-step-row]").length;
  return {
    fiscalYear: text("fiscalYear"),
    title: text("title"),
    indicators: list("indicators"),
    method: text("method"),
    responsibleUnit: text("responsibleUnit"),
    periodStart: text("periodStart"),
    periodEnd: text("periodEnd"),
    ownerIds: list("ownerIds"),
    steps: Array.from({ length: rows }, (_, i) => readStepPlan(form, `steps.${i}.`)),
  };
}

// A draft is used only if it has the shape the form reads; anything else (an older version, a
// hand-edited value) is ignored.
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const has = (v: unknown, texts: string[], lists: string[]): v is Record<string, unknown> =>
  typeof v === "object" &&
  v !== null &&
  texts.every((k) => typeof (v as Record<string, unknown>)[k] === "string") &&
  lists.every((k) => isStrings((v as Record<string, unknown>)[k]));

export const isStepPlanValues = (v: unknown): v is StepPlanValues => has(v, ["title", "dueOn"], ["ownerIds"]);

export const isMeasureValues = (v: unknown): v is MeasureValues =>
  has(
    v,
    ["fiscalYear", "title", "method", "responsibleUnit", "periodStart", "periodEnd"],
    ["indicators", "ownerIds"],
  ) &&
  Array.isArray(v.steps) &&
  v.steps.every(isStepPlanValues);
