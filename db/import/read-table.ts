// An uploaded results file (.csv or .xlsx) as rows of strings; validation is core/import/results.ts.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { ImportIssue } from "../../core/import/results.ts";

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/**
 * How much of a file is read at most. A results file holds a row per agency and year and a column
 * per tool or indicator; the limits sit far above any real one, and far below what stalls a
 * server (a 1-million-row sheet took 4 GB; one 400 MB cell, 3.4 GB).
 */
export interface TableLimits {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** What an .xlsx may unpack to, as its zip directory declares it. */
  maxUnzippedBytes: number;
}

/** The CLI's national files: every agency of several years. */
export const FILE_LIMITS: TableLimits = {
  maxRows: 200_000,
  maxColumns: 300,
  maxCellChars: 2_000,
  maxUnzippedBytes: 400 * 1024 * 1024,
};

/** An agency admin's upload in the app: their own agency's years. */
export const UPLOAD_LIMITS: TableLimits = {
  maxRows: 5_000,
  maxColumns: 300,
  maxCellChars: 2_000,
  maxUnzippedBytes: 40 * 1024 * 1024,
};

/** Error messages quote at most this much of a cell. */
const QUOTE_CHARS = 40;
const quote = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);
const n = (value: number) => value.toLocaleString("en");

export type TableRead = { ok: true; table: string[][] } | { ok: false; issue: ImportIssue };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Row i of the table is row i + 1 of the file as a spreadsheet shows it (blank rows kept), so
 * the line numbers of validation errors point at the row the official sees.
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  limits: TableLimits = FILE_LIMITS,
): Promise<TableRead> {
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
  if (extension === "xlsx" || (extension === "csv" && isZip))
    return checked(await readXlsx(bytes, limits), limits);
  if (extension === "csv") return checked(readCsv(bytes, limits), limits);
  return fail(
    `รองรับเฉพาะไฟล์ .csv และ .xlsx${extension === "xls" ? " — บันทึกเป็น .xlsx (Excel Workbook) ก่อน" : ""}`,
    `Only .csv and .xlsx files are accepted${extension === "xls" ? "; save the file as .xlsx (Excel Workbook) first" : ""}`,
  );
}

function fail(th: string, en: string): TableRead {
  return { ok: false, issue: { th, en } };
}

/** The table within the limits, or the first limit it passes, named. */
function checked(read: TableRead, limits: TableLimits): TableRead {
  if (!read.ok) return read;
  const { table } = read;
  if (table.length > limits.maxRows) return tooManyRows(limits);
  for (let r = 0; r < table.length; r++) {
    const row = table[r]!;
    if (row.length > limits.maxColumns) {
      return fail(
        `แถว ${r + 1} มี ${n(row.length)} คอลัมน์ รับได้ไม่เกิน ${n(limits.maxColumns)} คอลัมน์`,
        `Row ${r + 1} has ${row.length} columns; the limit is ${limits.maxColumns}`,
      );
    }
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      if (cell.length > limits.maxCellChars) {
        return fail(
          `แถว ${r + 1} คอลัมน์ที่ ${c + 1} ยาว ${n(cell.length)} ตัวอักษร รับได้ไม่เกิน ${n(limits.maxCellChars)} ("${quote(cell)}")`,
          `Row ${r + 1}, column ${c + 1} holds ${cell.length} characters; the limit is ${limits.maxCellChars} ("${quote(cell)}")`,
        );
      }
    }
  }
  return read;
}

const tooManyRows = (limits: TableLimits) =>
  fail(
    `ไฟล์มีเกิน ${n(limits.maxRows)} แถว — แยกไฟล์ตามปีงบประมาณ`,
    `The file has more than ${limits.maxRows} rows — split it by fiscal year`,
  );

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

function readCsv(bytes: Uint8Array, limits: TableLimits): TableRead {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  try {
    // Parsing stops one line past the limit: enough to know the file is over it.
    const table: string[][] = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      to_line: limits.maxRows + 1,
    });
    return { ok: true, table };
  } catch (e) {
    const reason = quote(e instanceof Error ? e.message : String(e));
    return fail(`อ่านไฟล์ CSV ไม่ได้ (${reason})`, `Cannot read the CSV file: ${reason}`);
  }
}

/** What the zip's directory says its files unpack to, read without unpacking any. */
function unzippedBytes(bytes: Uint8Array): number | undefined {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return total;
}

async function readXlsx(bytes: Uint8Array, limits: TableLimits): Promise<TableRead> {
  const unpacked = unzippedBytes(bytes);
  if (unpacked !== undefined && unpacked > limits.maxUnzippedBytes) {
    const mb = (x: number) => Math.round(x / (1024 * 1024));
    return fail(
      `ไฟล์ Excel นี้ขยายได้ ${mb(unpacked)} MB รับได้ไม่เกิน ${mb(limits.maxUnzippedBytes)} MB — แยกไฟล์ตามปีงบประมาณ หรือบันทึกเป็น .csv`,
      `This Excel file unpacks to ${mb(unpacked)} MB; the limit is ${mb(limits.maxUnzippedBytes)} MB — split it or save it as .csv`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global `Buffer` that clashes with Node's; the runtime takes a Node Buffer.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    const reason = quote(e instanceof Error ? e.message : String(e));
    return fail(`อ่านไฟล์ Excel ไม่ได้ (${reason})`, `Cannot read the Excel file: ${reason}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail("อ่านไฟล์ Excel ไม่ได้ (ไม่มีแผ่นงาน)", "Cannot read the Excel file: it has no worksheet");
  if (sheet.rowCount > limits.maxRows) return tooManyRows(limits);
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
