import { describe, expect, it } from "vitest";
import { buildAnalysisReport } from "../../../core/reports/analysis.ts";
import type { AnalysisData } from "../../../core/reports/data.ts";
import { documentText, type Table } from "../../../core/reports/document.ts";
import { measure, seed000 } from "./fixtures.ts";

const text = (data: AnalysisData, options = {}) =>
  documentText(buildAnalysisReport(data, { date: "2024-08-30", ...options })).join("\n");

describe("buildAnalysisReport", () => {
  it("puts the agency, district, province and fiscal year in Thai digits on the cover", () => {
    const doc = buildAnalysisReport(seed000(), { date: "2024-08-30" });
    const cover = documentText(doc).slice(0, 10).join("\n");
    expect(cover).toContain("ปีงบประมาณ พ.ศ. ๒๕๖๗");
    expect(cover).toContain("เทศบาลตำบลศรีสองรัก");
    expect(cover).toContain("อำเภอด่านซ้าย จังหวัดเลย");
    expect(doc.sections[0]!.orientation).toBe("portrait");
  });

  it("states the total, the level, the rank and every tool as reported", () => {
    const t = text(seed000());
    expect(t).toContain("ร้อยละ ๙๗.๑๕ คะแนน ระดับผลการประเมิน ผ่านดี");
    expect(t).toContain("ลำดับที่ ๕๔๓ ของหน่วยงานประเภท เทศบาลตำบล");
    expect(t).toContain("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) | ๓๐ | ๙๒.๙๐");
    expect(t).toContain("๙๕.๑๗");
    expect(t).toContain("คะแนนรวม | ๑๐๐ | ๙๗.๑๕");
  });

  it("lists all ten indicators with a bar chart marking the threshold", () => {
    const doc = buildAnalysisReport(seed000(), { date: "2024-08-30" });
    const chart = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === "chart");
    expect(chart?.type === "chart" && chart.chart.categories).toHaveLength(10);
    expect(chart?.type === "chart" && chart.chart.threshold).toBe(85);
    expect(text(seed000())).toContain("๔. การใช้ทรัพย์สินของราชการ | IIT | ๖๖.๖๗ | จุดอ่อน");
  });

  it("splits strengths and weaknesses at the chosen threshold and says which", () => {
    expect(text(seed000())).toContain("จุดแข็งและจุดอ่อน (เกณฑ์ร้อยละ ๘๕)");
    expect(text(seed000())).toContain("จุดอ่อนหรือข้อบกพร่องที่ต้องพัฒนา จำนวน ๑ ตัวชี้วัด");
    const strict = text(seed000(), { threshold: 95 });
    expect(strict).toContain("(เกณฑ์ร้อยละ ๙๕)");
    expect(strict).toContain("จุดอ่อนหรือข้อบกพร่องที่ต้องพัฒนา จำนวน ๒ ตัวชี้วัด");
  });

  it("gives each low item its concept's finding and action, the agency's own wording first", () => {
    const plain = text(seed000());
    expect(plain).toContain("i๑๒ | ๔. การใช้ทรัพย์สินของราชการ | ๐.๐๐ | เจ้าหน้าที่ขาดการกำกับดูแล");
    expect(plain).toContain("e๙ |");
    expect(plain).not.toContain("i๕ |");
    const own = { ...seed000(), overrides: { "asset-supervision": "ตรวจนับครุภัณฑ์ทุกไตรมาส" } };
    expect(text(own)).toContain("ตรวจนับครุภัณฑ์ทุกไตรมาส");
  });

  it("tabulates the next year's measures with method, unit, steps and period", () => {
    const doc = buildAnalysisReport({ ...seed000(), measures: [measure()] }, { date: "2024-08-30" });
    expect(doc.sections[1]!.orientation).toBe("landscape");
    const table = doc.sections[1]!.blocks.find((b): b is Table => b.type === "table")!;
    expect(table.columns.map((c) => c.header)).toEqual([
      "มาตรการ",
      "วิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ",
      "ผู้รับผิดชอบ",
      "ขั้นตอน/วิธีปฏิบัติ",
      "ระยะเวลาดำเนินงาน",
    ]);
    expect(table.rows[0]).toEqual([
      "๑. กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
      "จัดทำคู่มือการใช้ทรัพย์สินของราชการ",
      "งานพัสดุ/กองคลัง",
      "๑. แต่งตั้งเจ้าหน้าที่รับผิดชอบ",
      "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘",
    ]);
  });

  it("drafts measures from the weaknesses when none are recorded, and says so", () => {
    const t = text(seed000());
    expect(t).toContain("ยังไม่ได้บันทึกมาตรการของปีงบประมาณ พ.ศ. ๒๕๖๘");
    expect(t).toContain("๑. ยกระดับตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ");
    expect(t).toContain("๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘");
  });

  it("switches every digit to Arabic on request, headings and chart included", () => {
    const doc = buildAnalysisReport(seed000(), { date: "2024-08-30", digits: "arabic" });
    const all = documentText(doc).join("\n");
    expect(all).toContain("ร้อยละ 97.15 คะแนน");
    expect(all).toContain("ปีงบประมาณ พ.ศ. 2567");
    expect(all).not.toMatch(/[๐-๙]/);
  });
});
