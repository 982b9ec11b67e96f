import { describe, expect, it } from "vitest";
import { deriveFromSteps } from "../../../core/measures/derive.ts";

describe("deriveFromSteps", () => {
  it("averages the steps that are not cancelled, a done step counting 100", () => {
    expect(deriveFromSteps([])).toBeUndefined();
    expect(deriveFromSteps([{ status: "cancelled", progress: 0 }])).toBeUndefined();
    expect(
      deriveFromSteps([
        { status: "done", progress: 100 },
        { status: "done", progress: 80 },
        { status: "cancelled", progress: 0 },
      ]),
    ).toEqual({ status: "done", progress: 100 });
    expect(
      deriveFromSteps([
        { status: "not_started", progress: 0 },
        { status: "not_started", progress: 0 },
      ]),
    ).toEqual({ status: "not_started", progress: 0 });
    expect(
      deriveFromSteps([
        { status: "done", progress: 0 },
        { status: "in_progress", progress: 50 },
        { status: "not_started", progress: 0 },
      ]),
    ).toEqual({ status: "in_progress", progress: 50 });
    // Not all done: never 100.
    expect(
      deriveFromSteps([
        { status: "done", progress: 100 },
        { status: "in_progress", progress: 100 },
      ]),
    ).toEqual({ status: "in_progress", progress: 99 });
  });
});
