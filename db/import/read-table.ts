// An uploaded results file (.csv or .xlsx) as rows of strings; validation is core/import/results.ts.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { ImportIssue } from "../../core/import/results.ts";

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export type TableRead = { ok: true; table: string[][] } | { ok: false; issue: ImportIssue };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Row i of the table is row i + 1 of the file as a spreadsheet shows it (blank rows kept), so
 * the line numbers of validation errors point at the row the official sees.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<TableRead> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = (bytes.byteLength / (1024 * 1024)).toFixed(1);
    const limit = MAX_IMPORT_BYTES / (1024 * 1024);
    return fail(
      `ไฟล์ใหญ่เกินไป (${mb} MB) รับได้ไม่เกิน ${limit} MB — แยกไฟล์ตามปีงบประมาณ`,
      `The file is too large (${mb} MB); the limit is ${limit} MB — split it by fiscal year`,
    );
  }
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  if (extension === "xlsx" || (extension === "csv" && isZip)) return readXlsx(bytes);
  if (extension === "csv") return readCsv(bytes);
  return fail(
    `รองรับเฉพาะไฟล์ .csv และ .xlsx${extension === "xls" ? " — บันทึกเป็น .xlsx (Excel Workbook) ก่อน" : ""}`,
    `Only .csv and .xlsx files are accepted${extension === "xls" ? "; save the file as .xlsx (Excel Workbook) first" : ""}`,
  );
}

function fail(th: string, en: string): TableRead {
  return { ok: false, issue: { th, en } };
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-874/TIS-620 as older Thai Excel saves. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-874").decode(bytes);
  }
}

function readCsv(bytes: Uint8Array): TableRead {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  try {
    const table: string[][] = parse(text, { relax_column_count: true, relax_quotes: true });
    return { ok: true, table };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail(`อ่านไฟล์ CSV ไม่ได้ (${reason})`, `Cannot read the CSV file: ${reason}`);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global `Buffer` that clashes with Node's; the runtime takes a Node Buffer.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail(`อ่านไฟล์ Excel ไม่ได้ (${reason})`, `Cannot read the Excel file: ${reason}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail("อ่านไฟล์ Excel ไม่ได้ (ไม่มีแผ่นงาน)", "Cannot read the Excel file: it has no worksheet");
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return { ok: true, table };
}

/** A cell as the text a CSV export would hold; numbers keep every digit the file stores. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return decimalText(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return "";
  return String(value);
}

/** Shortest round-trip decimal without exponent: 66.66666666666667, 1e-7 -> "0.0000001". */
export function decimalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead = "", frac = "", exp = "0"] = m;
  const digits = lead + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
