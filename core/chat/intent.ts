// Chat text -> Query: an ordered table of intent rules over one normalised reading of the message.
import {
  extractIndicatorNumber,
  extractItemCode,
  extractLinkCode,
  extractThreshold,
  extractTool,
  TOOL_WORD,
} from "./extract.ts";
import { matchIndicatorName } from "./indicator-names.ts";
import {
  COMPARE,
  firstIndex,
  HELP_WORDS,
  hasAny,
  OVERALL,
  OVERALL_WORDS,
  RANK,
  STRENGTHS,
  WEAKNESSES,
} from "./keywords.ts";
import { bareForms, normalise } from "./normalise.ts";
import type { Intent, Query, ReportFormat, ReportKind, SettingsChange, TaskList, YearSpec } from "./query.ts";
import type { ChatVocabulary } from "./vocabulary.ts";
import { extractYears, sameYear } from "./year-mentions.ts";

/** A message read once, for every rule. */
export interface Message {
  /** normalise(text) */
  text: string;
  /** `text` with the threshold's number blanked. */
  scan: string;
  threshold?: number;
  /** Years written in `scan`, in order (two digits only after "ปี" or "พ.ศ."). */
  years: YearSpec[];
  /** `scan` with those years blanked: what keyword tests and the item/indicator/tool extractors read. */
  rest: string;
  /** The frameworks' words: tools, indicators, item prefixes. */
  vocabulary: ChatVocabulary;
}

export function readMessage(raw: string, vocabulary: ChatVocabulary): Message {
  const text = normalise(raw);
  const { threshold, rest: scan } = extractThreshold(text);
  const { years, rest } = extractYears(scan);
  return { text, scan, years, rest, vocabulary, ...(threshold === undefined ? {} : { threshold }) };
}

export interface IntentRule {
  intent: Intent;
  /** The query when this rule recognises the message; undefined to let the next rule try. */
  test(m: Message): Query | undefined;
}

/** Rules in precedence order: the first that answers wins. */
export const INTENT_RULES: readonly IntentRule[] = [
  {
    intent: "link",
    test: (m) => {
      const code = extractLinkCode(m.text);
      return code ? { intent: "link", code } : undefined;
    },
  },
  { intent: "help", test: (m) => (isHelp(m.text) ? { intent: "help" } : undefined) },
  { intent: "settings", test: (m) => settings(m.text) },
  // Before "report" and "tasks": "ส่งรายงานรอบ 6 เดือนเมื่อไหร่" asks for a date.
  { intent: "calendar", test: calendar },
  // Before "tasks": "รายงานผลการดำเนินการตามมาตรการ" names a report, not the list of measures.
  { intent: "report", test: report },
  { intent: "tasks", test: (m) => taskList(m.rest) },
  { intent: "compare", test: compare },
  { intent: "rank", test: (m) => (hasAny(m.rest, RANK) ? { intent: "rank", ...yearOf(m) } : undefined) },
  {
    intent: "strengths",
    test: (m) =>
      side(m) === "strengths" ? { intent: "strengths", ...yearOf(m), ...thresholdOf(m) } : undefined,
  },
  {
    intent: "weaknesses",
    test: (m) =>
      side(m) === "weaknesses" ? { intent: "weaknesses", ...yearOf(m), ...thresholdOf(m) } : undefined,
  },
  {
    intent: "item",
    test: (m) => {
      const code = extractItemCode(m.rest, m.vocabulary);
      return code ? { intent: "item", code, ...yearOf(m) } : undefined;
    },
  },
  { intent: "indicator", test: indicator },
  {
    intent: "tool",
    test: (m) => {
      const tool = extractTool(m.rest, m.vocabulary);
      if (tool) return { intent: "tool", tool, ...yearOf(m) };
      return TOOL_WORD.test(m.rest) ? { intent: "tool", ...yearOf(m) } : undefined;
    },
  },
  { intent: "overall", test: (m) => (isOverall(m) ? { intent: "overall", ...yearOf(m) } : undefined) },
];

/**
 * What an official's chat message asks for, in the words of the frameworks the system holds.
 * Pure; reads at most the first MAX_SCAN_CHARS characters.
 */
export function parseQuery(text: string, vocabulary: ChatVocabulary): Query {
  const m = readMessage(text, vocabulary);
  for (const rule of INTENT_RULES) {
    const q = rule.test(m);
    if (q) return q;
  }
  return { intent: "unknown" };
}

const SETTINGS: readonly [RegExp, (match: RegExpExecArray) => SettingsChange | undefined][] = [
  [/เปิด(การ)?(แจ้ง)?เตือน/, () => ({ muted: false })],
  // "เปิด" ends in "ปิด": only a ปิด not preceded by เ mutes.
  [/((?<!เ)ปิด|หยุด|งด)(การ)?(แจ้ง)?เตือน/, () => ({ muted: true })],
  [/(แจ้ง)?เตือน(แบบ)?(ราย|ทุก)สัปดาห์/, () => ({ frequency: "weekly" })],
  [/(แจ้ง)?เตือน(แบบ)?(ราย|ทุก)วัน/, () => ({ frequency: "daily" })],
  [
    /เตือนล่วงหน้า(\d{1,2})วัน/,
    (m) => {
      const days = Number(m[1]);
      return days >= 1 && days <= 30 ? { firstLeadDays: days } : undefined;
    },
  ],
  [/ตั้งค่า(การ)?(แจ้ง)?เตือน|การแจ้งเตือนของฉัน/, () => undefined],
];

/** Reminder settings: a change when the message asks for one, else just the current settings. */
function settings(text: string): Query | undefined {
  for (const [pattern, change] of SETTINGS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const c = change(m);
    return c ? { intent: "settings", change: c } : { intent: "settings" };
  }
  return undefined;
}

const REPORT_KINDS: readonly [ReportKind, RegExp][] = [
  ["analysis", /วิเคราะห์|วิเคราะ|analysis/],
  ["progress", /ผล(การ)?(ดำเนิน|ดำเนิ|ทำ)|ความ(ก้าว|คืบ)หน้า|มาตรการ|progress/],
];
const REPORT_FORMATS: readonly [ReportFormat, RegExp][] = [
  ["pdf", /pdf|พีดีเอฟ/],
  ["docx", /docx?|word|เวิร์ด|เวิด|วอร์ด/],
];

/** A report to download: which one, in which format and for which year, when the message says. */
function report(m: Message): Query | undefined {
  if (!/รายงาน|ราย งาน|report/.test(m.rest)) return undefined;
  const kind = REPORT_KINDS.find(([, pattern]) => pattern.test(m.rest))?.[0];
  const format = REPORT_FORMATS.find(([, pattern]) => pattern.test(m.rest))?.[0];
  const arabic = /อารบิก|อาราบิก|arabic/.test(m.rest);
  return {
    intent: "report",
    ...(kind ? { kind } : {}),
    ...(format ? { format } : {}),
    ...yearOf(m),
    ...(arabic ? { digits: "arabic" as const } : {}),
  };
}

/** Asking when: the calendar, unless it is about work already late ("เลยกำหนด"). */
const WHEN =
  /ปฏิทิน|กำหนดการ|กำหนดส่ง|กำหนดวัน|เมื่อไ(?:หร่|ร)|เมื่อใด|วันไหน|วันที่เท่าไ|กี่วัน|(?<![a-z])(?:deadline|calendar|when)(?![a-z])/;
const LATE = /เลยกำหนด|เกินกำหนด|ค้าง/;

/** Which national date a when-question is about, by the first row that matches. */
export const CALENDAR_TOPICS: readonly [string, RegExp][] = [
  ["clarification", /ชี้แจง|อุทธรณ์/],
  ["confirmation", /ยืนยันผล|ยืนยันคะแนน/],
  ["oit-scoring", /ตรวจ(?:ให้)?(?:คะแนน)?(?:oit|โอไอที)|ให้คะแนน(?:oit|โอไอที)/],
  ["results", /ประกาศ(?:ผล|คะแนน)|(?:ผล|คะแนน).{0,16}(?:ออก|ประกาศ)/],
  ["registration", /ลงทะเบียน|นำเข้าข้อมูล/],
  ["survey", /(?<![a-z])(?:iit|eit)(?![a-z])|ไอไอที|อีไอที|แบบวัด|แบบสำรวจ|ตอบแบบ/],
  ["six-month-report", /6เดือน|หกเดือน|รอบ6/],
  ["annual-report", /รายงาน(?:ผลการดำเนินงาน)?ประจำปี/],
  ["oit-submission", /(?<![a-z])oit(?![a-z])|โอไอที|ส่งคำตอบ|เผยแพร่ข้อมูล/],
];

function calendar(m: Message): Query | undefined {
  if (!WHEN.test(m.text) || LATE.test(m.text)) return undefined;
  const topic = CALENDAR_TOPICS.find(([, re]) => re.test(m.text))?.[0];
  return topic ? { intent: "calendar", topic } : { intent: "calendar" };
}

const TASK_LISTS: readonly [TaskList, RegExp][] = [
  ["mine", /งาน(ของ)?(ฉัน|ผม|หนู|เรา|ดิฉัน)|งานที่ต้องทำ|my ?tasks?/],
  ["overdue", /งานค้าง|ค้างอยู่|เลยกำหนด|เกินกำหนด|overdue/],
  ["measures", /มาตรการ|measures?/],
];

/** Measures and steps rather than scores: which list, by the first table row that matches. */
function taskList(text: string): Query | undefined {
  const found = TASK_LISTS.find(([, pattern]) => pattern.test(text));
  return found ? { intent: "tasks", which: found[0] } : undefined;
}

/** Only when the whole message, fillers aside, is a help word: "help ita" asks for the result. */
function isHelp(text: string): boolean {
  return /^\?+$/.test(text) || bareForms(text).some((f) => HELP_WORDS.has(f));
}

/**
 * Asked with a comparing word (then "66" alone is a year too), or two different years given.
 * Years in the order written, older first when both are explicit years; at most two.
 */
function compare(m: Message): Query | undefined {
  const asked = hasAny(m.rest, COMPARE);
  const written = asked ? extractYears(m.scan, { bare: true }).years : m.years;
  const years = distinct(written).slice(0, 2);
  if (!asked && years.length < 2) return undefined;
  const [a, b] = years;
  if (a?.kind === "year" && b?.kind === "year" && b.be < a.be) years.reverse();
  const item = extractItemCode(m.rest, m.vocabulary);
  return item ? { intent: "compare", years, item } : { intent: "compare", years };
}

function distinct(years: readonly YearSpec[]): YearSpec[] {
  return years.filter((y, i) => years.findIndex((o) => sameYear(o, y)) === i);
}

/** Strengths or weaknesses, whichever the message names first. */
function side(m: Message): "strengths" | "weaknesses" | undefined {
  const s = firstIndex(m.rest, STRENGTHS);
  const w = firstIndex(m.rest, WEAKNESSES);
  if (s < 0 && w < 0) return undefined;
  if (w < 0 || (s >= 0 && s <= w)) return "strengths";
  return "weaknesses";
}

/** A number or a name; a number beyond every year's indicators makes the whole message unknown. */
function indicator(m: Message): Query | undefined {
  const no = extractIndicatorNumber(m.rest, m.vocabulary.maxIndicator);
  if (no === "invalid") return { intent: "unknown" };
  if (no !== undefined) return { intent: "indicator", no, ...yearOf(m) };
  const named = matchIndicatorName(m.rest, m.vocabulary);
  if (!named) return undefined;
  return {
    intent: "indicator",
    no: named.no,
    ...(named.concept ? { concept: named.concept } : {}),
    ...yearOf(m),
  };
}

/** A result word, or just a year ("2567", "ขอผลปี67ครับ", "ปีที่แล้ว"). */
function isOverall(m: Message): boolean {
  if (hasAny(m.rest, OVERALL)) return true;
  return m.years.length > 0 && bareForms(m.rest).some((f) => OVERALL_WORDS.has(f));
}

function yearOf(m: Message): { year?: YearSpec } {
  const year = m.years[0];
  return year ? { year } : {};
}

function thresholdOf(m: Message): { threshold?: number } {
  return m.threshold === undefined ? {} : { threshold: m.threshold };
}
