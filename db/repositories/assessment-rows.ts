import { sql, type Transaction } from "kysely";
import { parseScore, type Score } from "../../core/ita/score.ts";
import type { Database, ScoreKindColumn, ScoreSourceColumn } from "../schema.ts";

// Assessments and their scores as stored (tables assessments and scores), for applying results
// in bulk: what is there for many agency-years, how a new row differs from it, and writing rows.

/** Ids per `in (...)` list and rows per insert: well below PostgreSQL's 65,535 parameters. */
export const CHUNK = 2000;
const SCORE_CHUNK = 20000;

export interface StoredScore {
  value: string;
  source: ScoreSourceColumn;
  computed: string | null;
}

/** An assessment as stored: numerics as PostgreSQL writes them, scores by "kind:code". */
export interface StoredAssessment {
  id: number;
  agencyType: string;
  province: string;
  total: string | null;
  totalSource: ScoreSourceColumn | null;
  totalComputed: string | null;
  level: string | null;
  levelReported: string | null;
  reportedRank: number | null;
  mismatches: string;
  scores: Map<string, StoredScore>;
}

/** An assessments row to write. */
export interface AssessmentRow {
  agency_id: number;
  fiscal_year: number;
  agency_type: string;
  province: string;
  total: string | null;
  total_source: ScoreSourceColumn | null;
  total_computed: string | null;
  level: string | null;
  level_reported: string | null;
  reported_rank: number | null;
  mismatches: string;
}

/** A scores row to write, but for its assessment and agency. */
export interface ScoreRow {
  kind: ScoreKindColumn;
  code: string;
  value: string;
  source: ScoreSourceColumn;
  computed: string | null;
}

/** The stored assessments of these agencies in these years, by "agencyId:year", with their scores. */
export async function loadStoredAssessments(
  trx: Transaction<Database>,
  ids: readonly number[],
  years: readonly number[],
): Promise<Map<string, StoredAssessment>> {
  const out = new Map<string, StoredAssessment>();
  const byId = new Map<number, StoredAssessment>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await trx
      .selectFrom("assessments")
      .select([
        "id",
        "agency_id",
        "fiscal_year",
        "agency_type",
        "province",
        sql<string | null>`total::text`.as("total"),
        "total_source",
        sql<string | null>`total_computed::text`.as("total_computed"),
        "level",
        "level_reported",
        "reported_rank",
        sql<string>`mismatches::text`.as("mismatches"),
      ])
      .where("agency_id", "in", ids.slice(i, i + CHUNK))
      .where("fiscal_year", "in", years)
      .execute();
    for (const r of rows) {
      const e: StoredAssessment = {
        id: r.id,
        agencyType: r.agency_type,
        province: r.province,
        total: r.total,
        totalSource: r.total_source,
        totalComputed: r.total_computed,
        level: r.level,
        levelReported: r.level_reported,
        reportedRank: r.reported_rank,
        mismatches: r.mismatches,
        scores: new Map(),
      };
      out.set(`${r.agency_id}:${r.fiscal_year}`, e);
      byId.set(r.id, e);
    }
  }
  const assessmentIds = [...byId.keys()];
  for (let i = 0; i < assessmentIds.length; i += CHUNK) {
    const rows = await trx
      .selectFrom("scores")
      .select([
        "assessment_id",
        "kind",
        "code",
        sql<string>`value::text`.as("value"),
        "source",
        sql<string | null>`computed::text`.as("computed"),
      ])
      .where("assessment_id", "in", assessmentIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      byId.get(r.assessment_id)!.scores.set(`${r.kind}:${r.code}`, {
        value: r.value,
        source: r.source,
        computed: r.computed,
      });
    }
  }
  return out;
}

/** Inserts or replaces assessment rows; their ids by "agencyId:year". */
export async function upsertAssessments(
  trx: Transaction<Database>,
  rows: AssessmentRow[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const saved = await trx
      .insertInto("assessments")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(["agency_id", "fiscal_year"]).doUpdateSet((eb) => ({
          agency_type: eb.ref("excluded.agency_type"),
          province: eb.ref("excluded.province"),
          total: eb.ref("excluded.total"),
          total_source: eb.ref("excluded.total_source"),
          total_computed: eb.ref("excluded.total_computed"),
          level: eb.ref("excluded.level"),
          level_reported: eb.ref("excluded.level_reported"),
          reported_rank: eb.ref("excluded.reported_rank"),
          mismatches: eb.ref("excluded.mismatches"),
          updated_at: sql`now()`,
        })),
      )
      .returning(["id", "agency_id", "fiscal_year"])
      .execute();
    for (const s of saved) ids.set(`${s.agency_id}:${s.fiscal_year}`, s.id);
  }
  return ids;
}

/** Inserts or replaces score rows. */
export async function upsertScores(
  trx: Transaction<Database>,
  rows: (ScoreRow & { assessmentId: number; agencyId: number })[],
): Promise<void> {
  // unnest() sends one array per column: a chunk of 20,000 rows is 7 parameters.
  for (let i = 0; i < rows.length; i += SCORE_CHUNK) {
    const chunk = rows.slice(i, i + SCORE_CHUNK);
    await sql`
      insert into scores (assessment_id, agency_id, kind, code, value, source, computed)
      select * from unnest(
        ${chunk.map((r) => r.assessmentId)}::int[], ${chunk.map((r) => r.agencyId)}::int[],
        ${chunk.map((r) => r.kind)}::text[], ${chunk.map((r) => r.code)}::text[],
        ${chunk.map((r) => r.value)}::numeric[], ${chunk.map((r) => r.source)}::text[],
        ${chunk.map((r) => r.computed)}::numeric[])
      on conflict (assessment_id, kind, code) do update
        set value = excluded.value, source = excluded.source, computed = excluded.computed
    `.execute(trx);
  }
}

/** Whether writing the row would change the stored assessment. */
export function assessmentDiffers(before: StoredAssessment, row: AssessmentRow): boolean {
  return (
    before.agencyType !== row.agency_type ||
    before.province !== row.province ||
    before.total !== row.total ||
    before.totalSource !== row.total_source ||
    before.totalComputed !== row.total_computed ||
    before.level !== row.level ||
    before.levelReported !== row.level_reported ||
    before.reportedRank !== row.reported_rank ||
    mismatchKey(before.mismatches) !== mismatchKey(row.mismatches)
  );
}

/** Whether writing the row would change the stored score. */
export function differs(stored: StoredScore | undefined, row: ScoreRow): boolean {
  return (
    !stored || stored.value !== row.value || stored.source !== row.source || stored.computed !== row.computed
  );
}

/** A stored numeric as a Score; stored values always are one. */
export function toScore(text: string): Score {
  const parsed = parseScore(text);
  if (!parsed.ok) throw new Error(`stored score is not a score: ${text}`);
  return parsed.value;
}

/** jsonb reorders keys, so compare mismatches by their fields, not their text. */
function mismatchKey(json: string): string {
  const list = JSON.parse(json) as { kind: string; code: string; reported: string; computed: string }[];
  return list.map((m) => `${m.kind}|${m.code}|${m.reported}|${m.computed}`).join(";");
}
