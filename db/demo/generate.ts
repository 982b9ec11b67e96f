import type { ScoreInput } from "../../core/ita/assessment.ts";
import type { Framework, FrameworkCatalog } from "../../core/ita/catalog.ts";
import { divHalfUp, type Score } from "../../core/ita/score.ts";
import { scoreAssessment } from "../../core/ita/scoring.ts";
import { PROVINCES } from "../../core/thai/provinces.ts";
import type { ResultsRecord } from "../repositories/results.ts";

// Fictional data shaped like the national ITA results: the real mix of agency types
// (FRAMEWORK.md: ~5,300 อบต., ~2,400 เทศบาลตำบล, …), all 77 provinces, every fiscal year,
// item-level scores wherever a year's items are known. Deterministic for a given seed.

const TYPE_MIX: [string, number][] = [
  ["องค์การบริหารส่วนตำบล", 5300],
  ["เทศบาลตำบล", 2400],
  ["เทศบาลเมือง", 220],
  ["องค์การบริหารส่วนจังหวัด", 76],
  ["เทศบาลนคร", 30],
  ["ส่วนราชการระดับกรม", 274],
];
const TYPE_PREFIX: Record<string, string> = {
  องค์การบริหารส่วนตำบล: "องค์การบริหารส่วนตำบล",
  เทศบาลตำบล: "เทศบาลตำบล",
  เทศบาลเมือง: "เทศบาลเมือง",
  องค์การบริหารส่วนจังหวัด: "องค์การบริหารส่วนจังหวัด",
  เทศบาลนคร: "เทศบาลนคร",
  ส่วนราชการระดับกรม: "กรม",
};
const SYLLABLES = ["บ้าน", "นา", "หนอง", "ดอน", "โนน", "ทุ่ง", "ป่า", "ห้วย", "วัง", "สัน", "แม่", "โป่ง", "ศรี", "ท่า"];
const SUFFIXES = ["แก้ว", "ใหญ่", "ทอง", "งาม", "เหนือ", "ใต้", "สวรรค์", "หลวง", "คำ", "เจริญ", "สอง", "ดี"];

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same country. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedAgency {
  code: string;
  nameTh: string;
  type: string;
  province: string;
  district: string;
  /** Underlying quality in hundredths; scores scatter around it. */
  quality: number;
}

export function generateAgencies(count: number, seed = 2567, codePrefix = "N"): GeneratedAgency[] {
  const random = rng(seed);
  const totalWeight = TYPE_MIX.reduce((s, [, w]) => s + w, 0);
  const out: GeneratedAgency[] = [];
  for (let i = 0; i < count; i++) {
    let pick = random() * totalWeight;
    let type = TYPE_MIX[0]![0];
    for (const [t, w] of TYPE_MIX) {
      if (pick < w) {
        type = t;
        break;
      }
      pick -= w;
    }
    const province = PROVINCES[Math.floor(random() * PROVINCES.length)]!;
    const place =
      SYLLABLES[Math.floor(random() * SYLLABLES.length)]! + SUFFIXES[Math.floor(random() * SUFFIXES.length)]!;
    out.push({
      code: `${codePrefix}${String(i + 1).padStart(5, "0")}`,
      nameTh: `${TYPE_PREFIX[type]}${place}`,
      type,
      province,
      district: `อำเภอที่ ${1 + Math.floor(random() * 20)}`,
      quality: Math.round(7000 + random() * 2900),
    });
  }
  return out;
}

/**
 * One agency-year as ITAS would report it: items where the year has them, and every level
 * above, consistent with the official rule.
 */
export function generateResults(
  agency: GeneratedAgency,
  framework: Framework,
  random: () => number,
): ScoreInput {
  const year = framework.year;
  const drift = (year - 2562) * 120;
  const quality = Math.min(9950, agency.quality + drift + Math.round((random() - 0.5) * 800));
  const input: ScoreInput = { items: {}, indicators: {}, parts: {} };
  for (const ind of framework.indicators) {
    if (ind.subIndicators?.length) {
      for (const sub of ind.subIndicators)
        for (const code of sub.items) input.items![code] = pass(quality, random);
    } else if (ind.items?.length) {
      for (const code of ind.items) input.items![code] = survey(quality, random);
    } else {
      input.indicators![String(ind.no)] = survey(quality, random);
    }
  }
  for (const range of framework.itemRanges) {
    for (let n = range.from; n <= range.to; n++) {
      const code = framework.item(`${range.prefix}${n}`)!.code;
      input.items![code] ??= pass(quality, random);
    }
  }
  for (const tool of framework.tools) {
    for (const part of tool.parts ?? []) input.parts![part.code] = survey(quality, random);
  }
  return asReported(framework, input);
}

/** Everything the rule computes, reported back as ITAS publishes it (all levels). */
function asReported(framework: Framework, input: ScoreInput): ScoreInput {
  const assessment = scoreAssessment(framework, input);
  const out: ScoreInput = { items: input.items, subIndicators: {}, indicators: {}, parts: {}, tools: {} };
  for (const n of assessment.nodes) {
    if (n.kind === "sub") out.subIndicators![n.code] = n.value;
    if (n.kind === "indicator") out.indicators![n.code] = n.value;
    if (n.kind === "part") out.parts![n.code] = n.value;
    if (n.kind === "tool") out.tools![n.code] = n.value;
  }
  if (assessment.total) out.total = assessment.total.value;
  if (assessment.level) out.level = assessment.level;
  return out;
}

function survey(quality: number, random: () => number): Score {
  const v = quality + Math.round((random() - 0.5) * 2400);
  return Math.max(0, Math.min(10000, v)) as Score;
}

function pass(quality: number, random: () => number): Score {
  return (random() * 10000 < quality + 500 ? 10000 : 0) as Score;
}

/** The given years of all agencies, year by year (a year is one ITAS export). */
export function* generateNational(
  agencies: readonly GeneratedAgency[],
  frameworks: FrameworkCatalog,
  years: readonly number[] = frameworks.years,
  seed = 7,
): Generator<{ year: number; records: ResultsRecord[] }> {
  for (const year of years) {
    const framework = frameworks.get(year);
    if (!framework) throw new RangeError(`no framework for ${year}`);
    const random = rng(seed * 10000 + year);
    yield {
      year,
      records: agencies.map((a) => ({
        agency: { code: a.code, nameTh: a.nameTh, type: a.type, province: a.province, district: a.district },
        year,
        scores: generateResults(a, framework, random),
      })),
    };
  }
}

/** Mean of generated totals, for sanity output in benchmarks. */
export function meanTotal(records: readonly ResultsRecord[]): number {
  let sum = 0;
  let n = 0;
  for (const r of records) {
    if (r.scores.total !== undefined) {
      sum += r.scores.total;
      n++;
    }
  }
  return n ? divHalfUp(sum, n) : 0;
}
