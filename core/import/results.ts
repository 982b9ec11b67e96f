// Validation of ITA result files (docs/import-format.md): one row per agency-year, all or nothing.
import { z } from "zod";
import type { ScoreInput } from "../ita/assessment.ts";
import type { Framework, FrameworkCatalog } from "../ita/catalog.ts";
import { formatScore, parseScore, type Score } from "../ita/score.ts";
import { toArabicDigits } from "../thai/digits.ts";
import { parseYear } from "../thai/year.ts";
import { type AgencyField, type Column, cleanCell, readHeader, type TableLine } from "./columns.ts";

export interface AgencyRecord {
  code: string;
  nameTh: string;
  type: string;
  province: string;
  district: string;
}

export interface ResultsRow {
  line: number;
  agency: AgencyRecord;
  year: number;
  scores: ScoreInput;
}

export interface ImportIssue {
  line?: number;
  column?: string;
  th: string;
  en: string;
}

export type ResultsImport =
  | { ok: true; rows: ResultsRow[]; notes: ImportIssue[] }
  | { ok: false; errors: ImportIssue[] };

export const DEFAULT_MAX_ERRORS = 50;

/** "แถว 3 คอลัมน์ IIT: คะแนน 101 เกิน 100 (row 3, column IIT: score 101 is above 100)". */
export function formatIssue(issue: ImportIssue): string {
  const th = [issue.line !== undefined && `แถว ${issue.line}`, issue.column && `คอลัมน์ ${issue.column}`];
  const en = [issue.line !== undefined && `row ${issue.line}`, issue.column && `column ${issue.column}`];
  const where = (parts: (string | false | undefined)[], sep: string) => {
    const text = parts.filter(Boolean).join(sep);
    return text ? `${text}: ` : "";
  };
  return `${where(th, " ")}${issue.th} (${where(en, ", ")}${issue.en})`;
}

const FIELD_LABELS: Record<AgencyField, { th: string; en: string }> = {
  agency_code: { th: "รหัสหน่วยงาน", en: "agency code" },
  agency_name: { th: "ชื่อหน่วยงาน", en: "agency name" },
  agency_type: { th: "ประเภทหน่วยงาน", en: "agency type" },
  province: { th: "จังหวัด", en: "province" },
  district: { th: "อำเภอ", en: "district" },
  fiscal_year: { th: "ปีงบประมาณ", en: "fiscal year" },
};

const AGENCY_TYPES: Record<string, string> = {
  อบต: "องค์การบริหารส่วนตำบล",
  ทต: "เทศบาลตำบล",
  ทม: "เทศบาลเมือง",
  ทน: "เทศบาลนคร",
  อบจ: "องค์การบริหารส่วนจังหวัด",
};

/** "อบต." -> "องค์การบริหารส่วนตำบล"; "เทศบาล ตำบล" -> "เทศบาลตำบล"; any other text is kept. */
export function normaliseAgencyType(type: string): string {
  const key = type.replace(/[\s.]/g, "");
  const full = AGENCY_TYPES[key];
  if (full) return full;
  return Object.values(AGENCY_TYPES).find((t) => t === key) ?? type;
}

/** No agency type has near this many agencies (about 8,300 in all): a larger rank is a typo. */
const RANK_MAX = 100_000;

const collapse = (s: string) => cleanCell(s).replace(/\s+/g, " ");
const text = z.string().transform(collapse).pipe(z.string().min(1, "empty"));
const agencySchema = z.object({
  agency_code: z
    .string()
    .transform((s) => toArabicDigits(collapse(s)))
    .pipe(
      z
        .string()
        .min(1, { error: "empty", abort: true })
        .regex(/^[0-9A-Za-z-]{1,20}$/, "format"),
    ),
  agency_name: text,
  agency_type: text.transform(normaliseAgencyType),
  province: text,
  district: text,
});

type Errors = { add(issue: ImportIssue): void; readonly count: number };

interface RowContext {
  frameworks: FrameworkCatalog;
  errors: Errors;
  rounded: { count: number; example?: { line: number; column: string; from: string; to: string } };
  ceYears: Map<number, { be: number; rows: number }>;
}

/**
 * Checks a whole table (header row, then one row per agency-year) against the frameworks the
 * system holds, and returns every row or, if anything is wrong, the first `maxErrors` errors and
 * how many more there were.
 */
export function validateResultsTable(
  table: string[][],
  opts: { frameworks: FrameworkCatalog; maxErrors?: number },
): ResultsImport {
  const maxErrors = Math.max(1, opts.maxErrors ?? DEFAULT_MAX_ERRORS);
  const listed: ImportIssue[] = [];
  let dropped = 0;
  const errors: Errors = {
    add: (issue) => (listed.length < maxErrors ? listed.push(issue) : dropped++),
    get count() {
      return listed.length + dropped;
    },
  };
  const fail = (): ResultsImport => {
    if (dropped > 0) {
      listed.push({
        th: `มีข้อผิดพลาดอีก ${dropped} รายการที่ไม่ได้แสดง`,
        en: `${dropped} more error${dropped > 1 ? "s" : ""} not listed`,
      });
    }
    return { ok: false, errors: listed };
  };

  const lines: TableLine[] = [];
  table.forEach((cells, i) => {
    if (cells.some((c) => cleanCell(c) !== "")) lines.push({ line: i + 1, cells });
  });
  const [header, ...data] = lines;
  if (!header) {
    errors.add({ th: "ไฟล์ว่าง ไม่มีข้อมูล", en: "The file is empty" });
    return fail();
  }

  const frameworks = opts.frameworks.all();
  const head = readHeader(header, data, {
    toolCodes: unique(frameworks.flatMap((f) => f.tools.map((t) => t.code))),
    partCodes: unique(frameworks.flatMap((f) => f.partCodes)),
    maxIndicator: Math.max(0, ...frameworks.flatMap((f) => f.indicators.map((i) => i.no))),
    itemCode: (key) => {
      for (let i = frameworks.length - 1; i >= 0; i--) {
        const item = frameworks[i]!.item(key);
        if (item) return item.code;
      }
      return undefined;
    },
  });
  for (const issue of head.issues) errors.add(issue);
  if (errors.count > 0) return fail();
  if (data.length === 0) {
    errors.add({ line: header.line, th: "ไม่มีแถวข้อมูล", en: "No data rows below the header" });
    return fail();
  }

  const ctx: RowContext = { frameworks: opts.frameworks, errors, rounded: { count: 0 }, ceYears: new Map() };
  const rows: ResultsRow[] = [];
  for (const line of data) {
    const row = readRow(line, head.columns, ctx);
    if (row) rows.push(row);
  }
  checkAcrossRows(rows, errors);
  if (errors.count > 0) return fail();
  return { ok: true, rows, notes: notesOf(ctx) };
}

function readRow(row: TableLine, columns: readonly Column[], ctx: RowContext): ResultsRow | undefined {
  const before = ctx.errors.count;
  const cell = (c: Column) => cleanCell(row.cells[c.index] ?? "");
  const fieldCell = (field: AgencyField) => {
    const c = columns.find((col) => col.kind === "field" && col.field === field);
    return c ? cell(c) : "";
  };
  const error = (column: string, th: string, en: string) =>
    ctx.errors.add({ line: row.line, column, th, en });

  const parsed = agencySchema.safeParse(
    Object.fromEntries(agencySchema.keyof().options.map((f) => [f, fieldCell(f)])),
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as AgencyField;
      const label = FIELD_LABELS[field];
      if (issue.message === "format") {
        const value = fieldCell(field);
        error(
          field,
          `${label.th} '${value}' ใช้ได้เฉพาะตัวเลข ตัวอักษรอังกฤษ และ - ไม่เกิน 20 ตัว`,
          `${label.en} '${value}' must be 1–20 digits, English letters or '-'`,
        );
      } else {
        error(field, `ไม่มี${label.th}`, `${label.en} is empty`);
      }
    }
  }

  const year = readYear(fieldCell("fiscal_year"), row.line, ctx);
  const framework = year === undefined ? undefined : ctx.frameworks.get(year);

  const scores: ScoreInput = {};
  for (const column of columns) {
    const value = cell(column);
    if (value === "" || column.kind === "field") continue;
    if (column.kind === "rank") {
      const digits = toArabicDigits(value);
      const rank = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
      if (Number.isSafeInteger(rank) && rank > 0 && rank <= RANK_MAX) scores.rank = rank;
      else
        error(
          "rank",
          `ลำดับ '${value}' ต้องเป็นจำนวนเต็ม 1–${RANK_MAX.toLocaleString("en")}`,
          `rank '${value}' must be a whole number from 1 to ${RANK_MAX}`,
        );
      continue;
    }
    if (column.kind === "level") {
      if (!framework) continue;
      const level = levelCode(framework, value);
      if (level !== undefined) scores.level = level;
      else {
        const allowed = framework.levels.map((b) => b.code).join(", ");
        error(
          "level",
          `ระดับ '${value}' ไม่มีในปี ${framework.year} — ใช้ได้: ${allowed}`,
          `level '${value}' does not exist in ${framework.year}; allowed: ${allowed}`,
        );
      }
      continue;
    }
    if (framework && !inFramework(framework, column)) {
      const what = describe(column, ctx.frameworks);
      error(
        column.name,
        `${what.th} ไม่มีในกรอบการประเมินปี ${framework.year}`,
        `${what.en} is not in the ${framework.year} framework`,
      );
      continue;
    }
    const score = readScore(value, column.name, row.line, ctx);
    if (score !== undefined) put(scores, column, score, framework);
  }

  if (ctx.errors.count > before || !parsed.success || year === undefined) return undefined;
  const a = parsed.data;
  const agency: AgencyRecord = {
    code: a.agency_code,
    nameTh: a.agency_name,
    type: a.agency_type,
    province: a.province,
    district: a.district,
  };
  return { line: row.line, agency, year, scores };
}

function put(scores: ScoreInput, column: Column, score: Score, framework: Framework | undefined): void {
  const group = (key: "tools" | "parts" | "indicators" | "items") => {
    const values = scores[key] ?? {};
    scores[key] = values;
    return values;
  };
  if (column.kind === "total") scores.total = score;
  else if (column.kind === "tool") group("tools")[column.code] = score;
  else if (column.kind === "part") group("parts")[column.code] = score;
  else if (column.kind === "indicator") group("indicators")[String(column.no)] = score;
  else if (column.kind === "item") group("items")[framework?.item(column.code)?.code ?? column.name] = score;
}

function readYear(value: string, line: number, ctx: RowContext): number | undefined {
  const error = (th: string, en: string) => ctx.errors.add({ line, column: "fiscal_year", th, en });
  if (value === "") {
    error("ไม่มีปีงบประมาณ", "fiscal year is empty");
    return undefined;
  }
  const parsed = parseYear(value);
  if (!parsed) {
    error(
      `ปีงบประมาณ '${value}' อ่านไม่ออก — ใช้ปี พ.ศ. เช่น 2567`,
      `fiscal year '${value}' is not a year; use the Buddhist Era year, e.g. 2567`,
    );
    return undefined;
  }
  if (!ctx.frameworks.get(parsed.be)) {
    const years = ctx.frameworks.years.join(", ");
    error(
      `ไม่มีกรอบการประเมินของปี ${parsed.be} — รองรับปี ${years}`,
      `no assessment framework for ${parsed.be}; supported years: ${years}`,
    );
    return undefined;
  }
  if (parsed.era === "ce") {
    const ce = parsed.be - 543;
    const seen = ctx.ceYears.get(ce) ?? { be: parsed.be, rows: 0 };
    seen.rows++;
    ctx.ceYears.set(ce, seen);
  }
  return parsed.be;
}

function readScore(value: string, column: string, line: number, ctx: RowContext): Score | undefined {
  const parsed = parseScore(toArabicDigits(value));
  if (parsed.ok) {
    if (parsed.rounded) {
      ctx.rounded.count++;
      ctx.rounded.example ??= { line, column, from: value, to: formatScore(parsed.value) };
    }
    return parsed.value;
  }
  const error = (th: string, en: string) => ctx.errors.add({ line, column, th, en });
  if (parsed.reason === "format") {
    error(
      `คะแนน '${value}' ไม่ใช่ตัวเลข (ถ้าไม่ทราบให้เว้นว่าง)`,
      `score '${value}' is not a number (leave the cell empty if unknown)`,
    );
  } else if (toArabicDigits(value).startsWith("-")) {
    error(`คะแนน ${value} ต่ำกว่า 0`, `score ${value} is below 0`);
  } else {
    error(`คะแนน ${value} เกิน 100`, `score ${value} is above 100`);
  }
  return undefined;
}

function levelCode(framework: Framework, value: string): string | undefined {
  const want = collapse(value);
  const lower = want.toLowerCase();
  return framework.levels.find((b) => b.code.toLowerCase() === lower || b.nameTh === want)?.code;
}

function inFramework(framework: Framework, column: Column): boolean {
  switch (column.kind) {
    case "item":
      return framework.item(column.code) !== undefined;
    case "indicator":
      return framework.indicator(column.no) !== undefined;
    case "part":
      return framework.partCodes.includes(column.code);
    case "tool":
      return framework.tool(column.code) !== undefined;
    default:
      return true;
  }
}

function describe(column: Column, frameworks: FrameworkCatalog): { th: string; en: string } {
  if (column.kind === "item") return { th: `ข้อ ${column.name}`, en: `item ${column.name}` };
  if (column.kind === "indicator") return { th: `ตัวชี้วัดที่ ${column.no}`, en: `indicator ${column.no}` };
  if (column.kind === "part") {
    const years = frameworks.years.filter((y) => frameworks.get(y)?.partCodes.includes(column.code));
    const since = years.length ? ` (มีในปี ${years.join(", ")})` : "";
    return { th: `คะแนนส่วน ${column.code}${since}`, en: `part score ${column.code}` };
  }
  return { th: `คอลัมน์ ${column.name}`, en: `column ${column.name}` };
}

const AGENCY_FIELDS = [
  ["nameTh", "agency_name"],
  ["type", "agency_type"],
  ["province", "province"],
  ["district", "district"],
] as const;

function checkAcrossRows(rows: readonly ResultsRow[], errors: Errors): void {
  const byKey = new Map<string, number>();
  const byCode = new Map<string, ResultsRow>();
  for (const row of rows) {
    const { code } = row.agency;
    const key = `${code}\u0000${row.year}`;
    const twin = byKey.get(key);
    if (twin !== undefined) {
      errors.add({
        line: row.line,
        column: "agency_code",
        th: `หน่วยงาน ${code} ปี ${row.year} ซ้ำกันในแถว ${twin} และแถว ${row.line}`,
        en: `agency ${code}, year ${row.year} appears twice: rows ${twin} and ${row.line}`,
      });
    } else byKey.set(key, row.line);

    const first = byCode.get(code);
    if (!first) {
      byCode.set(code, row);
      continue;
    }
    const diffs = AGENCY_FIELDS.filter(([k]) => first.agency[k] !== row.agency[k]);
    if (diffs.length === 0) continue;
    const detail = (lang: "th" | "en") =>
      diffs.map(([k, f]) => `${FIELD_LABELS[f][lang]} '${first.agency[k]}' ≠ '${row.agency[k]}'`).join(", ");
    errors.add({
      line: row.line,
      column: diffs.map(([, f]) => f).join(", "),
      th: `รหัสหน่วยงาน ${code} ในแถว ${first.line} และแถว ${row.line} มีข้อมูลไม่ตรงกัน: ${detail("th")}`,
      en: `agency ${code} differs between rows ${first.line} and ${row.line}: ${detail("en")}`,
    });
  }
}

function notesOf(ctx: RowContext): ImportIssue[] {
  const notes: ImportIssue[] = [];
  for (const [ce, { be, rows }] of ctx.ceYears) {
    notes.push({
      column: "fiscal_year",
      th: `ปี ${ce} (ค.ศ.) ถือเป็นปีงบประมาณ พ.ศ. ${be} (${rows} แถว)`,
      en: `${ce} read as CE, converted to fiscal year ${be} BE (${rows} row${rows > 1 ? "s" : ""})`,
    });
  }
  const { count, example } = ctx.rounded;
  if (count > 0 && example) {
    const { line, column, from, to } = example;
    notes.push({
      th: `ปัดคะแนนที่มีทศนิยมเกิน 2 ตำแหน่งเป็น 2 ตำแหน่ง (ปัดครึ่งขึ้น) ${count} ช่อง เช่น แถว ${line} คอลัมน์ ${column}: ${from} → ${to}`,
      en: `${count} score cell${count > 1 ? "s" : ""} had more than two decimals and ${count > 1 ? "were" : "was"} rounded half-up to two, e.g. row ${line}, column ${column}: ${from} → ${to}`,
    });
  }
  return notes;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
