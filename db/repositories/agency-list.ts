import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export interface AgencyListRow {
  code: string;
  nameTh: string;
  province: string;
  /** The agency's latest assessed year; null before any result is loaded. */
  fiscalYear: number | null;
  /** The latest total as stored ("86.19"), never a float. */
  total: string | null;
  level: string | null;
}

/**
 * SYSTEM USE ONLY (the server's home page): the first agencies by code with their latest result,
 * so whoever opens the server sees what is loaded. Every agency, no scope.
 */
export async function agenciesWithLatestResult(
  db: Kysely<Database>,
  limit: number,
): Promise<AgencyListRow[]> {
  const rows = await db
    .selectFrom("agencies as g")
    .leftJoin(
      sql<{ agency_id: number; fiscal_year: number; total: string | null; level: string | null }>`(
        select distinct on (agency_id) agency_id, fiscal_year, total::text as total, level
        from assessments order by agency_id, fiscal_year desc)`.as("a"),
      (j) => j.onRef("a.agency_id", "=", "g.id"),
    )
    .select(["g.code", "g.name_th", "g.province", "a.fiscal_year", "a.total", "a.level"])
    .orderBy("g.code")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    nameTh: r.name_th,
    province: r.province,
    fiscalYear: r.fiscal_year,
    total: r.total,
    level: r.level,
  }));
}
