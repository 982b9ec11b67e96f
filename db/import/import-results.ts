import type { Kysely } from "kysely";
import type { ApplySummary } from "../../core/api/results.ts";
import type { ImportIssue } from "../../core/import/results.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { readFrameworkCatalog } from "../repositories/frameworks.ts";
import { applyResults } from "../repositories/results.ts";
import type { Database } from "../schema.ts";
import type { Actor } from "../scope.ts";
import { readResultsFile } from "./read-results.ts";
import { FILE_LIMITS } from "./read-table.ts";

export type ResultsFileOutcome =
  | { ok: true; rows: number; summary: ApplySummary; notes: ImportIssue[] }
  | { ok: false; errors: ImportIssue[] };

/**
 * A results file, read, validated against the frameworks (the database's unless given) and applied
 * in one transaction; nothing is written on any error.
 */
export async function importResultsFile(
  db: Kysely<Database>,
  bytes: Uint8Array,
  fileName: string,
  actor: Actor,
  options: { frameworks?: FrameworkCatalog } = {},
): Promise<ResultsFileOutcome> {
  const frameworks = options.frameworks ?? (await readFrameworkCatalog(db));
  const validated = await readResultsFile(bytes, fileName, FILE_LIMITS, frameworks);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  const summary = await applyResults(db, validated.rows, actor, "imported", frameworks);
  return { ok: true, rows: validated.rows.length, summary, notes: validated.notes };
}
