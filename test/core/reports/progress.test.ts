import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../../core/ita/scoring.ts";
import type { ProgressData } from "../../../core/reports/data.ts";
import { documentText, type Table } from "../../../core/reports/document.ts";
import { buildProgressReport, chiefOf } from "../../../core/reports/progress.ts";
import { fw } from "../../fixtures/frameworks.ts";
import { s, scores } from "../../fixtures/seeds.ts";
import { measure } from "./fixtures.ts";

const KUDJIK = {
  code: "SEED004",
  nameTh: "เทศบาลตำบลกุดจิก",
  type: "เทศบาลตำบล",
  province: "นครราชสีมา",
  district: "สูงเนิน",
};

const year = (y: number, total: string, ind4: string) => ({
  framework: fw(y),
  assessment: scoreAssessment(fw(y), {
    indicators: scores({
      1: "90",
      2: "90",
      3: "90",
      4: ind4,
      5: "90",
      6: "90",
      7: "90",
      8: "90",
      9: "100",
      10: "100",
    }),
    total: s(total),
  }),
});

const data = (over: Partial<ProgressData> = {}): ProgressData => ({
  agency: KUDJIK,
  year: 2566,
  measures: [
    measure({
      fiscalYear: 2566,
      title: "การแต่งตั้งคณะทำงาน",
      status: "done",
      progress: 100,
      resultSummary: "คำสั่งที่ ๓๒/๒๕๖๕",
      outcome: "คะแนนเพิ่มขึ้น",
      suggestions: "ควรประชุมทุกเดือน",
    }),
    measure({
      id: 2,
      fiscalYear: 2566,
      title: "นโยบายไม่รับของขวัญ",
      status: "in_progress",
      progress: 40,
      steps: [],
    }),
  ],
  comparison: [year(2565, "86.19", "77.20"), year(2566, "90.00", "88.00")],
  ...over,
});

const build = (d: ProgressData, options = {}) => buildProgressReport(d, { date: "2023-03-31", ...options });

describe("buildProgressReport", () => {
  it("opens with a memo: ส่วนราชการ, ที่, วันที่ in Thai, เรื่อง and เรียน the chief executive", () => {
    const lines = documentText(build(data(), { memo: { reference: "นม 52601/589" } }));
    expect(lines[0]).toBe("บันทึกข้อความ");
    expect(lines).toContain("ส่วนราชการ สำนักปลัด เทศบาลตำบลกุดจิก อำเภอสูงเนิน จังหวัดนครราชสีมา");
    expect(lines).toContain("ที่ นม ๕๒๖๐๑/๕๘๙");
    expect(lines).toContain("วันที่ ๓๑ มีนาคม ๒๕๖๖");
    expect(lines).toContain(
      "เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
    );
    expect(lines).toContain("เรียน นายกเทศมนตรีตำบลกุดจิก");
    expect(lines).toContain("๑. การแต่งตั้งคณะทำงาน");
    expect(lines).toContain("จึงเรียนมาเพื่อโปรดทราบ");
  });

  it("ends the memo with signature blocks for the preparer, the ปลัด and the chief", () => {
    const sigs = build(data()).sections[0]!.blocks.filter((b) => b.type === "signature");
    expect(sigs).toHaveLength(3);
    expect(sigs.map((b) => b.type === "signature" && b.position.at(-1))).toEqual([
      "ตำแหน่ง ....................................",
      "ปลัดเทศบาล",
      "นายกเทศมนตรีตำบลกุดจิก",
    ]);
  });

  it("tabulates every measure with method, unit, period, result from its status and steps, outcome and suggestions", () => {
    const doc = build(data());
    expect(doc.sections[1]!.orientation).toBe("landscape");
    const table = doc.sections[1]!.blocks.find((b): b is Table => b.type === "table")!;
    expect(table.columns.map((c) => c.header)).toEqual([
      "มาตรการ",
      "วิธีการดำเนินการ",
      "ผู้รับผิดชอบ",
      "ระยะเวลา",
      "ผลการดำเนินการ",
      "ผลลัพธ์",
      "ข้อเสนอแนะ",
    ]);
    const [first, second] = table.rows;
    expect(first![0]).toBe("๑. การแต่งตั้งคณะทำงาน");
    expect(first![4]).toContain("คำสั่งที่ ๓๒/๒๕๖๕");
    expect(first![4]).toContain("สถานะ: เสร็จแล้ว (ร้อยละ ๑๐๐)");
    expect(first![4]).toContain("๑) แต่งตั้งเจ้าหน้าที่รับผิดชอบ: เสร็จแล้ว เมื่อ ๒๐ ธันวาคม ๒๕๖๗");
    expect(first!.slice(5)).toEqual(["คะแนนเพิ่มขึ้น", "ควรประชุมทุกเดือน"]);
    expect(second![4]).toContain("สถานะ: กำลังดำเนินการ (ร้อยละ ๔๐)");
  });

  it("compares the indicator scores of the two latest years with signed deltas", () => {
    const lines = documentText(build(data()));
    expect(lines).toContain("ตัวชี้วัด | ปี ๒๕๖๕ | ปี ๒๕๖๖ | เปลี่ยนแปลง");
    expect(lines).toContain("๔. การใช้ทรัพย์สินของราชการ | ๗๗.๒๐ | ๘๘.๐๐ | +๑๐.๘๐");
    expect(lines).toContain("คะแนนรวม | ๘๖.๑๙ | ๙๐.๐๐ | +๓.๘๑");
    expect(lines.join("\n")).toContain("ตัวชี้วัดที่คะแนนเพิ่มขึ้น ๑ ตัวชี้วัด ลดลง ๐ ตัวชี้วัด");
  });

  it("says when there is no second year to compare", () => {
    const one = documentText(build(data({ comparison: [year(2565, "86.19", "77.20")] }))).join("\n");
    expect(one).toContain("มีผลการประเมินในระบบเพียงปี ๒๕๖๕ จึงยังเปรียบเทียบรายปีไม่ได้");
    const none = documentText(build(data({ comparison: [], measures: [] }))).join("\n");
    expect(none).toContain("ยังไม่มีผลการประเมินในระบบ");
    expect(none).toContain("ยังไม่มีมาตรการ");
  });

  it("addresses a อบต. memo to its นายก", () => {
    expect(chiefOf({ ...KUDJIK, nameTh: "องค์การบริหารส่วนตำบลบ้านแลง" })).toBe("นายกองค์การบริหารส่วนตำบลบ้านแลง");
  });
});
