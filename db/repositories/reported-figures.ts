import type { AgencyRecord } from "../../core/import/results.ts";
import type { Assessment, ScoreInput } from "../../core/ita/assessment.ts";
import { formatScore, type Score } from "../../core/ita/score.ts";
import type { ScoreKindColumn, ScoreSourceColumn } from "../schema.ts";
import { type AssessmentRow, type ScoreRow, type StoredAssessment, toScore } from "./assessment-rows.ts";

// What an agency reported, merged with what is stored: an unknown cell keeps the stored figure, a
// reported figure keeps its source while its value stays; and the reported figures the audit log
// compares.

/** The reported inputs that produce a row's scores; what the audit log records. */
export type Reported = Record<string, string>;

const INPUT_KEYS: Record<ScoreKindColumn, keyof ScoreInput> = {
  item: "items",
  sub: "subIndicators",
  indicator: "indicators",
  part: "parts",
  tool: "tools",
};

/** The figures to score: the stored reported ones, overridden by the incoming ones. */
export function mergeInput(before: StoredAssessment | undefined, incoming: ScoreInput): ScoreInput {
  const input: ScoreInput = {};
  const put = (kind: ScoreKindColumn, code: string, value: Score) => {
    const key = INPUT_KEYS[kind] as "items";
    input[key] ??= {};
    input[key]![code] = value;
  };
  if (before) {
    for (const [k, s] of before.scores) {
      if (s.source === "computed") continue;
      const [kind, code] = split(k);
      put(kind as ScoreKindColumn, code, toScore(s.value));
    }
    if (before.total !== null && before.totalSource !== "computed") input.total = toScore(before.total);
    if (before.levelReported !== null) input.level = before.levelReported;
    if (before.reportedRank !== null) input.rank = before.reportedRank;
  }
  for (const [kind, key] of Object.entries(INPUT_KEYS)) {
    const values = incoming[key] as Record<string, Score> | undefined;
    for (const [code, value] of Object.entries(values ?? {})) put(kind as ScoreKindColumn, code, value);
  }
  if (incoming.total !== undefined) input.total = incoming.total;
  if (incoming.level !== undefined) input.level = incoming.level;
  if (incoming.rank !== undefined) input.rank = incoming.rank;
  return input;
}

/** The assessment row of a scored record. */
export function toAssessmentRow(
  agencyId: number,
  record: { agency: AgencyRecord; year: number },
  assessment: Assessment,
  input: ScoreInput,
  source: ScoreSourceColumn,
  before: StoredAssessment | undefined,
): AssessmentRow {
  const total = assessment.total;
  return {
    agency_id: agencyId,
    fiscal_year: record.year,
    agency_type: record.agency.type,
    province: record.agency.province,
    total: total ? formatScore(total.value) : null,
    total_source: total
      ? sourceOf(total.source, source, before?.totalSource, before?.total, total.value)
      : null,
    total_computed: total?.computed !== undefined ? formatScore(total.computed) : null,
    level: assessment.level ?? null,
    level_reported: input.level ?? null,
    reported_rank: input.rank ?? null,
    mismatches: JSON.stringify(assessment.mismatches),
  };
}

/** A reported figure keeps its stored source when the value did not change. */
function sourceOf(
  nodeSource: "reported" | "computed",
  incoming: ScoreSourceColumn,
  beforeSource: ScoreSourceColumn | null | undefined,
  beforeValue: string | null | undefined,
  value: Score,
): ScoreSourceColumn {
  if (nodeSource === "computed") return "computed";
  if (beforeSource && beforeSource !== "computed" && beforeValue === formatScore(value)) return beforeSource;
  return incoming;
}

/** The score rows of a scored assessment (all but its total, which is on the assessment row). */
export function toScoreRows(
  assessment: Assessment,
  source: ScoreSourceColumn,
  before?: StoredAssessment,
): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const n of assessment.nodes) {
    if (n.kind === "total") continue;
    const stored = before?.scores.get(`${n.kind}:${n.code}`);
    rows.push({
      kind: n.kind,
      code: n.code,
      value: formatScore(n.value),
      source: sourceOf(n.source, source, stored?.source, stored?.value, n.value),
      computed: n.computed !== undefined ? formatScore(n.computed) : null,
    });
  }
  return rows;
}

/** The reported figures of a stored assessment. */
export function reportedOf(e: StoredAssessment): Reported {
  const out: Reported = {};
  for (const [k, s] of e.scores) if (s.source !== "computed") out[k] = s.value;
  if (e.total !== null && e.totalSource !== "computed") out.total = e.total;
  if (e.levelReported !== null) out.level = e.levelReported;
  if (e.reportedRank !== null) out.rank = String(e.reportedRank);
  return out;
}

/** The reported figures of merged input. */
export function reportedOfInput(input: ScoreInput): Reported {
  const out: Reported = {};
  for (const [kind, key] of Object.entries(INPUT_KEYS)) {
    for (const [code, v] of Object.entries((input[key] as Record<string, Score>) ?? {})) {
      out[`${kind}:${code}`] = formatScore(v);
    }
  }
  if (input.total !== undefined) out.total = formatScore(input.total);
  if (input.level !== undefined) out.level = input.level;
  if (input.rank !== undefined) out.rank = String(input.rank);
  return out;
}

/** The figures of a that b does not have with the same value. */
export function changedOnly(a: Reported, b: Reported): Reported {
  const out: Reported = {};
  for (const [k, v] of Object.entries(a)) if (b[k] !== v) out[k] = v;
  return out;
}

/** A record without a single figure. */
export function isEmpty(input: ScoreInput): boolean {
  const maps = Object.values(INPUT_KEYS).map((k) => input[k] as Record<string, Score> | undefined);
  return (
    maps.every((m) => !m || Object.keys(m).length === 0) &&
    input.total === undefined &&
    input.level === undefined &&
    input.rank === undefined
  );
}

function split(key: string): [string, string] {
  const i = key.indexOf(":");
  return [key.slice(0, i), key.slice(i + 1)];
}
