// The document model as a Word file with the docx package: officials edit it before signing.
// The font is set for Thai explicitly (w:cs, szCs): Word lays Thai out with the complex-script
// font and size, and ignores the Latin ones for it. The font files are embedded so the document
// looks the same on a computer without Sarabun.
import {
  AlignmentType,
  BorderStyle,
  CharacterSet,
  Document,
  ImageRun,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type {
  Align,
  Block,
  Paragraph as ParagraphBlock,
  ReportDocument,
  Signature,
  Table as TableBlock,
} from "../../core/reports/document.ts";
import type { Formatter } from "../../core/reports/format.ts";
import { chartPng } from "./chart-png.ts";
import type { ReportFonts } from "./fonts.ts";

/** Half-points. */
const SIZES = { title: 44, subtitle: 36, body: 32, small: 28 } as const;
const TWIPS_PER_CM = 567;
const A4 = { width: 11906, height: 16838 };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.THAI_DISTRIBUTE,
} as const;

export async function renderDocx(
  doc: ReportDocument,
  fonts: ReportFonts,
  fmt: Formatter,
): Promise<Uint8Array> {
  const font = { ascii: fonts.family, hAnsi: fonts.family, cs: fonts.family, eastAsia: fonts.family };
  const sections = doc.sections.map((section) => {
    const landscape = section.orientation === "landscape";
    const left = (landscape ? 2 : 3) * TWIPS_PER_CM;
    const right = 2 * TWIPS_PER_CM;
    const textWidth = (landscape ? A4.height : A4.width) - left - right;
    return {
      properties: {
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: (landscape ? 2 : 2.5) * TWIPS_PER_CM, bottom: 2 * TWIPS_PER_CM, left, right },
        },
      },
      children: section.blocks.flatMap((b) => block(b, textWidth, fonts, fmt)),
    };
  });
  const document = new Document({
    title: doc.title,
    creator: "Prongsai (โปร่งใส)",
    styles: {
      default: {
        document: {
          run: { font, size: SIZES.body, sizeComplexScript: SIZES.body, language: { value: "th-TH" } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    fonts: [
      {
        name: fonts.family,
        data: Buffer.from(fonts.regular.bytes),
        ...(fonts.bold !== fonts.regular ? { bold: Buffer.from(fonts.bold.bytes) } : {}),
        characterSet: CharacterSet.THAI,
      },
    ],
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function run(text: string, bold: boolean, size: number): TextRun {
  return new TextRun({ text, bold, boldComplexScript: bold, size, sizeComplexScript: size });
}

/** One paragraph per "\n"-separated line: Word keeps them as separate lines when edited. */
function lines(text: string, bold: boolean, size: number, align?: Align): Paragraph[] {
  return text
    .split("\n")
    .map(
      (line) =>
        new Paragraph({ children: [run(line, bold, size)], ...(align ? { alignment: ALIGN[align] } : {}) }),
    );
}

function block(b: Block, textWidth: number, fonts: ReportFonts, fmt: Formatter): (Paragraph | Table)[] {
  switch (b.type) {
    case "paragraph":
      return [paragraph(b)];
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "table":
      return [table(b, textWidth), new Paragraph({ children: [] })];
    case "signature":
      return signature(b, textWidth);
    case "chart": {
      const image = chartPng(b.chart, fmt, fonts);
      // docx sizes images in pixels at 96 per inch; 16 cm wide at most.
      const maxPx = Math.min((textWidth / 1440) * 96, (16 / 2.54) * 96);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: "png",
              data: Buffer.from(image.png),
              transformation: { width: maxPx, height: (maxPx * image.height) / image.width },
              altText: { name: "chart", title: b.chart.title, description: b.chart.title },
            }),
          ],
        }),
      ];
    }
  }
}

function paragraph(b: ParagraphBlock): Paragraph {
  const size = SIZES[b.size ?? "body"];
  return new Paragraph({
    children: b.runs.flatMap((r) =>
      r.text
        .split("\n")
        .map((line, i) => (i === 0 ? run(line, !!r.bold, size) : new TextRun({ text: line, break: 1 }))),
    ),
    ...(b.align ? { alignment: ALIGN[b.align] } : {}),
    ...(b.indent ? { indent: { firstLine: Math.round(2.5 * TWIPS_PER_CM) } } : {}),
    ...(b.spaceBefore ? { spacing: { before: Math.round(b.spaceBefore * size * 10 * 1.2) } } : {}),
  });
}

function table(b: TableBlock, textWidth: number): Table {
  const size = b.small ? SIZES.small : SIZES.body;
  const widths = b.columns.map((c) => Math.round((textWidth * c.width) / 100));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const header = new TableRow({
    tableHeader: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          borders,
          margins,
          shading: { type: ShadingType.CLEAR, color: "auto", fill: "E8E8E8" },
          children: lines(c.header, true, size, "center"),
        }),
    ),
  });
  const rows = b.rows.map(
    (row, r) =>
      new TableRow({
        children: row.map(
          (text, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              borders,
              margins,
              children: lines(text, b.boldRows?.includes(r) ?? false, size, b.columns[i]!.align),
            }),
        ),
      }),
  );
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
  });
}

function signature(b: Signature, textWidth: number): Paragraph[] {
  const out: Paragraph[] = [];
  if (b.label)
    out.push(new Paragraph({ spacing: { before: 240 }, children: [run(b.label, false, SIZES.body)] }));
  out.push(new Paragraph({ children: [] }), new Paragraph({ children: [] }));
  const indent = { left: Math.round(textWidth * 0.45) };
  for (const text of [`(${b.name})`, ...b.position]) {
    out.push(
      new Paragraph({ alignment: AlignmentType.CENTER, indent, children: [run(text, false, SIZES.body)] }),
    );
  }
  return out;
}
