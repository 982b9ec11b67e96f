import type { Kysely } from "kysely";
import type { ChangeKind, ResultChange } from "../../core/api/results.ts";
import type { ScoreInput } from "../../core/ita/assessment.ts";
import { formatScore, type Score } from "../../core/ita/score.ts";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";
import type { Agency } from "./agencies.ts";
import { loadAssessment } from "./assessments.ts";
import type { ResultsRecord } from "./results.ts";

const GROUPS: [keyof ScoreInput, ChangeKind][] = [
  ["tools", "tool"],
  ["parts", "part"],
  ["indicators", "indicator"],
  ["subIndicators", "sub"],
  ["items", "item"],
];

const AGENCY_FIELDS = ["nameTh", "type", "province", "district"] as const;

/**
 * What applying `records` to the scope's agency would change, reported figure by reported figure,
 * against what is stored for that agency (every record must be of that agency). Reads only.
 */
export async function previewResults(
  db: Kysely<Database>,
  scope: AgencyScope,
  agency: Agency,
  records: readonly ResultsRecord[],
): Promise<ResultChange[]> {
  const changes: ResultChange[] = [];
  const sorted = [...records].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  if (first) {
    for (const field of AGENCY_FIELDS) {
      if (first.agency[field] !== agency[field]) {
        changes.push({
          year: first.year,
          kind: "agency",
          code: field,
          from: agency[field],
          to: first.agency[field],
        });
      }
    }
  }
  for (const record of sorted) {
    const stored = await loadAssessment(db, scope, record.year);
    const now = new Map<string, string>();
    for (const n of stored?.assessment.nodes ?? []) now.set(`${n.kind}:${n.code}`, formatScore(n.value));
    const add = (kind: ChangeKind, code: string, to: string) => {
      const from = now.get(`${kind}:${code}`) ?? null;
      if (from !== to) changes.push({ year: record.year, kind, code, from, to });
    };
    const { scores } = record;
    if (scores.total !== undefined) add("total", "total", formatScore(scores.total));
    if (scores.level !== undefined) {
      const from = stored?.assessment.level ?? null;
      if (from !== scores.level)
        changes.push({ year: record.year, kind: "level", code: "level", from, to: scores.level });
    }
    if (scores.rank !== undefined) {
      const from = stored?.reportedRank === undefined ? null : String(stored.reportedRank);
      const to = String(scores.rank);
      if (from !== to) changes.push({ year: record.year, kind: "rank", code: "rank", from, to });
    }
    for (const [key, kind] of GROUPS) {
      const values = scores[key] as Record<string, Score> | undefined;
      for (const [code, value] of Object.entries(values ?? {})) add(kind, code, formatScore(value));
    }
  }
  return changes;
}
