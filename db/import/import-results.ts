import type { Kysely } from "kysely";
import { type ImportIssue, validateResultsTable } from "../../core/import/results.ts";
import { type ApplySummary, applyResults } from "../repositories/results.ts";
import type { Database } from "../schema.ts";
import type { Actor } from "../scope.ts";
import { readTable } from "./read-table.ts";

export type ResultsFileOutcome =
  | { ok: true; rows: number; summary: ApplySummary; notes: ImportIssue[] }
  | { ok: false; errors: ImportIssue[] };

/** A results file, read, validated and applied in one transaction; nothing is written on any error. */
export async function importResultsFile(
  db: Kysely<Database>,
  bytes: Uint8Array,
  fileName: string,
  actor: Actor,
): Promise<ResultsFileOutcome> {
  const read = await readTable(bytes, fileName);
  if (!read.ok) return { ok: false, errors: [read.issue] };
  const validated = validateResultsTable(read.table);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  const summary = await applyResults(db, validated.rows, actor, "imported");
  return { ok: true, rows: validated.rows.length, summary, notes: validated.notes };
}
