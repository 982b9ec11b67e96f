import { describe, expect, it } from "vitest";
import { reportRequestSchema } from "../../../core/schemas/report-request.ts";

describe("reportRequestSchema", () => {
  it("takes a year typed in Thai or Arabic digits", () => {
    expect(reportRequestSchema.parse({ kind: "progress", year: " ๒๕๖๘ ", format: "pdf" })).toEqual({
      kind: "progress",
      year: 2568,
      format: "pdf",
    });
    expect(reportRequestSchema.parse({ kind: "analysis", year: 2567, format: "docx" }).year).toBe(2567);
  });

  it("says in Thai what is wrong with a year that is not a Buddhist-era year", () => {
    for (const year of ["2024", "abc", 25670]) {
      const r = reportRequestSchema.safeParse({ kind: "analysis", year, format: "pdf" });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/^ปีต้อง/);
    }
  });
});
