import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import type { ScoreInput } from "../core/ita/assessment.ts";
import { frameworkCatalog } from "../core/ita/catalog.ts";
import { formatScore } from "../core/ita/score.ts";
import { createDb, type DbHandle } from "../db/client.ts";
import { generateAgencies, generateNational } from "../db/demo/generate.ts";
import { shippedFrameworks } from "../db/frameworks/shipped.ts";
import { importResultsFile } from "../db/import/import-results.ts";
import { migrate } from "../db/migrate.ts";
import { findAgencyByCode } from "../db/repositories/agencies.ts";
import { loadAssessment, rankTable } from "../db/repositories/assessments.ts";
import type { ResultsRecord } from "../db/repositories/results.ts";
import type { Database } from "../db/schema.ts";
import { systemScope } from "../db/scope.ts";
import { fmt, median, percentile, timeIt } from "./stats.ts";

const FIXED = ["agency_code", "agency_name", "agency_type", "province", "district", "fiscal_year"];

/** One ITAS-style export per year, in the documented wide format. */
function toCsv(records: ResultsRecord[]): string {
  const columns = new Set<string>();
  const flat = records.map((r) => {
    const s: ScoreInput = r.scores;
    const cells: Record<string, string> = {
      agency_code: r.agency.code,
      agency_name: r.agency.nameTh,
      agency_type: r.agency.type,
      province: r.agency.province,
      district: r.agency.district,
      fiscal_year: String(r.year),
    };
    if (s.total !== undefined) cells.total = formatScore(s.total);
    if (s.level !== undefined) cells.level = s.level;
    for (const [k, v] of Object.entries(s.tools ?? {})) cells[k] = formatScore(v);
    for (const [k, v] of Object.entries(s.parts ?? {})) cells[k] = formatScore(v);
    for (const [k, v] of Object.entries(s.indicators ?? {})) cells[`ind${k}`] = formatScore(v);
    for (const [k, v] of Object.entries(s.items ?? {})) cells[k] = formatScore(v);
    for (const k of Object.keys(cells)) columns.add(k);
    return cells;
  });
  const header = [...FIXED, ...[...columns].filter((c) => !FIXED.includes(c))];
  const lines = [header.join(",")];
  for (const cells of flat) lines.push(header.map((h) => cells[h] ?? "").join(","));
  return `${lines.join("\n")}\n`;
}

interface Figures {
  db: string;
  importMs: number;
  rows: number;
  scoreRows: number;
  nationalRankMs: number;
  provincialRankMs: number;
  lookupMedianMs: number;
  lookupP95Ms: number;
}

async function openBenchDb(kind: "pglite" | "pg"): Promise<DbHandle & { drop?: () => Promise<void> }> {
  if (kind === "pglite") return createDb({});
  const base = new URL(process.env.DATABASE_URL!);
  const admin = await createDb({ databaseUrl: base.toString(), maxConnections: 1 });
  await sql.raw("drop database if exists prongsai_bench").execute(admin.db);
  await sql.raw("create database prongsai_bench").execute(admin.db);
  const url = new URL(base);
  url.pathname = "/prongsai_bench";
  const handle = await createDb({ databaseUrl: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await sql.raw("drop database if exists prongsai_bench").execute(admin.db);
      await admin.close();
    },
  };
}

async function measure(
  kind: "pglite" | "pg",
  files: { year: number; path: string }[],
  codes: string[],
  lookups: number,
): Promise<Figures> {
  const handle = await openBenchDb(kind);
  const db: Kysely<Database> = handle.db;
  try {
    await migrate(db);
    let importMs = 0;
    let rows = 0;
    for (const f of files) {
      const bytes = new Uint8Array(await readFile(f.path));
      const { ms, value } = await timeIt(() =>
        importResultsFile(db, bytes, `${f.year}.csv`, { label: "bench" }),
      );
      if (!value.ok)
        throw new Error(`bench file ${f.year} refused: ${JSON.stringify(value.errors.slice(0, 3))}`);
      importMs += ms;
      rows += value.rows;
      process.stdout.write(`  ${kind}: ${f.year} imported in ${fmt(ms)}\n`);
    }
    if (kind === "pg") await sql`analyze`.execute(db);
    const scoreRows = Number(
      (await sql<{ n: number }>`select count(*)::int as n from scores`.execute(db)).rows[0]!.n,
    );
    const year = files[files.length - 1]!.year;
    const type = "องค์การบริหารส่วนตำบล";
    await rankTable(db, year, type, { limit: 100 });
    const nationalRuns: number[] = [];
    const provincialRuns: number[] = [];
    for (let i = 0; i < 20; i++) {
      nationalRuns.push((await timeIt(() => rankTable(db, year, type, { limit: 100 }))).ms);
      provincialRuns.push(
        (await timeIt(() => rankTable(db, year, type, { province: "เลย", limit: 100 }))).ms,
      );
    }
    const ids: number[] = [];
    for (const code of codes.slice(0, lookups)) ids.push((await findAgencyByCode(db, code))!.id);
    await loadAssessment(db, systemScope(ids[0]!), year);
    const lookupRuns: number[] = [];
    for (const id of ids) {
      const { ms, value } = await timeIt(() => loadAssessment(db, systemScope(id), year));
      if (!value?.national) throw new Error("look-up returned no rank");
      lookupRuns.push(ms);
    }
    return {
      db: kind,
      importMs,
      rows,
      scoreRows,
      nationalRankMs: median(nationalRuns),
      provincialRankMs: median(provincialRuns),
      lookupMedianMs: median(lookupRuns),
      lookupP95Ms: percentile(lookupRuns, 95),
    };
  } finally {
    await handle.close();
  }
}

export async function runScaleBench(args: string[]): Promise<void> {
  const frameworks = frameworkCatalog(shippedFrameworks());
  const { values } = parseArgs({
    args,
    options: {
      agencies: { type: "string", default: "8300" },
      years: { type: "string", default: String(frameworks.years.length) },
      db: { type: "string" },
      lookups: { type: "string", default: "200" },
    },
  });
  const count = Number(values.agencies);
  const years = frameworks.years.slice(-Number(values.years));
  const dbs = (values.db ?? (process.env.DATABASE_URL ? "pglite,pg" : "pglite")).split(",") as (
    | "pglite"
    | "pg"
  )[];
  console.log(
    `scale: ${count} agencies × ${years.length} fiscal years (${years.join(", ")}), databases: ${dbs.join(", ")}`,
  );

  const dir = await mkdtemp(join(tmpdir(), "prongsai-scale-"));
  try {
    const agencies = generateAgencies(count);
    const files: { year: number; path: string }[] = [];
    let bytes = 0;
    const gen = await timeIt(async () => {
      for (const { year, records } of generateNational(agencies, frameworks, years)) {
        const csv = toCsv(records);
        bytes += Buffer.byteLength(csv);
        const path = join(dir, `${year}.csv`);
        await writeFile(path, csv);
        files.push({ year, path });
      }
    });
    console.log(
      `generated ${files.length} CSV files, ${(bytes / 1024 / 1024).toFixed(1)} MB, in ${fmt(gen.ms)}`,
    );
    const lookups = Math.min(Number(values.lookups), count);
    const step = Math.max(1, Math.floor(count / lookups));
    const codes = agencies.filter((_, i) => i % step === 0).map((a) => a.code);

    const results: Figures[] = [];
    for (const kind of dbs) results.push(await measure(kind, files, codes, lookups));

    console.log(
      "\n| database | import (all years) | rows | score rows | national rank top 100 | provincial rank | one agency look-up median | p95 |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const r of results) {
      console.log(
        `| ${r.db} | ${fmt(r.importMs)} | ${r.rows} | ${r.scoreRows} | ${fmt(r.nationalRankMs)} | ${fmt(r.provincialRankMs)} | ${fmt(r.lookupMedianMs)} | ${fmt(r.lookupP95Ms)} |`,
      );
    }
    const pg = results.find((r) => r.db === "pg");
    const lite = results.find((r) => r.db === "pglite");
    if (pg && lite) {
      console.log(
        `\nratios PGlite/PostgreSQL (same run): import ${(lite.importMs / pg.importMs).toFixed(2)}×, national rank ${(lite.nationalRankMs / pg.nationalRankMs).toFixed(2)}×, provincial rank ${(lite.provincialRankMs / pg.provincialRankMs).toFixed(2)}×, look-up ${(lite.lookupMedianMs / pg.lookupMedianMs).toFixed(2)}×`,
      );
    }
    if (pg) {
      console.log(
        `targets on PostgreSQL: import < 60 s → ${(pg.importMs / 1000).toFixed(1)} s ${pg.importMs < 60000 ? "met" : "MISSED"}; look-up median < 10 ms → ${pg.lookupMedianMs.toFixed(2)} ms ${pg.lookupMedianMs < 10 ? "met" : "MISSED"}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
