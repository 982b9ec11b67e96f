// The content of an official document, independent of its file format: the builders in this
// folder produce it from data, and the DOCX and PDF renderers (bot/reports/) only lay it out.
import type { BarChart } from "./chart.ts";

export type ReportKind = "analysis" | "progress";
export type Digits = "thai" | "arabic";

export interface Run {
  text: string;
  bold?: boolean;
}

export type Align = "left" | "center" | "right" | "justify";

export interface Paragraph {
  type: "paragraph";
  runs: Run[];
  align?: Align;
  /** First-line indent, as Thai official letters indent body paragraphs. */
  indent?: boolean;
  /** Larger type for titles. */
  size?: "title" | "subtitle" | "body" | "small";
  /** Space before, in lines (0.5 = half a line). */
  spaceBefore?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the text width, in percent; the columns of a table add up to 100. */
  width: number;
  align?: Align;
}

export interface Table {
  type: "table";
  columns: TableColumn[];
  /** Cells are plain text; "\n" starts a new line inside a cell. */
  rows: string[][];
  /** Rows (by index) shown in bold, e.g. the total. */
  boldRows?: number[];
  /** Table type is a size smaller than body text, as in the seeds' wide tables. */
  small?: boolean;
}

export interface Chart {
  type: "chart";
  chart: BarChart;
  caption?: string;
}

export interface PageBreak {
  type: "pageBreak";
}

/** A signature block: blank line to sign on, the name in brackets, then the position lines. */
export interface Signature {
  type: "signature";
  /** Printed above the signature line, e.g. "ความเห็นของปลัดเทศบาล ......". */
  label?: string;
  name: string;
  position: string[];
}

export type Block = Paragraph | Table | Chart | PageBreak | Signature;

export interface Section {
  orientation: "portrait" | "landscape";
  blocks: Block[];
}

export interface ReportDocument {
  kind: ReportKind;
  /** Document title for file metadata. */
  title: string;
  /** Agency code and fiscal year, for the file name. */
  agencyCode: string;
  year: number;
  sections: Section[];
}

export const p = (text: string, extra: Omit<Paragraph, "type" | "runs"> = {}): Paragraph => ({
  type: "paragraph",
  runs: [{ text }],
  ...extra,
});

export const bold = (text: string, extra: Omit<Paragraph, "type" | "runs"> = {}): Paragraph => ({
  type: "paragraph",
  runs: [{ text, bold: true }],
  ...extra,
});

/** "label value" with the label bold, as the memo's ส่วนราชการ / ที่ / วันที่ / เรื่อง lines. */
export const labelled = (
  label: string,
  value: string,
  extra: Omit<Paragraph, "type" | "runs"> = {},
): Paragraph => ({
  type: "paragraph",
  runs: [{ text: `${label} `, bold: true }, { text: value }],
  ...extra,
});

export const pageBreak: PageBreak = { type: "pageBreak" };

/** Every piece of text in the document, in order: what a reader of the file should find. */
export function documentText(doc: ReportDocument): string[] {
  const out: string[] = [];
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.type === "paragraph") out.push(block.runs.map((r) => r.text).join(""));
      else if (block.type === "table") {
        out.push(block.columns.map((c) => c.header).join(" | "));
        for (const row of block.rows) out.push(row.join(" | "));
      } else if (block.type === "signature")
        out.push(block.label ?? "", `(${block.name})`, ...block.position);
      else if (block.type === "chart") out.push(block.chart.title);
    }
  }
  return out;
}

/** The document with `f` applied to every piece of text (the digits switch applies to all of it). */
export function mapText(doc: ReportDocument, f: (text: string) => string): ReportDocument {
  const block = (b: Block): Block => {
    switch (b.type) {
      case "paragraph":
        return { ...b, runs: b.runs.map((r) => ({ ...r, text: f(r.text) })) };
      case "table":
        return {
          ...b,
          columns: b.columns.map((c) => ({ ...c, header: f(c.header) })),
          rows: b.rows.map((row) => row.map(f)),
        };
      case "signature":
        return {
          ...b,
          ...(b.label !== undefined ? { label: f(b.label) } : {}),
          name: f(b.name),
          position: b.position.map(f),
        };
      case "chart":
        return {
          ...b,
          chart: {
            ...b.chart,
            title: f(b.chart.title),
            categories: b.chart.categories.map(f),
            series: b.chart.series.map((s) => ({ ...s, name: f(s.name) })),
          },
        };
      default:
        return b;
    }
  };
  return { ...doc, sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) })) };
}
