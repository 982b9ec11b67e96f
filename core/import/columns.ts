// Header row of a results file: which column holds what, and what an unknown header probably meant.
import { itemKey } from "../ita/catalog.ts";
import { withoutControls } from "../schemas/text.ts";
import { toArabicDigits } from "../thai/digits.ts";
import type { ImportIssue } from "./results.ts";

export const REQUIRED_COLUMNS = [
  "agency_code",
  "agency_name",
  "agency_type",
  "province",
  "district",
  "fiscal_year",
] as const;

export type AgencyField = (typeof REQUIRED_COLUMNS)[number];

export type Column = { index: number; name: string } & (
  | { kind: "field"; field: AgencyField }
  | { kind: "total" | "level" | "rank" }
  | { kind: "tool"; code: string }
  | { kind: "part"; code: string }
  | { kind: "indicator"; no: number }
  | { kind: "item"; code: string }
);

export interface TableLine {
  /** 1-based line (row) in the file. */
  line: number;
  cells: readonly string[];
}

export interface HeaderContext {
  toolCodes: readonly string[];
  partCodes: readonly string[];
  /** The largest indicator number of any year. */
  maxIndicator: number;
  /** How the frameworks spell an item ("o030" → "O30"), when some year knows it. */
  itemCode: (key: string) => string | undefined;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Cell text without control or zero-width characters, BOM or surrounding spaces. */
export function cleanCell(text: string): string {
  return withoutControls(text).replace(INVISIBLE, "").trim();
}

type ColumnKind = Column extends infer C ? (C extends Column ? Omit<C, "index" | "name"> : never) : never;

function recognise(header: string, ctx: HeaderContext): { name: string; kind: ColumnKind } | undefined {
  const key = header.toLowerCase();
  const field = REQUIRED_COLUMNS.find((f) => f === key);
  if (field) return { name: field, kind: { kind: "field", field } };
  if (key === "total" || key === "level" || key === "rank") return { name: key, kind: { kind: key } };
  const tool = ctx.toolCodes.find((c) => c.toLowerCase() === key);
  if (tool) return { name: tool, kind: { kind: "tool", code: tool } };
  const part = ctx.partCodes.find((c) => c.toLowerCase() === key);
  if (part) return { name: part, kind: { kind: "part", code: part } };
  const ind = /^ind0*([1-9]\d?)$/.exec(key);
  if (ind) return { name: `ind${ind[1]}`, kind: { kind: "indicator", no: Number(ind[1]) } };
  const item = itemKey(key);
  if (item) {
    const name = ctx.itemCode(item) ?? header.trim();
    return { name, kind: { kind: "item", code: item } };
  }
  return undefined;
}

/** "A", …, "Z", "AA": the column letter a spreadsheet shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function readHeader(
  header: TableLine,
  data: readonly TableLine[],
  ctx: HeaderContext,
): { columns: Column[]; issues: ImportIssue[] } {
  const columns: Column[] = [];
  const issues: ImportIssue[] = [];
  const unknown: { index: number; header: string }[] = [];
  const width = data.reduce((w, r) => Math.max(w, r.cells.length), header.cells.length);
  const at = (line: number, en: string, th: string, column?: string): ImportIssue =>
    column === undefined ? { line, th, en } : { line, column, th, en };

  for (let index = 0; index < width; index++) {
    const text = cleanCell(header.cells[index] ?? "");
    const letter = columnLetter(index);
    if (text === "") {
      const used = data.find((r) => cleanCell(r.cells[index] ?? "") !== "");
      if (used) {
        issues.push(
          at(
            header.line,
            `column ${letter} has no header but row ${used.line} has data in it`,
            `คอลัมน์ ${letter} ไม่มีชื่อหัวคอลัมน์ แต่แถว ${used.line} มีข้อมูล`,
            letter,
          ),
        );
      }
      continue;
    }
    const found = recognise(text, ctx);
    if (!found) {
      unknown.push({ index, header: text });
      continue;
    }
    const twin = columns.find((c) => c.name === found.name);
    if (twin) {
      issues.push(
        at(
          header.line,
          `column ${found.name} appears twice (columns ${columnLetter(twin.index)} and ${letter})`,
          `คอลัมน์ ${found.name} ซ้ำกัน (คอลัมน์ ${columnLetter(twin.index)} และ ${letter})`,
          found.name,
        ),
      );
      continue;
    }
    if (found.kind.kind === "item" && !ctx.itemCode(found.kind.code)) {
      issues.push(
        at(
          header.line,
          `item ${found.name} is not in the framework of any supported year`,
          `ข้อ ${found.name} ไม่มีในกรอบการประเมินของปีใดเลย`,
          found.name,
        ),
      );
      continue;
    }
    columns.push({ index, name: found.name, ...found.kind } as Column);
  }

  const present = new Set(columns.map((c) => c.name));
  const missing = REQUIRED_COLUMNS.filter((f) => !present.has(f));
  if (missing.length > 0) {
    issues.unshift(
      at(
        header.line,
        `missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`,
        `ไม่มีคอลัมน์ที่ต้องมี: ${missing.join(", ")}`,
      ),
    );
  }
  for (const u of unknown) {
    const guess = suggestColumn(u.header, ctx);
    const [th, en] =
      guess === undefined
        ? ["", ""]
        : present.has(guess)
          ? [` (คล้าย ${guess} ซึ่งมีอยู่แล้ว)`, ` (like ${guess}, which is already there)`]
          : [` — หมายถึง ${guess} หรือไม่?`, ` — did you mean ${guess}?`];
    issues.push(
      at(header.line, `unknown column '${u.header}'${en}`, `ไม่รู้จักคอลัมน์ '${u.header}'${th}`, u.header),
    );
  }
  return { columns, issues };
}

const ALIASES: Record<string, string> = {
  code: "agency_code",
  รหัส: "agency_code",
  รหัสหน่วยงาน: "agency_code",
  name: "agency_name",
  agency: "agency_name",
  หน่วยงาน: "agency_name",
  ชื่อหน่วยงาน: "agency_name",
  type: "agency_type",
  ประเภท: "agency_type",
  ประเภทหน่วยงาน: "agency_type",
  จังหวัด: "province",
  อำเภอ: "district",
  เขต: "district",
  year: "fiscal_year",
  ปี: "fiscal_year",
  ปีงบ: "fiscal_year",
  ปีงบประมาณ: "fiscal_year",
  score: "total",
  คะแนน: "total",
  คะแนนรวม: "total",
  ระดับ: "level",
  ระดับผลการประเมิน: "level",
  ลำดับ: "rank",
  ลำดับที่: "rank",
};

const squash = (s: string) =>
  toArabicDigits(s)
    .toLowerCase()
    .replace(/[\s_\-.:()]/g, "");

/** The known column an unknown header most likely meant, if any is close enough. */
export function suggestColumn(header: string, ctx: HeaderContext): string | undefined {
  const key = squash(header);
  const candidates = [
    ...REQUIRED_COLUMNS,
    "total",
    "level",
    "rank",
    ...ctx.toolCodes,
    ...ctx.partCodes,
    ...Array.from({ length: ctx.maxIndicator }, (_, i) => `ind${i + 1}`),
  ];
  const exact = (k: string) => {
    const key = itemKey(k);
    const item = key ? ctx.itemCode(key) : undefined;
    const ind = /^(?:ind|indicator|ตัวชี้วัด|ตัวชี้วัดที่)0*([1-9]\d?)$/.exec(k);
    return (
      item ?? (ind ? `ind${ind[1]}` : undefined) ?? candidates.find((c) => squash(c) === k) ?? ALIASES[k]
    );
  };
  const direct = exact(key) ?? exact(key.replace(/score|คะแนน|points?/g, ""));
  if (direct) return direct;
  let best: { name: string; distance: number } | undefined;
  for (const c of candidates) {
    const target = squash(c);
    const distance = levenshtein(key, target);
    if (distance > 2 || distance * 2 >= target.length) continue;
    if (!best || distance < best.distance) best = { name: c, distance };
  }
  return best?.name;
}

export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
