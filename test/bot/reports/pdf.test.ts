import { describe, expect, it } from "vitest";
import { bundledFonts } from "../../../bot/reports/fonts.ts";
import { renderPdf, unbreakable } from "../../../bot/reports/pdf.ts";
import type { ReportDocument } from "../../../core/reports/document.ts";
import { formatter } from "../../../core/reports/format.ts";

const pages = (bytes: Uint8Array) =>
  (
    Buffer.from(bytes)
      .toString("latin1")
      .match(/\/Type \/Page\b/g) ?? []
  ).length;

describe("unbreakable", () => {
  it("splits Thai into words and keeps brackets and punctuation with their word", () => {
    expect(unbreakable("ผลการประเมินคุณธรรม")).toEqual(["ผล", "การ", "ประเมิน", "คุณธรรม"]);
    expect(unbreakable("น้ำหนัก (ร้อยละ)")).toEqual(["น้ำ", "หนัก", " ", "(ร้อย", "ละ)"]);
    expect(unbreakable("O10, O20.")).toEqual(["O10,", " ", "O20."]);
  });
});

describe("renderPdf", () => {
  it("continues a table row taller than a page on the next pages, and numbers the pages", async () => {
    const long = Array.from({ length: 120 }, (_, i) => `${i + 1}) ดำเนินการตามขั้นตอนและรายงานผล`).join("\n");
    const doc: ReportDocument = {
      kind: "progress",
      title: "ทดสอบ",
      agencyCode: "T",
      year: 2568,
      sections: [
        {
          orientation: "landscape",
          blocks: [
            {
              type: "table",
              columns: [
                { header: "มาตรการ", width: 30 },
                { header: "ผลการดำเนินการ", width: 70 },
              ],
              rows: [["มาตรการที่ ๑", long]],
            },
          ],
        },
      ],
    };
    const bytes = await renderPdf(doc, await bundledFonts(), formatter("thai"));
    expect(pages(bytes)).toBeGreaterThanOrEqual(4);
    // Page numbers are drawn with the embedded font: its glyph data is present once, subset.
    expect(Buffer.from(bytes).toString("latin1")).toContain("Sarabun");
  });
});
