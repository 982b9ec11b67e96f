// Every agency's report of one kind and year, written to a folder: what the CLI's --all and the
// benchmark run. One agency at a time: the PDF layout is CPU-bound in this thread, and PGlite
// answers in it too, so parallel promises would only interleave the same work.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { agenciesWithReports } from "../../db/repositories/reports.ts";
import type { Database } from "../../db/schema.ts";
import { systemScope } from "../../db/scope.ts";
import type { ReportFonts } from "./fonts.ts";
import { type RenderOptions, renderReport } from "./render.ts";

export interface BatchOptions extends Omit<RenderOptions, "fonts"> {
  outDir: string;
  fonts?: ReportFonts;
  /** At most this many agencies (the benchmark's sample); default all. */
  limit?: number;
  onStart?: (total: number) => void;
  onReport?: (done: number, code: string, ms: number) => void;
}

export interface BatchOutcome {
  written: number;
  failed: { code: string; error: string }[];
  /** Milliseconds per report, in the order written. */
  times: number[];
  bytes: number;
}

export async function renderAll(db: Kysely<Database>, options: BatchOptions): Promise<BatchOutcome> {
  const { outDir, limit, onStart, onReport, ...render } = options;
  await mkdir(outDir, { recursive: true });
  const year = Number(render.year);
  let agencies = await agenciesWithReports(db, render.kind, year);
  if (limit !== undefined) agencies = agencies.slice(0, limit);
  onStart?.(agencies.length);
  const outcome: BatchOutcome = { written: 0, failed: [], times: [], bytes: 0 };
  for (const [i, agency] of agencies.entries()) {
    const t0 = performance.now();
    try {
      const report = await renderReport(db, systemScope(agency.id), render);
      await writeFile(join(outDir, report.filename), report.bytes);
      outcome.written++;
      outcome.bytes += report.bytes.length;
    } catch (error) {
      outcome.failed.push({
        code: agency.code,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    const ms = performance.now() - t0;
    outcome.times.push(ms);
    onReport?.(i + 1, agency.code, ms);
  }
  return outcome;
}
