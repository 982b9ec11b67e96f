import { type Kysely, sql, type Transaction } from "kysely";
import type { AgencyRecord } from "../../core/import/results.ts";
import type { Assessment, ScoreInput } from "../../core/ita/assessment.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { formatScore, parseScore, type Score } from "../../core/ita/score.ts";
import { scoreAssessment } from "../../core/ita/scoring.ts";
import { type Change, recordChange } from "../audit.ts";
import type { Database, ScoreKindColumn, ScoreSourceColumn } from "../schema.ts";
import type { Actor } from "../scope.ts";

export interface ResultsRecord {
  agency: AgencyRecord;
  year: number;
  scores: ScoreInput;
}

export interface ApplySummary {
  agenciesCreated: number;
  agenciesUpdated: number;
  assessmentsCreated: number;
  assessmentsChanged: number;
  assessmentsUnchanged: number;
  scoresWritten: number;
  mismatches: number;
}

/** The reported inputs that produce a row's scores; what the audit log records. */
type Reported = Record<string, string>;

interface StoredScore {
  value: string;
  source: ScoreSourceColumn;
  computed: string | null;
}

interface ExistingAssessment {
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

const CHUNK = 2000;
const SCORE_CHUNK = 20000;
const BATCH = 1000;

/**
 * Writes ITA results for many agency-years in one transaction: agencies are created or
 * updated, reported figures are merged with what is stored (an unknown cell keeps the stored
 * value), everything missing is computed with the official rule, and only what changed is
 * written and audited, so applying the same file twice changes nothing.
 */
export async function applyResults(
  db: Kysely<Database>,
  records: readonly ResultsRecord[],
  actor: Actor,
  source: Exclude<ScoreSourceColumn, "computed">,
  frameworks: FrameworkCatalog,
): Promise<ApplySummary> {
  return db.transaction().execute(async (trx) => {
    const summary: ApplySummary = {
      agenciesCreated: 0,
      agenciesUpdated: 0,
      assessmentsCreated: 0,
      assessmentsChanged: 0,
      assessmentsUnchanged: 0,
      scoresWritten: 0,
      mismatches: 0,
    };
    const audit: Change[] = [];
    const agencyIds = await upsertAgencies(trx, records, summary, audit);
    const existing = await loadExisting(trx, records, agencyIds);

    // Records go in batches: while one batch's scores are being written, the next is computed.
    let writing: Promise<void> = Promise.resolve();
    for (let start = 0; start < records.length; start += BATCH) {
      const assessmentRows: AssessmentRow[] = [];
      const pendingScores: { key: string; agencyId: number; rows: ScoreRow[] }[] = [];
      for (const record of records.slice(start, start + BATCH)) {
        const framework = frameworks.get(record.year);
        if (!framework) throw new Error(`no ITA framework for ${record.year}`);
        const agencyId = agencyIds.get(record.agency.code)!;
        const key = `${agencyId}:${record.year}`;
        const before = existing.get(key);
        // A row with no figures only registers the agency.
        if (!before && isEmpty(record.scores)) continue;
        const input = mergeInput(before, record.scores);
        const assessment = scoreAssessment(framework, input);
        summary.mismatches += assessment.mismatches.length;
        const row = toAssessmentRow(agencyId, record, assessment, input, source, before);
        const scoreRows = toScoreRows(assessment, source, before);
        const changedScores = scoreRows.filter((r) => differs(before?.scores.get(`${r.kind}:${r.code}`), r));
        const assessmentChanged = !before || assessmentDiffers(before, row);
        if (!assessmentChanged && changedScores.length === 0) {
          summary.assessmentsUnchanged++;
          continue;
        }
        if (before) summary.assessmentsChanged++;
        else summary.assessmentsCreated++;
        assessmentRows.push(row);
        pendingScores.push({ key, agencyId, rows: changedScores });
        const beforeReported = before ? reportedOf(before) : undefined;
        const afterReported = reportedOfInput(input);
        audit.push({
          agencyId,
          action: before ? "assessment.update" : "assessment.create",
          entity: "assessment",
          entityId: `${record.agency.code}/${record.year}`,
          before: beforeReported && changedOnly(beforeReported, afterReported),
          after: beforeReported ? changedOnly(afterReported, beforeReported) : afterReported,
        });
      }
      await writing;
      const ids = await upsertAssessments(trx, assessmentRows);
      const scoreRows: (ScoreRow & { assessmentId: number; agencyId: number })[] = [];
      for (const p of pendingScores) {
        const assessmentId = ids.get(p.key)!;
        for (const r of p.rows) scoreRows.push({ ...r, assessmentId, agencyId: p.agencyId });
      }
      summary.scoresWritten += scoreRows.length;
      writing = upsertScores(trx, scoreRows);
      // Handled here, rethrown by the await above or below: a failed write aborts the transaction.
      writing.catch(() => {});
    }
    await writing;
    await recordChange(trx, actor, audit);
    return summary;
  });
}

async function upsertAgencies(
  trx: Transaction<Database>,
  records: readonly ResultsRecord[],
  summary: ApplySummary,
  audit: Change[],
): Promise<Map<string, number>> {
  const wanted = new Map<string, AgencyRecord>();
  for (const r of records) wanted.set(r.agency.code, r.agency);
  const codes = [...wanted.keys()];
  const ids = new Map<string, number>();
  const toCreate: AgencyRecord[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await trx
      .selectFrom("agencies")
      .selectAll()
      .where("code", "in", codes.slice(i, i + CHUNK))
      .execute();
    const found = new Map(rows.map((r) => [r.code, r]));
    for (const code of codes.slice(i, i + CHUNK)) {
      const want = wanted.get(code)!;
      const row = found.get(code);
      if (!row) {
        toCreate.push(want);
        continue;
      }
      ids.set(code, row.id);
      const before = {
        nameTh: row.name_th,
        type: row.agency_type,
        province: row.province,
        district: row.district,
      };
      const after = {
        nameTh: want.nameTh,
        type: want.type,
        province: want.province,
        district: want.district,
      };
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      await trx
        .updateTable("agencies")
        .set({
          name_th: want.nameTh,
          agency_type: want.type,
          province: want.province,
          district: want.district,
          updated_at: new Date(),
        })
        .where("id", "=", row.id)
        .execute();
      summary.agenciesUpdated++;
      audit.push({
        agencyId: row.id,
        action: "agency.update",
        entity: "agency",
        entityId: code,
        before,
        after,
      });
    }
  }
  for (let i = 0; i < toCreate.length; i += CHUNK) {
    const created = await trx
      .insertInto("agencies")
      .values(
        toCreate.slice(i, i + CHUNK).map((a) => ({
          code: a.code,
          name_th: a.nameTh,
          agency_type: a.type,
          province: a.province,
          district: a.district,
        })),
      )
      .returning(["id", "code"])
      .execute();
    for (const c of created) {
      ids.set(c.code, c.id);
      const a = wanted.get(c.code)!;
      audit.push({ agencyId: c.id, action: "agency.create", entity: "agency", entityId: c.code, after: a });
    }
    summary.agenciesCreated += created.length;
  }
  return ids;
}

async function loadExisting(
  trx: Transaction<Database>,
  records: readonly ResultsRecord[],
  agencyIds: Map<string, number>,
): Promise<Map<string, ExistingAssessment>> {
  const ids = [...new Set(records.map((r) => agencyIds.get(r.agency.code)!))];
  const years = [...new Set(records.map((r) => r.year))];
  const out = new Map<string, ExistingAssessment>();
  const byId = new Map<number, ExistingAssessment>();
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
      const e: ExistingAssessment = {
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

const INPUT_KEYS: Record<ScoreKindColumn, keyof ScoreInput> = {
  item: "items",
  sub: "subIndicators",
  indicator: "indicators",
  part: "parts",
  tool: "tools",
};

function mergeInput(before: ExistingAssessment | undefined, incoming: ScoreInput): ScoreInput {
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

interface AssessmentRow {
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

function toAssessmentRow(
  agencyId: number,
  record: ResultsRecord,
  assessment: Assessment,
  input: ScoreInput,
  source: ScoreSourceColumn,
  before: ExistingAssessment | undefined,
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

function assessmentDiffers(before: ExistingAssessment, row: AssessmentRow): boolean {
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

interface ScoreRow {
  kind: ScoreKindColumn;
  code: string;
  value: string;
  source: ScoreSourceColumn;
  computed: string | null;
}

function toScoreRows(
  assessment: Assessment,
  source: ScoreSourceColumn,
  before?: ExistingAssessment,
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

function differs(stored: StoredScore | undefined, row: ScoreRow): boolean {
  return (
    !stored || stored.value !== row.value || stored.source !== row.source || stored.computed !== row.computed
  );
}

async function upsertAssessments(
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

async function upsertScores(
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

function reportedOf(e: ExistingAssessment): Reported {
  const out: Reported = {};
  for (const [k, s] of e.scores) if (s.source !== "computed") out[k] = s.value;
  if (e.total !== null && e.totalSource !== "computed") out.total = e.total;
  if (e.levelReported !== null) out.level = e.levelReported;
  if (e.reportedRank !== null) out.rank = String(e.reportedRank);
  return out;
}

function reportedOfInput(input: ScoreInput): Reported {
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

function changedOnly(a: Reported, b: Reported): Reported {
  const out: Reported = {};
  for (const [k, v] of Object.entries(a)) if (b[k] !== v) out[k] = v;
  return out;
}

function isEmpty(input: ScoreInput): boolean {
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
