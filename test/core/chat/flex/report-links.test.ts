import { describe, expect, it } from "vitest";
import { checkMessage } from "../../../../core/chat/flex/limits.ts";
import { reportLinksMessage } from "../../../../core/chat/flex/report-links.ts";

const view = (kinds: ("analysis" | "progress")[]) => ({
  agencyName: "เทศบาลตำบลศรีสองรัก",
  validMinutes: 15,
  reports: kinds.map((kind, i) => ({
    kind,
    year: 2567 + i,
    pdfUrl: `https://prongsai.test/r/${kind}-pdf`,
    docxUrl: `https://prongsai.test/r/${kind}-docx`,
  })),
});

describe("reportLinksMessage", () => {
  it("puts one report in a single card with a PDF and a Word button", () => {
    const m = reportLinksMessage(view(["analysis"]));
    expect(m.contents.type).toBe("bubble");
    const json = JSON.stringify(m);
    expect(json).toContain('"uri":"https://prongsai.test/r/analysis-pdf"');
    expect(json).toContain('"uri":"https://prongsai.test/r/analysis-docx"');
    expect(m.altText).toBe("รายงานการวิเคราะห์ผลการประเมิน ITA 2567 — ลิงก์ดาวน์โหลดใช้ได้ 15 นาที");
  });

  it("puts two reports side by side in a carousel within LINE's limits", () => {
    const m = reportLinksMessage(view(["analysis", "progress"]));
    expect(m.contents.type).toBe("carousel");
    expect(checkMessage(m)).toEqual([]);
    expect(m.altText).toContain("รายงานผลการดำเนินการตามมาตรการ 2568");
  });
});
