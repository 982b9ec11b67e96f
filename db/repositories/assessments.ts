import { type Kysely, sql } from "kysely";
import type { Assessment, Mismatch, ScoreNode } from "../../core/ita/assessment.ts";
import type { Score } from "../../core/ita/score.ts";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";
import { toScore } from "./assessment-rows.ts";

export interface Rank {
  rank: number;
  /** Agencies with a total in the same partition. */
  of: number;
}

export interface StoredAssessment {
  assessment: Assessment;
  agencyType: string;
  province: string;
  reportedRank?: number;
  /** Rank by total among agencies of the same type in the same year, nationally. */
  national?: Rank;
  /** The same, within the province. */
  provincial?: Rank;
}

/** Fiscal years with results for the agency, newest first. */
export async function assessmentYears(db: Kysely<Database>, scope: AgencyScope): Promise<number[]> {
  const rows = await db
    .selectFrom("assessments")
    .select("fiscal_year")
    .where("agency_id", "=", scope.agencyId)
    .orderBy("fiscal_year", "desc")
    .execute();
  return rows.map((r) => r.fiscal_year);
}

/** One agency-year at every level, with its national and provincial rank. */
export async function loadAssessment(
  db: Kysely<Database>,
  scope: AgencyScope,
  year: number,
): Promise<StoredAssessment | undefined> {
  const head = await db
    .selectFrom("assessments as a")
    .select([
      "a.id",
      "a.agency_type",
      "a.province",
      sql<string | null>`a.total::text`.as("total"),
      "a.total_source",
      sql<string | null>`a.total_computed::text`.as("total_computed"),
      "a.level",
      "a.reported_rank",
      sql<Mismatch[]>`a.mismatches`.as("mismatches"),
      // Same score, same rank (1, 1, 3), as ITAS publishes; counting the agencies ahead
      // uses the (year, type[, province], total) indexes instead of ranking the whole partition.
      sql<number | null>`case when a.total is null then null else (
        select count(*) + 1 from assessments x
        where x.fiscal_year = a.fiscal_year and x.agency_type = a.agency_type and x.total > a.total) end`.as(
        "national_rank",
      ),
      sql<number>`(select count(*) from assessments x
        where x.fiscal_year = a.fiscal_year and x.agency_type = a.agency_type and x.total is not null)`.as(
        "national_of",
      ),
      sql<number | null>`case when a.total is null then null else (
        select count(*) + 1 from assessments x
        where x.fiscal_year = a.fiscal_year and x.agency_type = a.agency_type
          and x.province = a.province and x.total > a.total) end`.as("provincial_rank"),
      sql<number>`(select count(*) from assessments x
        where x.fiscal_year = a.fiscal_year and x.agency_type = a.agency_type
          and x.province = a.province and x.total is not null)`.as("provincial_of"),
    ])
    .where("a.agency_id", "=", scope.agencyId)
    .where("a.fiscal_year", "=", year)
    .executeTakeFirst();
  if (!head) return undefined;
  const rows = await db
    .selectFrom("scores")
    .select([
      "kind",
      "code",
      sql<string>`value::text`.as("value"),
      "source",
      sql<string | null>`computed::text`.as("computed"),
    ])
    .where("assessment_id", "=", head.id)
    .where("agency_id", "=", scope.agencyId)
    .execute();
  const nodes: ScoreNode[] = rows.map((r) => node(r.kind, r.code, r.value, r.source, r.computed));
  nodes.sort(byFrameworkOrder);
  const assessment: Assessment = { year, nodes, mismatches: head.mismatches };
  if (head.total !== null) {
    const total = node("total", "total", head.total, head.total_source ?? "computed", head.total_computed);
    nodes.push(total);
    assessment.total = total;
  }
  if (head.level !== null) assessment.level = head.level;
  const out: StoredAssessment = { assessment, agencyType: head.agency_type, province: head.province };
  if (head.reported_rank !== null) out.reportedRank = head.reported_rank;
  if (head.national_rank !== null) {
    out.national = { rank: Number(head.national_rank), of: Number(head.national_of) };
    out.provincial = { rank: Number(head.provincial_rank), of: Number(head.provincial_of) };
  }
  return out;
}

export interface RankRow {
  agencyId: number;
  code: string;
  nameTh: string;
  province: string;
  total: Score;
  level: string | null;
  rank: number;
}

/**
 * A published-style rank table: all agencies of a type in a year (optionally one province),
 * ranked with RANK() so equal totals share a rank.
 */
export async function rankTable(
  db: Kysely<Database>,
  year: number,
  agencyType: string,
  options: { province?: string; limit?: number; offset?: number } = {},
): Promise<RankRow[]> {
  let q = db
    .selectFrom("assessments as a")
    .innerJoin("agencies as g", "g.id", "a.agency_id")
    .select([
      "a.agency_id",
      "g.code",
      "g.name_th",
      "a.province",
      sql<string>`a.total::text`.as("total"),
      "a.level",
      sql<number>`rank() over (order by a.total desc)`.as("rank"),
    ])
    .where("a.fiscal_year", "=", year)
    .where("a.agency_type", "=", agencyType)
    .where("a.total", "is not", null);
  if (options.province !== undefined) q = q.where("a.province", "=", options.province);
  const rows = await q
    .orderBy("rank")
    .orderBy("g.code")
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    code: r.code,
    nameTh: r.name_th,
    province: r.province,
    total: toScore(r.total),
    level: r.level,
    rank: Number(r.rank),
  }));
}

function node(kind: string, code: string, value: string, source: string, computed: string | null): ScoreNode {
  const n: ScoreNode = {
    kind: kind as ScoreNode["kind"],
    code,
    value: toScore(value),
    source: source === "computed" ? "computed" : "reported",
  };
  if (computed !== null) n.computed = toScore(computed);
  return n;
}

const KIND_ORDER = ["item", "sub", "indicator", "part", "tool", "total"];

function byFrameworkOrder(a: ScoreNode, b: ScoreNode): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || codeRank(a.code) - codeRank(b.code);
}

function codeRank(code: string): number {
  const tool = ["IIT", "EIT", "EIT1", "EIT2", "OIT"].indexOf(code);
  if (tool >= 0) return tool;
  const m = /^([ieO]?)(\d+)(?:\.(\d+))?$/.exec(code);
  if (!m) return 1e9;
  return "ieO".indexOf(m[1] || "i") * 100000 + Number(m[2]) * 100 + Number(m[3] ?? 0);
}
