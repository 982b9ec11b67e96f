import { readFile } from "node:fs/promises";
import type { Kysely } from "kysely";
import { formatIssue } from "../../core/import/results.ts";
import { FRAMEWORK_YEARS } from "../../core/ita/frameworks/index.ts";
import { importResultsFile } from "../import/import-results.ts";
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

export interface DemoOutcome {
  loaded: boolean;
  agencies: number;
}

/**
 * Loads the agencies of the shared seed reports with their published scores (through the
 * real import path), plus a few generated agencies, into an empty database.
 */
export async function loadDemoData(db: Kysely<Database>): Promise<DemoOutcome> {
  const existing = await db
    .selectFrom("agencies")
    .select(db.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) return { loaded: false, agencies: Number(existing?.n) };
  const bytes = new Uint8Array(await readFile(SEED_FILE));
  const seeded = await importResultsFile(db, bytes, "seed-results.csv", { label: "demo:seed-results.csv" });
  if (!seeded.ok) throw new Error(`demo seed file is invalid:\n${seeded.errors.map(formatIssue).join("\n")}`);
  const agencies = demoAgencies();
  for (const { records } of generateNational(agencies, FRAMEWORK_YEARS, 11)) {
    await applyResults(db, records, { label: "demo:generated" }, "imported");
  }
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
  await loadDemoMeasures(db);
  return { loaded: true, agencies: 3 + agencies.length };
}
