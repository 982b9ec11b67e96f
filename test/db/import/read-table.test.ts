import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatIssue, validateResultsTable } from "../../../core/import/results.ts";
import {
  cellText,
  decimalText,
  MAX_IMPORT_BYTES,
  readTable,
  type TableRead,
  UPLOAD_LIMITS,
} from "../../../db/import/read-table.ts";
import { SHIPPED } from "../../fixtures/frameworks.ts";

const SAMPLE = new URL("../../fixtures/results-sample.csv", import.meta.url);
const utf8 = (text: string) => new TextEncoder().encode(text);

function tableOf(read: TableRead): string[][] {
  if (!read.ok) throw new Error(formatIssue(read.issue));
  return read.table;
}

/** TIS-620 / Windows-874: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB. */
function tis620(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e00 + 0xa0;
    throw new Error(`not TIS-620: ${ch}`);
  });
}

/** An .xlsx holding `rows`: numeric-looking cells as numbers, like a sheet typed in by hand. */
async function xlsxOf(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("ผล ITA");
  rows.forEach((values, r) => {
    values.forEach((value, c) => {
      if (value !== null && value !== "") sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const asTyped = (cell: string): ExcelJS.CellValue => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);

describe("readTable: CSV", () => {
  it("reads the documented sample into rows that validate", async () => {
    const table = tableOf(await readTable(readFileSync(SAMPLE), "results-sample.csv"));
    expect(table).toHaveLength(4);
    expect(table[0]?.slice(0, 6)).toEqual([
      "agency_code",
      "agency_name",
      "agency_type",
      "province",
      "district",
      "fiscal_year",
    ]);
    const result = validateResultsTable(table, { frameworks: SHIPPED });
    expect(result.ok && result.rows.map((r) => [r.line, r.agency.nameTh, r.year, r.scores.total])).toEqual([
      [2, "องค์การบริหารส่วนตำบลบ้านแลง", 2565, 8619],
      [3, "เทศบาลตำบลศรีสองรัก", 2567, 9715],
      [4, "เทศบาลตำบลกุดจิก", 2566, undefined],
    ]);
  });

  it("strips a UTF-8 byte order mark and accepts an upper-case extension", async () => {
    const table = tableOf(await readTable(utf8("\uFEFFagency_code,province\r\n1,เลย\r\n"), "ITA.CSV"));
    expect(table).toEqual([
      ["agency_code", "province"],
      ["1", "เลย"],
    ]);
  });

  it("decodes a Windows-874 (TIS-620) file to the right Thai", async () => {
    const text = "agency_name,province,IIT\nเทศบาลตำบลศรีสองรัก,เลย,๙๒.๙๐\n";
    const table = tableOf(await readTable(tis620(text), "export.csv"));
    expect(table[1]).toEqual(["เทศบาลตำบลศรีสองรัก", "เลย", "๙๒.๙๐"]);
  });

  it("keeps blank lines, quoted commas and rows of uneven length", async () => {
    const table = tableOf(await readTable(utf8('a,b,c\n\n"x, y",2\n'), "t.csv"));
    expect(table).toEqual([["a", "b", "c"], [""], ["x, y", "2"]]);
  });

  it("reports a CSV it cannot parse", async () => {
    const read = await readTable(utf8('a,b\n"unclosed,1\n'), "t.csv");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issue.th).toContain("อ่านไฟล์ CSV ไม่ได้");
  });
});

describe("readTable: XLSX", () => {
  it("gives the same rows as the CSV of the same content", async () => {
    const csvTable = tableOf(await readTable(readFileSync(SAMPLE), "results-sample.csv"));
    const bytes = await xlsxOf(csvTable.map((row) => row.map(asTyped)));
    const xlsxTable = tableOf(await readTable(bytes, "results.xlsx"));
    const fromCsv = validateResultsTable(csvTable, { frameworks: SHIPPED });
    const fromXlsx = validateResultsTable(xlsxTable, { frameworks: SHIPPED });
    expect(fromXlsx.ok).toBe(true);
    expect(fromXlsx).toEqual(fromCsv);
  });

  it("keeps a float's digits so the validator rounds it and notes it", async () => {
    const header = [
      "agency_code",
      "agency_name",
      "agency_type",
      "province",
      "district",
      "fiscal_year",
      "i10",
    ];
    const row = ["1", "เทศบาลตำบลศรีสองรัก", "เทศบาลตำบล", "เลย", "ด่านซ้าย", 2567, 200 / 3];
    const table = tableOf(await readTable(await xlsxOf([header, row]), "r.xlsx"));
    expect(table[1]?.[6]).toBe("66.66666666666667");
    const result = validateResultsTable(table, { frameworks: SHIPPED });
    expect(result.ok && result.rows[0]?.scores.items).toEqual({ i10: 6667 });
    expect(result.ok && result.notes).toHaveLength(1);
  });

  it("reads rich text, formula results and dates as text, and keeps blank rows", async () => {
    const table = tableOf(
      await readTable(
        await xlsxOf([
          ["name", "total", "date"],
          [],
          [
            { richText: [{ text: "เทศบาล" }, { text: "ตำบล", font: { bold: true } }] },
            { formula: "0.3*92.9+0.3*97.59+0.4*100", result: 97.147 },
            new Date(Date.UTC(2024, 6, 30)),
          ],
        ]),
        "r.xlsx",
      ),
    );
    expect(table).toEqual([["name", "total", "date"], [], ["เทศบาลตำบล", "97.147", "2024-07-30"]]);
  });

  it("reads an Excel file even when it was named .csv", async () => {
    const table = tableOf(await readTable(await xlsxOf([["a", 1]]), "results.csv"));
    expect(table).toEqual([["a", "1"]]);
  });

  it("reports a corrupt Excel file with the reason in English", async () => {
    const read = await readTable(utf8("this is not a zip"), "broken.xlsx");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issue.th).toContain("อ่านไฟล์ Excel ไม่ได้");
    expect(read.issue.en).toMatch(/^Cannot read the Excel file: .+/);
  });
});

describe("readTable: refusals", () => {
  it("refuses a 50 MB file with its size and the limit", async () => {
    const read = await readTable(new Uint8Array(50 * 1024 * 1024), "big.csv");
    expect(read).toEqual({
      ok: false,
      issue: {
        th: "ไฟล์ใหญ่เกินไป (50.0 MB) รับได้ไม่เกิน 25 MB — แยกไฟล์ตามปีงบประมาณ",
        en: "The file is too large (50.0 MB); the limit is 25 MB — split it by fiscal year",
      },
    });
    expect(MAX_IMPORT_BYTES).toBe(25 * 1024 * 1024);
  });

  it("refuses a file past each limit, naming the limit in Thai", async () => {
    const limits = { ...UPLOAD_LIMITS, maxRows: 3, maxColumns: 4, maxCellChars: 50 };
    const th = async (text: string, name = "r.csv") => {
      const read = await readTable(utf8(text), name, limits);
      return read.ok ? "read" : read.issue.th;
    };
    expect(await th("a\nb\nc\nd\ne\n")).toBe("ไฟล์มีเกิน 3 แถว — แยกไฟล์ตามปีงบประมาณ");
    expect(await th("a,b,c,d,e\n")).toBe("แถว 1 มี 5 คอลัมน์ รับได้ไม่เกิน 4 คอลัมน์");
    expect(await th("a\nb\nc\n")).toBe("read");
    const xlsx = await xlsxOf([["a"], ["b"], ["c"], ["d"]]);
    const read = await readTable(xlsx, "r.xlsx", limits);
    expect(!read.ok && read.issue.th).toBe("ไฟล์มีเกิน 3 แถว — แยกไฟล์ตามปีงบประมาณ");
  });

  it("quotes at most a short prefix of a cell that is too long", async () => {
    const cell = `${"ก".repeat(45)}${"x".repeat(1_000_000)}`;
    const read = await readTable(utf8(`a,${cell}\n`), "r.csv", UPLOAD_LIMITS);
    expect(read.ok).toBe(false);
    const { th, en } = (read as { issue: { th: string; en: string } }).issue;
    expect(th).toContain("แถว 1 คอลัมน์ที่ 2 ยาว 1,000,045 ตัวอักษร รับได้ไม่เกิน 2,000");
    expect(th.length).toBeLessThan(200);
    expect(en.length).toBeLessThan(200);
  });

  it("refuses an Excel file that would unpack past its limit, before unpacking it", async () => {
    const xlsx = await xlsxOf([["x".repeat(30_000)], ["y".repeat(30_000)]]);
    const read = await readTable(xlsx, "r.xlsx", { ...UPLOAD_LIMITS, maxUnzippedBytes: 20_000 });
    expect(!read.ok && read.issue.th).toMatch(/^ไฟล์ Excel นี้ขยายได้ \d+ MB รับได้ไม่เกิน 0 MB/);
  });

  it("refuses files other than .csv and .xlsx", async () => {
    for (const name of ["results.pdf", "results.xls", "results"]) {
      const read = await readTable(utf8("a,b"), name);
      expect(read.ok, name).toBe(false);
      expect(!read.ok && read.issue.th, name).toContain("รองรับเฉพาะไฟล์ .csv และ .xlsx");
    }
  });
});

describe("cell text", () => {
  it("writes numbers as plain shortest decimals", () => {
    expect(decimalText(86.92)).toBe("86.92");
    expect(decimalText(100)).toBe("100");
    expect(decimalText(66.66666666666667)).toBe("66.66666666666667");
    expect(decimalText(1e-7)).toBe("0.0000001");
    expect(decimalText(1.5e-7)).toBe("0.00000015");
    expect(decimalText(1e21)).toBe("1000000000000000000000");
    expect(decimalText(-2.5e-8)).toBe("-0.000000025");
  });

  it("shows error values and hyperlinks as their text", () => {
    expect(cellText({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(cellText({ text: "เว็บไซต์", hyperlink: "https://example.org" })).toBe("เว็บไซต์");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(null)).toBe("");
  });
});
