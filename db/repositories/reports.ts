// Everything one official report needs, read for one agency (scoped) in a handful of queries.
import { type Kysely, sql } from "kysely";
import type { YearResult } from "../../core/ita/analysis.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import type { AnalysisData, ProgressData, ReportAgency, YearResults } from "../../core/reports/data.ts";
import { NotFoundError } from "../errors.ts";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";
import { findAgencyById } from "./agencies.ts";
import { toScore } from "./assessment-rows.ts";
import { assessmentYears, loadAssessment } from "./assessments.ts";
import { listMeasures } from "./measures.ts";
import { listRecommendationOverrides } from "./recommendations.ts";

async function agencyOf(db: Kysely<Database>, scope: AgencyScope): Promise<ReportAgency> {
  const agency = await findAgencyById(db, scope.agencyId);
  if (!agency) throw new NotFoundError("agency", scope.agencyId);
  return {
    code: agency.code,
    nameTh: agency.nameTh,
    type: agency.type,
    province: agency.province,
    district: agency.district ?? null,
  };
}

/** The analysis of `year`'s results, with the measures planned for year + 1. NotFoundError without results. */
export async function gatherAnalysisData(
  db: Kysely<Database>,
  scope: AgencyScope,
  year: number,
  frameworks: FrameworkCatalog,
): Promise<AnalysisData> {
  const framework = frameworks.get(year);
  if (!framework) throw new NotFoundError("framework", year);
  const [agency, stored, measures, overrides, years] = await Promise.all([
    agencyOf(db, scope),
    loadAssessment(db, scope, year),
    listMeasures(db, scope, { fiscalYear: year + 1 }),
    listRecommendationOverrides(db, scope),
    historyOf(db, scope, year),
  ]);
  if (!stored) throw new NotFoundError("assessment", year);
  const results: YearResults = { assessment: stored.assessment };
  if (stored.reportedRank !== undefined)
    results.rank = { rank: stored.reportedRank, agencyType: stored.agencyType };
  else if (stored.national)
    results.rank = { rank: stored.national.rank, of: stored.national.of, agencyType: stored.agencyType };
  return {
    agency,
    year,
    framework,
    results,
    history: years,
    measures: measures.filter((m) => m.status !== "cancelled"),
    overrides,
  };
}

/** The measures of fiscal `year` and the two latest assessments up to that year. */
export async function gatherProgressData(
  db: Kysely<Database>,
  scope: AgencyScope,
  year: number,
  frameworks: FrameworkCatalog,
): Promise<ProgressData> {
  const [agency, measures, years] = await Promise.all([
    agencyOf(db, scope),
    listMeasures(db, scope, { fiscalYear: year }),
    assessmentYears(db, scope),
  ]);
  const latest = years
    .filter((y) => y <= year && frameworks.get(y))
    .slice(0, 2)
    .reverse();
  const comparison: YearResult[] = [];
  for (const y of latest) {
    const stored = await loadAssessment(db, scope, y);
    if (stored) comparison.push({ framework: frameworks.get(y)!, assessment: stored.assessment });
  }
  return { agency, year, measures, comparison };
}

async function historyOf(db: Kysely<Database>, scope: AgencyScope, year: number) {
  const rows = await db
    .selectFrom("assessments")
    .select(["fiscal_year", sql<string>`total::text`.as("total"), "level"])
    .where("agency_id", "=", scope.agencyId)
    .where("fiscal_year", "<=", year)
    .where("total", "is not", null)
    .orderBy("fiscal_year")
    .execute();
  return rows.map((r) => ({
    year: r.fiscal_year,
    total: toScore(r.total),
    ...(r.level ? { level: r.level } : {}),
  }));
}

/**
 * Agencies that have something to report for a year, by code: for an analysis, results of the
 * year; for a progress report, measures of the year or results of the year or the one before.
 * Across agencies, so for trusted batch jobs only (the CLI), never for a member's request.
 */
export async function agenciesWithReports(
  db: Kysely<Database>,
  kind: "analysis" | "progress",
  year: number,
): Promise<{ id: number; code: string }[]> {
  let q = db.selectFrom("agencies as g").select(["g.id", "g.code"]);
  q =
    kind === "analysis"
      ? q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("assessments as a")
              .select("a.id")
              .whereRef("a.agency_id", "=", "g.id")
              .where("a.fiscal_year", "=", year),
          ),
        )
      : q.where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom("measures as m")
                .select("m.id")
                .whereRef("m.agency_id", "=", "g.id")
                .where("m.fiscal_year", "=", year),
            ),
            eb.exists(
              eb
                .selectFrom("assessments as a")
                .select("a.id")
                .whereRef("a.agency_id", "=", "g.id")
                .where("a.fiscal_year", "in", [year, year - 1]),
            ),
          ]),
        );
  return q.orderBy("g.code").execute();
}
