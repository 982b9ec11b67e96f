// The years a normalised message mentions ("ปี67", "พ.ศ.2567", "2024", "ปีที่แล้ว"), in the order written.
import { parseYear } from "../thai/year.ts";
import { maskMatches } from "./normalise.ts";
import type { YearSpec } from "./query.ts";

export interface YearMentions {
  years: YearSpec[];
  /** The text with every year blanked out, so no other extractor reads it again. */
  rest: string;
}

/** "ปี", "ปีงบ", "ปีงบประมาณ". */
const FISCAL = "ปี(?:งบ(?:ประมาณ)?)?";
const ERA = "(?:พ\\.?ศ|ค\\.?ศ)\\.?";
const SHORT_END = "(?!\\.?\\d)";

const RELATIVE = new RegExp(
  `(สอง|สาม)?${FISCAL}(นี้|ปัจจุบัน|ที่แล้ว|ก่อนหน้า|ก่อน|ที่ผ่านมา|กลาย)|(?<![a-z])(this|last) year`,
  "g",
);
/** "2567", "ปี2567", "พ.ศ.2567", "ค.ศ.2024", "2024". */
const FULL = new RegExp(`(?:${FISCAL})?(${ERA})?(?<!\\d)(\\d{4})(?!\\d)`, "g");
/** "ปี66-67", "ปี66กับ67", "ปี66กับปี67". */
const SHORT_PAIR = new RegExp(
  `${FISCAL}(\\d{2})(?:-|–|/|กับ|และ|ถึง|vs\\.?| vs\\.? )(?:${FISCAL})?(\\d{2})${SHORT_END}`,
  "g",
);
/** "ปี67", "ปีงบ67", "ปีพ.ศ.67", "พ.ศ.67". */
const SHORT = new RegExp(`(?:${FISCAL}(?:${ERA})?|${ERA})(?<!\\d)(\\d{2})${SHORT_END}`, "g");
/** "66" alone, read as a year only where a comparison is asked ("เทียบ 66 กับ 67"). */
const BARE = new RegExp(`(?<![\\d.a-z])(\\d{2})${SHORT_END}`, "g");
/** Bare two-digit numbers taken as years: 2550–2599. Smaller ones are indicator numbers and the like. */
const BARE_MIN = 50;

const COUNT_BACK: Record<string, number> = { สอง: 2, สาม: 3 };

interface Found {
  at: number;
  spec: YearSpec;
}

/**
 * Years in the order written. Two digits count as a year only after "ปี" or "พ.ศ." unless `bare`
 * (a comparison) is set; a 4-digit number counts only when parseYear accepts it, so invite codes,
 * item and indicator numbers are never years.
 */
export function extractYears(text: string, opts: { bare?: boolean } = {}): YearMentions {
  const found: Found[] = [];
  const add = (at: number, spec: YearSpec) => found.push({ at, spec });

  let rest = maskMatches(text, RELATIVE, (m) => {
    const back = COUNT_BACK[m[1] ?? ""] ?? 1;
    const now = m[2] === "นี้" || m[2] === "ปัจจุบัน" || m[3] === "this";
    add(m.index, { kind: "relative", offset: now ? 0 : -back });
    return true;
  });
  rest = maskMatches(rest, FULL, (m) => {
    const y = parseYear(`${m[1] ?? ""}${m[2]}`);
    if (y) add(m.index, { kind: "year", ...y });
    return y !== undefined;
  });
  rest = maskMatches(rest, SHORT_PAIR, (m) => {
    add(m.index, short(m[1]!));
    add(m.index + m[0].length - 2, short(m[2]!));
    return true;
  });
  rest = maskMatches(rest, SHORT, (m) => {
    add(m.index, short(m[1]!));
    return true;
  });
  if (opts.bare) {
    rest = maskMatches(rest, BARE, (m) => {
      if (Number(m[1]) < BARE_MIN) return false;
      add(m.index, short(m[1]!));
      return true;
    });
  }
  found.sort((a, b) => a.at - b.at);
  return { years: found.map((f) => f.spec), rest };
}

function short(digits: string): YearSpec {
  return { kind: "year", be: 2500 + Number(digits), era: "short" };
}

/** The same year however written: same พ.ศ. year, or same offset from now. */
export function sameYear(a: YearSpec, b: YearSpec): boolean {
  if (a.kind === "year") return b.kind === "year" && a.be === b.be;
  return b.kind === "relative" && a.offset === b.offset;
}
