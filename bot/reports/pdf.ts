// The document model laid out as a PDF with pdfkit. Thai has no spaces between words, so lines
// are broken here at word boundaries from Intl.Segmenter (pdfkit would only break at spaces, and
// Sarabun has no glyph for U+200B to hint it); pdfkit/fontkit then shape each line, which places
// tone marks over vowels with the font's mark positioning.
import PDFDocument from "pdfkit";
import type {
  Align,
  Block,
  Paragraph,
  ReportDocument,
  Run,
  Section,
  Signature,
  Table,
} from "../../core/reports/document.ts";
import type { Formatter } from "../../core/reports/format.ts";
import { chartPng } from "./chart-png.ts";
import type { ReportFonts } from "./fonts.ts";

const CM = 72 / 2.54;
const A4: [number, number] = [595.28, 841.89];
const SIZES = { title: 22, subtitle: 18, body: 16, small: 14 } as const;
const LINE = 1.25;
const PAD = 4;

type FontKey = "R" | "B";
interface Token {
  text: string;
  font: FontKey;
  width: number;
}

const WIDTHS = new Map<string, number>();
const words = new Intl.Segmenter("th", { granularity: "word" });
const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

// No line starts with a closing mark or ends with an opening one.
const OPENING = /^[([“‘"]+$/;
const CLOSING = /^[)\]”’",.:;!?%]+$/;

/** Word segments with brackets and punctuation glued to the word they belong to. */
export function unbreakable(text: string): string[] {
  const out: string[] = [];
  let pending = "";
  for (const { segment } of words.segment(text)) {
    if (OPENING.test(segment)) {
      pending += segment;
      continue;
    }
    const s = pending + segment;
    pending = "";
    if (CLOSING.test(s) && out.length > 0 && out[out.length - 1]!.trim() !== "") out[out.length - 1] += s;
    else out.push(s);
  }
  if (pending) out.push(pending);
  return out;
}

export async function renderPdf(
  doc: ReportDocument,
  fonts: ReportFonts,
  fmt: Formatter,
): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: "A4",
    info: { Title: doc.title, Creator: "Prongsai (โปร่งใส)" },
    lang: "th-TH",
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  pdf.registerFont("R", Buffer.from(fonts.regular.bytes));
  pdf.registerFont("B", Buffer.from(fonts.bold.bytes));
  const layout = new Layout(pdf, fonts, fmt);
  for (const section of doc.sections) layout.section(section);
  layout.pageNumbers();
  pdf.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

class Layout {
  private x0 = 0;
  private width = 0;
  private top = 0;
  private bottom = 0;
  private y = 0;
  private orientation: Section["orientation"] = "portrait";

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly fonts: ReportFonts,
    private readonly fmt: Formatter,
  ) {}

  section(section: Section): void {
    this.orientation = section.orientation;
    this.newPage();
    for (const block of section.blocks) this.block(block);
  }

  /** "- ๒ -" at the top of every page but the first of the file, as Thai official documents do. */
  pageNumbers(): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      const w = this.pdf.page.width;
      const text = `- ${this.fmt.t(i - range.start + 1)} -`;
      this.pdf.font("R").fontSize(SIZES.small);
      const tw = this.pdf.widthOfString(text);
      this.pdf.text(text, (w - tw) / 2, 0.9 * CM, { lineBreak: false });
    }
  }

  private newPage(): void {
    const landscape = this.orientation === "landscape";
    this.pdf.addPage({ size: "A4", layout: this.orientation, margin: 0 });
    const [w, h] = landscape ? [A4[1], A4[0]] : A4;
    // Thai official layout: 3 cm left, 2 cm right, 2.5 cm top, 2 cm bottom (landscape: 2 cm around).
    const left = landscape ? 2 * CM : 3 * CM;
    this.x0 = left;
    this.width = w - left - 2 * CM;
    this.top = landscape ? 2 * CM : 2.5 * CM;
    this.bottom = h - 2 * CM;
    this.y = this.top;
  }

  private block(block: Block): void {
    if (block.type === "paragraph") this.paragraph(block);
    else if (block.type === "table") this.table(block);
    else if (block.type === "chart") this.chart(block.chart);
    else if (block.type === "signature") this.signature(block);
    else this.newPage();
  }

  private measure(text: string, font: FontKey, size: number): number {
    // Widths depend only on the font file, so they are shared by every report of the process:
    // the same Thai words come back in every document.
    const key = `${this.fonts.regular.path}|${font}${size}|${text}`;
    let w = WIDTHS.get(key);
    if (w === undefined) {
      w = this.pdf.font(font).fontSize(size).widthOfString(text);
      if (WIDTHS.size > 200_000) WIDTHS.clear();
      WIDTHS.set(key, w);
    }
    return w;
  }

  /** Runs broken into lines of at most `width` points; "\n" forces a break. */
  private wrap(runs: Run[], size: number, width: number, firstIndent = 0): Token[][] {
    const lines: Token[][] = [[]];
    let used = firstIndent;
    const push = (t: Token) => {
      const line = lines[lines.length - 1]!;
      if (used + t.width > width && line.length > 0) {
        lines.push([]);
        used = 0;
        if (t.text.trim() === "") return;
      }
      lines[lines.length - 1]!.push(t);
      used += t.width;
    };
    for (const run of runs) {
      const font: FontKey = run.bold ? "B" : "R";
      run.text.split("\n").forEach((part, i) => {
        if (i > 0) {
          lines.push([]);
          used = 0;
        }
        for (const segment of unbreakable(part)) {
          const w = this.measure(segment, font, size);
          if (w <= width) {
            push({ text: segment, font, width: w });
            continue;
          }
          // A word wider than the column (a long URL): break it between characters.
          for (const g of graphemes.segment(segment)) {
            push({ text: g.segment, font, width: this.measure(g.segment, font, size) });
          }
        }
      });
    }
    return lines;
  }

  private drawLine(
    line: Token[],
    x: number,
    y: number,
    width: number,
    align: Align | undefined,
    size: number,
  ) {
    while (line.length > 0 && line[line.length - 1]!.text.trim() === "") line.pop();
    const total = line.reduce((s, t) => s + t.width, 0);
    let cx = align === "center" ? x + (width - total) / 2 : align === "right" ? x + width - total : x;
    // Consecutive tokens of one face are drawn as one string: fewer text objects, same shaping.
    let i = 0;
    while (i < line.length) {
      const font = line[i]!.font;
      let text = "";
      let w = 0;
      while (i < line.length && line[i]!.font === font) {
        text += line[i]!.text;
        w += line[i]!.width;
        i++;
      }
      this.pdf.font(font).fontSize(size).text(text, cx, y, { lineBreak: false });
      cx += w;
    }
  }

  private paragraph(block: Paragraph): void {
    const size = SIZES[block.size ?? "body"];
    const lh = size * LINE;
    this.y += (block.spaceBefore ?? 0) * lh;
    const indent = block.indent ? 2.5 * CM : 0;
    const runs = block.runs.filter((r) => r.text !== "");
    if (runs.length === 0) {
      this.y += lh;
      return;
    }
    const lines = this.wrap(runs, size, this.width, indent);
    lines.forEach((line, n) => {
      if (this.y + lh > this.bottom) this.newPage();
      const shift = n === 0 ? indent : 0;
      this.drawLine(line, this.x0 + shift, this.y, this.width - shift, block.align, size);
      this.y += lh;
    });
  }

  private table(table: Table): void {
    const size = table.small ? SIZES.small : SIZES.body;
    const lh = size * LINE;
    const widths = table.columns.map((c) => (this.width * c.width) / 100);
    const xs = widths.map((_, i) => this.x0 + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellLines = (text: string, i: number, bold: boolean) =>
      this.wrap([{ text, bold }], size, widths[i]! - 2 * PAD);
    const header = table.columns.map((c, i) => cellLines(c.header, i, true));
    const drawRow = (lines: Token[][][], from: number, count: number, fill?: string) => {
      const h = count * lh + 2 * PAD;
      lines.forEach((cell, i) => {
        if (fill) this.pdf.rect(xs[i]!, this.y, widths[i]!, h).fillColor(fill).fill();
        this.pdf.rect(xs[i]!, this.y, widths[i]!, h).lineWidth(0.5).strokeColor("#000000").stroke();
        this.pdf.fillColor("#000000");
        cell.slice(from, from + count).forEach((line, k) => {
          const align = fill ? "center" : table.columns[i]!.align;
          this.drawLine(line, xs[i]! + PAD, this.y + PAD + k * lh, widths[i]! - 2 * PAD, align, size);
        });
      });
      this.y += h;
    };
    const headerRows = Math.max(...header.map((c) => c.length));
    const drawHeader = () => drawRow(header, 0, headerRows, "#E8E8E8");
    if (this.y + (headerRows + 1) * lh + 4 * PAD > this.bottom) this.newPage();
    drawHeader();
    table.rows.forEach((row, r) => {
      const bold = table.boldRows?.includes(r) ?? false;
      const lines = row.map((text, i) => cellLines(text, i, bold));
      const height = Math.max(1, ...lines.map((c) => c.length));
      let done = 0;
      // A row taller than what is left of the page continues on the next one, under the header.
      while (done < height) {
        const room = Math.floor((this.bottom - this.y - 2 * PAD) / lh);
        if (room < 1 || (done === 0 && room < Math.min(height, 3))) {
          this.newPage();
          drawHeader();
          continue;
        }
        const count = Math.min(room, height - done);
        drawRow(lines, done, count);
        done += count;
      }
    });
    this.y += lh / 2;
  }

  private chart(chart: Parameters<typeof chartPng>[0]): void {
    const image = chartPng(chart, this.fmt, this.fonts);
    const w = Math.min(this.width, 16 * CM);
    const h = (w * image.height) / image.width;
    if (this.y + h > this.bottom) this.newPage();
    this.pdf.image(Buffer.from(image.png), this.x0 + (this.width - w) / 2, this.y, { width: w, height: h });
    this.y += h + SIZES.body * LINE * 0.5;
  }

  private signature(block: Signature): void {
    const size = SIZES.body;
    const lh = size * LINE;
    const lines = (block.label ? 1 : 0) + 2 + 1 + block.position.length;
    if (this.y + lines * lh > this.bottom) this.newPage();
    if (block.label) this.paragraph({ type: "paragraph", runs: [{ text: block.label }], spaceBefore: 0.5 });
    this.y += 2 * lh;
    const x = this.x0 + this.width * 0.45;
    const w = this.width * 0.55;
    for (const text of [`(${block.name})`, ...block.position]) {
      for (const line of this.wrap([{ text }], size, w)) {
        this.drawLine(line, x, this.y, w, "center", size);
        this.y += lh;
      }
    }
  }
}
