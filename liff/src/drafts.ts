import type { Step } from "../../core/measures/measure.ts";

/** The status form's fields, as the form holds them (strings). */
export interface StepValues {
  status: string;
  progress: string;
  note: string;
  evidenceUrl: string;
  doneOn: string;
}

const FIELDS = ["status", "progress", "note", "evidenceUrl", "doneOn"] as const;

export function stepValues(step: Step): StepValues {
  return {
    status: step.status,
    progress: String(step.progress),
    note: step.note,
    evidenceUrl: step.evidenceUrl ?? "",
    doneOn: step.doneOn ?? "",
  };
}

export function formValues(form: HTMLFormElement): StepValues {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    status: text("status"),
    progress: text("progress"),
    note: text("note"),
    evidenceUrl: text("evidenceUrl"),
    doneOn: text("doneOn"),
  };
}

// Drafts live in localStorage, one per agency and step, until the server has accepted them.
// Storage can be unavailable (private mode, full): then the form simply works without drafts.

const keyOf = (agencyId: number, stepId: number) => `prongsai.draft.step.${agencyId}.${stepId}`;

export function loadDraft(agencyId: number, stepId: number): StepValues | undefined {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(keyOf(agencyId, stepId)) ?? "null");
    if (typeof saved !== "object" || saved === null) return undefined;
    const record = saved as Record<string, unknown>;
    return FIELDS.every((f) => typeof record[f] === "string") ? (saved as StepValues) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(agencyId: number, stepId: number, values: StepValues): void {
  try {
    localStorage.setItem(keyOf(agencyId, stepId), JSON.stringify(values));
  } catch {
    // no storage: nothing to keep
  }
}

export function clearDraft(agencyId: number, stepId: number): void {
  try {
    localStorage.removeItem(keyOf(agencyId, stepId));
  } catch {
    // no storage: nothing was kept
  }
}
