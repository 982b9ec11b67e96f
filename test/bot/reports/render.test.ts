import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../../bot/reports/render.ts";
import { formatScore } from "../../../core/ita/score.ts";
import type { DbHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../db/demo/load.ts";
import { loadDemoMeasures } from "../../../db/demo/measures.ts";
import { LIVE_AS_OF } from "../../../db/demo/seed-measures.ts";
import { NotFoundError, ValidationError } from "../../../db/errors.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { loadAssessment } from "../../../db/repositories/assessments.ts";
import { listMeasures } from "../../../db/repositories/measures.ts";
import { setRecommendation } from "../../../db/repositories/recommendations.ts";
import { type AgencyScope, systemScope } from "../../../db/scope.ts";
import { openTestDb } from "../../db/harness.ts";
import { docxText, pdfPages, thai } from "../../fixtures/documents.ts";
import { DEMO_NOW, SHIPPED } from "../../fixtures/frameworks.ts";

describe("renderReport on the demo agencies", () => {
  let h: DbHandle;
  const scopes: Record<string, AgencyScope> = {};
  const NOW = new Date("2023-03-31T03:00:00Z");
  beforeAll(async () => {
    h = await openTestDb("pglite");
    await loadDemoData(h.db, { now: DEMO_NOW });
    // Seed 000's plan as it stood on 1 June 2025 too: the measures of 2568 its 2567 analysis lists.
    await loadDemoMeasures(h.db, new Date(`${LIVE_AS_OF}T03:00:00Z`));
    for (const code of ["SEED000", "SEED001", "SEED004", "DEMO00001"]) {
      scopes[code] = systemScope((await findAgencyByCode(h.db, code))!.id);
    }
    // Loads the fonts, resvg and the code once, as a running server would have.
    await renderReport(h.db, scopes.SEED000!, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: 2567,
      format: "pdf",
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it("writes seed 000's analysis as a DOCX with its figures, level, rank, Thai date style and next year's measures", async () => {
    const scope = scopes.SEED000!;
    const report = await renderReport(h.db, scope, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: 2567,
      format: "docx",
      now: NOW,
    });
    expect(report.filename).toBe("ita-analysis-SEED000-2567.docx");
    expect(report.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const text = docxText(report.bytes);
    expect(text).toContain("ปีงบประมาณ พ.ศ. ๒๕๖๗");
    expect(text).toContain("อำเภอด่านซ้าย จังหวัดเลย");
    expect(text).toContain("ร้อยละ ๙๗.๑๕ คะแนน ระดับผลการประเมิน ผ่านดี");
    expect(text).toContain("ลำดับที่ ๕๔๓");
    const stored = await loadAssessment(h.db, scope, 2567);
    for (const node of stored!.assessment.nodes.filter((n) => n.kind === "indicator" || n.kind === "tool")) {
      expect(text).toContain(thai(formatScore(node.value)));
    }
    const measures = await listMeasures(h.db, scope, { fiscalYear: 2568 });
    expect(measures.length).toBeGreaterThan(0);
    for (const m of measures) expect(text).toContain(m.title);
    expect(text).toContain("๑ ตุลาคม ๒๕๖๗");

    const files = unzipSync(report.bytes);
    expect(Object.keys(files).some((f) => f.startsWith("word/media/") && f.endsWith(".png"))).toBe(true);
    expect(Object.keys(files).some((f) => f.startsWith("word/fonts/"))).toBe(true);
    const xml = new TextDecoder().decode(files["word/document.xml"]);
    expect(xml).toContain('w:orient="landscape"');
    const styles = new TextDecoder().decode(files["word/styles.xml"]);
    expect(styles).toContain('w:cs="Sarabun"');
    expect(styles).toMatch(/<w:szCs w:val="32"\/>/);
  });

  it("writes a progress report with the memo date in Thai and every measure's result", async () => {
    for (const code of ["SEED004", "SEED001"]) {
      const scope = scopes[code]!;
      const report = await renderReport(h.db, scope, {
        frameworks: SHIPPED,
        kind: "progress",
        year: 2566,
        format: "docx",
        now: NOW,
      });
      const text = docxText(report.bytes);
      expect(text).toContain("บันทึกข้อความ");
      expect(text).toContain("วันที่ ๓๑ มีนาคม ๒๕๖๖");
      expect(text).toContain("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖");
      const measures = await listMeasures(h.db, scope, { fiscalYear: 2566 });
      expect(measures.length).toBeGreaterThan(0);
      for (const m of measures) {
        expect(text).toContain(m.title.split("\n")[0]!);
        if (m.resultSummary) expect(text).toContain(thai(m.resultSummary.split("\n")[0]!));
      }
    }
  });

  it("compares the demo agency's last two years in its progress report", async () => {
    const report = await renderReport(h.db, scopes.DEMO00001!, {
      frameworks: SHIPPED,
      kind: "progress",
      year: 2568,
      format: "docx",
    });
    const text = docxText(report.bytes);
    expect(text).toContain("ปี ๒๕๖๗");
    expect(text).toContain("ปี ๒๕๖๘");
    expect(text).toMatch(/คะแนนรวม\n[๐-๙.]+\n[๐-๙.]+\n[+-]?[๐-๙.]+/);
  });

  it("writes PDFs of both reports for every demo agency", async () => {
    const cases = [
      ["SEED000", "analysis", 2567],
      ["SEED000", "progress", 2568],
      ["SEED001", "analysis", 2565],
      ["SEED001", "progress", 2566],
      ["SEED004", "progress", 2566],
      ["DEMO00001", "analysis", 2568],
      ["DEMO00001", "progress", 2568],
    ] as const;
    for (const [code, kind, year] of cases) {
      const report = await renderReport(h.db, scopes[code]!, {
        frameworks: SHIPPED,
        kind,
        year,
        format: "pdf",
      });
      expect(report.contentType).toBe("application/pdf");
      expect(Buffer.from(report.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
      expect(pdfPages(report.bytes)).toBeGreaterThanOrEqual(kind === "analysis" ? 6 : 3);
    }
  });

  it("uses Arabic digits when asked", async () => {
    const report = await renderReport(h.db, scopes.SEED000!, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: "2567",
      format: "docx",
      digits: "arabic",
    });
    const text = docxText(report.bytes);
    expect(text).toContain("ร้อยละ 97.15 คะแนน");
    expect(text).not.toMatch(/[๐-๙]/);
  });

  it("puts the agency's own recommendation in its analysis", async () => {
    const scope = scopes.SEED000!;
    await setRecommendation(
      h.db,
      scope,
      { label: "test" },
      "asset-supervision",
      "ตรวจนับครุภัณฑ์ทุกไตรมาสโดยคณะกรรมการ",
      SHIPPED,
    );
    const report = await renderReport(h.db, scope, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: 2567,
      format: "docx",
    });
    expect(docxText(report.bytes)).toContain("ตรวจนับครุภัณฑ์ทุกไตรมาสโดยคณะกรรมการ");
  });

  it("refuses a bad request in Thai and reports missing results as not found", async () => {
    await expect(
      renderReport(h.db, scopes.SEED000!, {
        frameworks: SHIPPED,
        kind: "analysis",
        year: 2567,
        format: "odt" as "pdf",
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      renderReport(h.db, scopes.SEED000!, {
        frameworks: SHIPPED,
        kind: "analysis",
        year: 2567,
        format: "odt" as "pdf",
      }),
    ).rejects.toThrow("รูปแบบไฟล์ต้องเป็น docx หรือ pdf");
    await expect(
      renderReport(h.db, scopes.SEED004!, {
        frameworks: SHIPPED,
        kind: "analysis",
        year: 2567,
        format: "pdf",
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
