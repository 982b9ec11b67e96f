import type { Step } from "../../core/measures/measure.ts";

/** Due before today and neither done nor cancelled (the server's "overdue" filter, per step). */
export function isOverdue(step: Step, today: string): boolean {
  return (
    step.dueOn !== null &&
    step.dueOn < today &&
    (step.status === "not_started" || step.status === "in_progress")
  );
}
