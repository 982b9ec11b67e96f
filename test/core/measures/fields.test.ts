import { describe, expect, it } from "vitest";
import {
  isFollowUp,
  isIndicator,
  isProgress,
  isStatus,
  isTitle,
  TITLE_MAX,
} from "../../../core/measures/fields.ts";

describe("measure fields", () => {
  it("takes a title of 1–500 characters that is not only spaces", () => {
    expect(isTitle("จัดทำคู่มือ")).toBe(true);
    expect(isTitle("ก".repeat(TITLE_MAX))).toBe(true);
    expect(isTitle("ก".repeat(TITLE_MAX + 1))).toBe(false);
    expect(isTitle("")).toBe(false);
    expect(isTitle("   ")).toBe(false);
  });

  it("takes indicators 1–99 and a whole progress 0–100", () => {
    expect([0, 1, 99, 100, 2.5].map(isIndicator)).toEqual([false, true, true, false, false]);
    expect([-1, 0, 100, 101, 50.5].map(isProgress)).toEqual([false, true, true, false, false]);
  });

  it("knows the statuses and follow-ups", () => {
    expect(isStatus("in_progress")).toBe(true);
    expect(isStatus("started")).toBe(false);
    expect(isFollowUp("six_monthly")).toBe(true);
    expect(isFollowUp("weekly")).toBe(false);
  });
});
