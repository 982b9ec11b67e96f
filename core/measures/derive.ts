import type { MeasureStatus } from "./model.ts";

/**
 * A measure's status and progress from its steps, leaving cancelled steps out: all done → done
 * (100); none begun → not_started (0); otherwise in_progress with the mean progress (a done step
 * counts 100), below 100. Undefined when there is nothing to go by (no steps, or all cancelled).
 */
export function deriveFromSteps(
  steps: readonly { status: MeasureStatus; progress: number }[],
): { status: MeasureStatus; progress: number } | undefined {
  const active = steps.filter((s) => s.status !== "cancelled");
  if (active.length === 0) return undefined;
  if (active.every((s) => s.status === "done")) return { status: "done", progress: 100 };
  const total = active.reduce((sum, s) => sum + (s.status === "done" ? 100 : s.progress), 0);
  const progress = Math.min(99, Math.round(total / active.length));
  if (progress === 0 && active.every((s) => s.status === "not_started")) {
    return { status: "not_started", progress: 0 };
  }
  return { status: "in_progress", progress };
}
