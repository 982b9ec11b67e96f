import { readFile } from "node:fs/promises";
import type { Kysely } from "kysely";
import { typicalCalendar } from "../../core/calendar/typical.ts";
import { formatIssue } from "../../core/import/results.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { bangkokDate, fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { importResultsFile } from "../import/import-results.ts";
import { readFrameworkCatalog } from "../repositories/frameworks.ts";
import { applyResults } from "../repositories/results.ts";
import type { Database } from "../schema.ts";
import { type GeneratedAgency, generateAgencies, generateNational } from "./generate.ts";
import { loadDemoMeasures } from "./measures.ts";
import { DEMO_USERS } from "./users.ts";

const SEED_FILE = new URL("./seed-results.csv", import.meta.url);

/** Fictional neighbours of the seed agencies, so ranks and year-over-year answers have company. */
function demoAgencies(): GeneratedAgency[] {
  const places: [string, string, string][] = [
    ["เทศบาลตำบล", "เลย", "ด่านซ้าย"],
    ["เทศบาลตำบล", "เลย", "เชียงคาน"],
    ["เทศบาลตำบล", "เลย", "วังสะพุง"],
    ["องค์การบริหารส่วนตำบล", "ลำปาง", "เมืองลำปาง"],
    ["องค์การบริหารส่วนตำบล", "ลำปาง", "ห้างฉัตร"],
    ["เทศบาลตำบล", "นครราชสีมา", "สูงเนิน"],
    ["เทศบาลเมือง", "นครราชสีมา", "ปากช่อง"],
  ];
  return generateAgencies(places.length, 42, "DEMO").map((a, i) => {
    const [type, province, district] = places[i]!;
    const prefix = type === "เทศบาลเมือง" ? "เทศบาลเมือง" : type;
    const place = a.nameTh.replace(
      /^(องค์การบริหารส่วนตำบล|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|องค์การบริหารส่วนจังหวัด|กรม)/,
      "",
    );
    return { ...a, type, province, district, nameTh: `${prefix}${place} (ตัวอย่าง)` };
  });
}

/** How many years of results the generated agencies have, up to the latest announced one. */
export const DEMO_RESULT_YEARS = 7;

/**
 * The newest fiscal year whose results are out at `now`: this fiscal year once its results date
 * (mid-August, the usual calendar) has passed, else the one before.
 */
export function latestAnnouncedYear(now: Date): number {
  const current = fiscalYearAt(now);
  const results = typicalCalendar(current).find((m) => m.key === "results")!;
  return bangkokDate(now) >= results.dueOn ? current : current - 1;
}

export interface DemoOutcome {
  loaded: boolean;
  agencies: number;
}

export interface DemoOptions {
  /** The demo lives in the fiscal year of this instant (results, measures, calendar). */
  now: Date;
  frameworks?: FrameworkCatalog;
}

/**
 * The demo: the agencies of the shared seed reports with their published scores (through the real
 * import path), and generated agencies marked "(ตัวอย่าง)" with results for the years up to the
 * latest announced before `now`; then the measures and the calendar of `now`'s fiscal year.
 * On an empty database it loads everything; on a demo database it adds only what a later date
 * needs (a newly announced year, a new fiscal year's plan and calendar), so `npm start` shows a
 * live cycle on any date. A database that is not a demo (agencies but no demo ones) is left alone.
 */
export async function loadDemoData(db: Kysely<Database>, options: DemoOptions): Promise<DemoOutcome> {
  const frameworks = options.frameworks ?? (await readFrameworkCatalog(db));
  const agencies = demoAgencies();
  const existing = await db.selectFrom("agencies").select(["code"]).execute();
  const codes = new Set(existing.map((a) => a.code));
  const empty = existing.length === 0;
  if (!empty && !codes.has(agencies[0]!.code)) return { loaded: false, agencies: existing.length };

  if (empty) {
    const bytes = new Uint8Array(await readFile(SEED_FILE));
    const seeded = await importResultsFile(
      db,
      bytes,
      "seed-results.csv",
      { label: "demo:seed-results.csv" },
      {
        frameworks,
      },
    );
    if (!seeded.ok)
      throw new Error(`demo seed file is invalid:\n${seeded.errors.map(formatIssue).join("\n")}`);
  }

  // Generated results for every year up to the latest announced that the system has a framework
  // for and the demo agencies do not have yet.
  const latest = latestAnnouncedYear(options.now);
  const wanted = frameworks.years.filter((y) => y <= latest).slice(-DEMO_RESULT_YEARS);
  const have = new Set(
    (
      await db
        .selectFrom("assessments as a")
        .innerJoin("agencies as g", "g.id", "a.agency_id")
        .select("a.fiscal_year")
        .where("g.code", "=", agencies[0]!.code)
        .execute()
    ).map((r) => r.fiscal_year),
  );
  const missing = wanted.filter((y) => !have.has(y));
  for (const { records } of generateNational(agencies, frameworks, missing, 11)) {
    await applyResults(db, records, { label: "demo:generated" }, "imported", frameworks);
  }

  if (empty) {
    for (const user of DEMO_USERS) {
      if (!user.agencyCode || !user.role) continue;
      const agency = await db
        .selectFrom("agencies")
        .select("id")
        .where("code", "=", user.agencyCode)
        .executeTakeFirstOrThrow();
      await db
        .insertInto("members")
        .values({
          agency_id: agency.id,
          line_user_id: user.lineUserId,
          display_name: user.displayName,
          role: user.role,
        })
        .execute();
    }
  }
  const measures = await loadDemoMeasures(db, options.now);
  const changed = empty || missing.length > 0 || measures.measures > 0 || measures.milestones > 0;
  return { loaded: changed, agencies: empty ? 3 + agencies.length : existing.length };
}
