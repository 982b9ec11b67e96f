import { type ResultsImport, validateResultsTable } from "../../core/import/results.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { readTable, type TableLimits } from "./read-table.ts";

/** A results file read (within `limits`) and checked against the frameworks: rows, or what to fix. */
export async function readResultsFile(
  bytes: Uint8Array,
  fileName: string,
  limits: TableLimits,
  frameworks: FrameworkCatalog,
): Promise<ResultsImport> {
  const read = await readTable(bytes, fileName, limits);
  if (!read.ok) return { ok: false, errors: [read.issue] };
  return validateResultsTable(read.table, { frameworks });
}

/** readResultsFile, or a runtime's way of running it (Node: in a worker thread, bot/import/). */
export type ReadResults = typeof readResultsFile;
