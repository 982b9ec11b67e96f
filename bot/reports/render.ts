// The one entry point for an official report: gather the agency's data (scoped), build the
// document model (core/reports) and render it as DOCX or PDF. Node only (fonts from disk,
// resvg's native binary): the CLI, the Node server's HTTP routes and chat links call this.
import type { Kysely } from "kysely";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { buildAnalysisReport } from "../../core/reports/analysis.ts";
import type { BuildOptions, MemoOptions } from "../../core/reports/data.ts";
import type { Digits, ReportDocument } from "../../core/reports/document.ts";
import { formatter } from "../../core/reports/format.ts";
import { buildProgressReport } from "../../core/reports/progress.ts";
import {
  CONTENT_TYPES,
  type ReportRequestInput,
  reportFilename,
  reportRequestSchema,
} from "../../core/reports/request.ts";
import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import { ValidationError } from "../../db/errors.ts";
import { gatherAnalysisData, gatherProgressData } from "../../db/repositories/reports.ts";
import type { Database } from "../../db/schema.ts";
import type { AgencyScope } from "../../db/scope.ts";
import { fontsForAgency } from "./agency-fonts.ts";
import { renderDocx } from "./docx.ts";
import { bundledFonts, type ReportFonts } from "./fonts.ts";
import { renderPdf } from "./pdf.ts";

export interface RenderOptions extends ReportRequestInput {
  /** The frameworks of the years (the report lists the assessed year's tools and indicators). */
  frameworks: FrameworkCatalog;
  /** The instant the report is made (its date in Bangkok goes on the memo); default now. */
  now?: Date;
  memo?: MemoOptions;
  /** Default the agency's uploaded font (fontsForAgency), else Sarabun; fontsFromFiles() overrides both. */
  fonts?: ReportFonts;
}

export interface RenderedReport {
  bytes: Uint8Array;
  /** ASCII, e.g. "ita-analysis-SEED000-2567.pdf". */
  filename: string;
  contentType: string;
}

/**
 * Renders the agency's analysis report (results of `year`, measures of year + 1) or measures
 * progress report (measures of `year`). Throws ValidationError (Thai message) for a bad request
 * and NotFoundError("assessment", year) when an analysis has no results for the year.
 */
export async function renderReport(
  db: Kysely<Database>,
  scope: AgencyScope,
  options: RenderOptions,
): Promise<RenderedReport> {
  const parsed = reportRequestSchema.safeParse(options);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join("; "));
  const req = parsed.data;
  const build: BuildOptions = {
    digits: req.digits,
    date: bangkokDate(options.now ?? new Date()),
    ...(req.threshold !== undefined ? { threshold: req.threshold } : {}),
    ...(options.memo ? { memo: options.memo } : {}),
  };
  const doc =
    req.kind === "analysis"
      ? buildAnalysisReport(await gatherAnalysisData(db, scope, req.year, options.frameworks), build)
      : buildProgressReport(await gatherProgressData(db, scope, req.year, options.frameworks), build);
  const fonts = options.fonts ?? (await fontsForAgency(db, scope));
  const bytes = await renderDocument(doc, req.format, req.digits, fonts);
  return {
    bytes,
    filename: reportFilename(req.kind, doc.agencyCode, req.year, req.format),
    contentType: CONTENT_TYPES[req.format],
  };
}

/** A built document as file bytes. */
export async function renderDocument(
  doc: ReportDocument,
  format: "docx" | "pdf",
  digits: Digits = "thai",
  fonts?: ReportFonts,
): Promise<Uint8Array> {
  const f = fonts ?? (await bundledFonts());
  const fmt = formatter(digits);
  return format === "docx" ? renderDocx(doc, f, fmt) : renderPdf(doc, f, fmt);
}

/**
 * The type to inject where reports are offered (HTTP, chat): import it with `import type` so a
 * Workers bundle never pulls in pdfkit, resvg or the font files; only bot/node.ts passes the
 * real renderReport.
 */
export type RenderReport = typeof renderReport;
