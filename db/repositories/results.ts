import type { Kysely, Transaction } from "kysely";
import type { ApplySummary } from "../../core/api/results.ts";
import type { AgencyRecord } from "../../core/import/results.ts";
import type { ScoreInput } from "../../core/ita/assessment.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { scoreAssessment } from "../../core/ita/scoring.ts";
import { type Change, recordChange } from "../audit.ts";
import type { Database, ScoreSourceColumn } from "../schema.ts";
import type { Actor } from "../scope.ts";
import {
  type AssessmentRow,
  assessmentDiffers,
  CHUNK,
  differs,
  loadStoredAssessments,
  type ScoreRow,
  upsertAssessments,
  upsertScores,
} from "./assessment-rows.ts";
import {
  changedOnly,
  isEmpty,
  mergeInput,
  reportedOf,
  reportedOfInput,
  toAssessmentRow,
  toScoreRows,
} from "./reported-figures.ts";

// Applying ITA results (an import, the LIFF results form, the demo) to the agencies, assessments
// and scores: one transaction, only what changes written and audited.

export interface ResultsRecord {
  agency: AgencyRecord;
  year: number;
  scores: ScoreInput;
}

/** Records scored per round: one round's scores are written while the next is scored. */
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
    const existing = await loadStoredAssessments(
      trx,
      [...new Set(records.map((r) => agencyIds.get(r.agency.code)!))],
      [...new Set(records.map((r) => r.year))],
    );

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
