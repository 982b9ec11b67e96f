import { describe, expect, it } from "vitest";
import { periodRange } from "../../../core/thai/period.ts";

describe("periodRange", () => {
  it("reads the seeds' periods as dates", () => {
    expect(periodRange("มีนาคม ๒๕๖๖", 2566)).toEqual({ start: "2023-03-01", end: "2023-03-31" });
    expect(periodRange("ตลอดปี ๒๕๖๖", 2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
    expect(periodRange("กุมภาพันธ์ ถึง มีนาคม ๒๕๖๖", 2566)).toEqual({ start: "2023-02-01", end: "2023-03-31" });
    expect(periodRange("มกราคม – กุมภาพันธ์ ๒๕๖๖", 2566)).toEqual({ start: "2023-01-01", end: "2023-02-28" });
    expect(periodRange("ปีงบประมาณ พ.ศ. ๒๕๖๖", 2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
    expect(periodRange("ทุกไตรมาส", 2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
    expect(periodRange("๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘", 2568)).toEqual({
      start: "2024-10-01",
      end: "2025-09-30",
    });
    // A month without a year falls in the fiscal year.
    expect(periodRange("ธันวาคม", 2568)).toEqual({ start: "2024-12-01", end: "2024-12-31" });
    expect(periodRange("เมื่อพร้อม", 2568)).toBeUndefined();
  });
});
