import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../../../bot/cli/command.ts";
import { runFrameworkCli } from "../../../../bot/cli/commands/framework.ts";
import { runScore } from "../../../../bot/cli/commands/score.ts";
import type { DbHandle } from "../../../../db/client.ts";
import { frameworkDocument, readFrameworkCatalog } from "../../../../db/repositories/frameworks.ts";
import type { Database } from "../../../../db/schema.ts";
import { DIALECTS, openTestDb } from "../../../db/harness.ts";
import { fw } from "../../../fixtures/frameworks.ts";
import { SEED_001_INDICATORS } from "../../../fixtures/seeds.ts";

const SHIPPED_2569_YAML = new URL("../../../../db/frameworks/2569.yaml", import.meta.url);

describe.each(DIALECTS)("ita framework on %s", (dialect) => {
  let h: DbHandle;
  let dir: string;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    dir = await mkdtemp(join(tmpdir(), "ita-framework-cli-"));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const withDb = <T>(fn: (db: Kysely<Database>) => Promise<T>) => fn(h.db);

  /** Runs `ita framework …` and keeps what it printed. */
  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runFrameworkCli(["framework", ...args], withDb, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out, err };
  }

  let fileNo = 0;
  async function file(text: string, ext = "yaml") {
    const path = join(dir, `framework-${fileNo++}.${ext}`);
    await writeFile(path, text, "utf8");
    return path;
  }

  /** Everything an import could touch: each year's stored row, the history and the audit log. */
  const snapshot = async () => ({
    frameworks: await h.db.selectFrom("frameworks").selectAll().orderBy("year").execute(),
    versions: await h.db
      .selectFrom("framework_versions")
      .select(["year", "version"])
      .orderBy("year")
      .orderBy("version")
      .execute(),
    audits: (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(h.db)).rows[0]!.n,
  });

  const exportOf = async (year: number, format?: "json") => {
    const r = await run("export", "--year", String(year), ...(format ? ["--format", format] : []));
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toHaveLength(1);
    return r.out[0]!;
  };

  it("lists the eight shipped years, 2569 as version 1 awaiting confirmation", async () => {
    const r = await run("list");
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(8);
    expect(r.out.map((l) => l.slice(0, 4))).toEqual([
      "2562",
      "2563",
      "2564",
      "2565",
      "2566",
      "2567",
      "2568",
      "2569",
    ]);
    const y2569 = r.out[7]!;
    expect(y2569.startsWith("2569 ฉบับที่ 1 รอยืนยัน · IIT 30 / EIT 30 / OIT 40 · ตัวชี้วัด 10 · ข้อที่มีชื่อ 26")).toBe(
      true,
    );
    expect(y2569).toContain("มากับระบบ migrate:shipped");
    expect(r.out[6]!.startsWith("2568 ฉบับที่ 1 · ")).toBe(true);
    expect(r.out.filter((l) => l.includes("รอยืนยัน"))).toEqual([y2569]);
  });

  it("exports 2569 as the shipped file, byte for byte, and as JSON of the same document", async () => {
    const shipped = await readFile(SHIPPED_2569_YAML, "utf8");
    expect(await exportOf(2569)).toBe(shipped.replace(/\n$/, ""));
    expect(JSON.parse(await exportOf(2569, "json"))).toEqual(fw(2569).document);
  });

  it("says an unchanged import is unchanged and stores nothing", async () => {
    const before = await snapshot();
    for (const text of [await exportOf(2569), await exportOf(2569, "json")]) {
      const r = await run("import", await file(text));
      expect(r.code).toBe(0);
      expect(r.err).toEqual([]);
      expect(r.out).toEqual(["กรอบการประเมินปี 2569 ตรงกับฉบับที่ 1 อยู่แล้ว ไม่มีการเปลี่ยนแปลง (unchanged)"]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("imports 2569's export with only the year changed to 2571 as version 1, scoring the same as 2569", async () => {
    const exported = await exportOf(2569);
    expect(exported.startsWith("year: 2569\n")).toBe(true);
    const path = await file(exported.replace(/^year: 2569$/m, "year: 2571"));
    const r = await run("import", path);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out[0]).toMatch(
      /^นำเข้ากรอบการประเมินปี 2571 เป็นฉบับที่ 1 \(รอยืนยัน\): เครื่องมือ 3, ตัวชี้วัด 10, ข้อที่มีชื่อ 26/,
    );
    expect(r.out).toContain("  + year 2571");

    const catalog = await readFrameworkCatalog(h.db);
    expect(catalog.years).toContain(2571);
    expect(catalog.latest()!.year).toBe(2571);
    expect({ ...catalog.get(2571)!.document, year: 2569 }).toEqual(fw(2569).document);
    const stored = await h.db
      .selectFrom("frameworks")
      .select(["version", "origin", "loaded_by"])
      .where("year", "=", 2571)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ version: 1, origin: "operator", loaded_by: `cli:framework:${path}` });

    const input = JSON.stringify({ indicators: SEED_001_INDICATORS });
    const under2569 = runScore(catalog, 2569, input);
    const under2571 = runScore(catalog, 2571, input);
    expect(under2569.total).not.toBeNull();
    expect(under2571.total).toBe(under2569.total);
    expect(under2571.level).toBe(under2569.level);
    expect({ ...under2571, year: 2569 }).toEqual(under2569);
  });

  it("imports a JSON file", async () => {
    const doc = { ...fw(2569).document, year: 2572, provisional: false };
    const path = await file(JSON.stringify(doc, null, 2), "json");
    const r = await run("import", path);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out[0]).toMatch(/^นำเข้ากรอบการประเมินปี 2572 เป็นฉบับที่ 1: /);
    expect(r.out[0]).not.toContain("รอยืนยัน");
    expect(await frameworkDocument(h.db, 2572)).toEqual(doc);
  });

  it("refuses a file with four mistakes, naming each in Thai and English, and stores nothing", async () => {
    const shipped = await readFile(SHIPPED_2569_YAML, "utf8");
    const broken = shipped
      // The weights: 30 + 30 + 30.
      .replace(/( {4}aliases: \[โอไอที[^\n]*\n {4}weightPercent: )40/, "$130")
      // i1 in indicator 2 as well as indicator 1.
      .replace("items: [i4, i5, i6]", "items: [i4, i5, i6, i1]")
      // ผ่านดี above ผ่านดีเยี่ยม.
      .replace(/( {2}- code: ผ่านดี\n {4}nameTh: ผ่านดี\n {4}minTotal: )85/, "$196")
      // Indicator 10 on a tool the year does not have.
      .replace(/( {2}- no: 10\n {4}nameTh: การป้องกันการทุจริต\n {4}tool: )OIT/, "$1XYZ");
    // Each edit took.
    expect(broken).toContain("weightPercent: 30\nindicators:");
    expect(broken).toContain("items: [i4, i5, i6, i1]");
    expect(broken).toContain("minTotal: 96");
    expect(broken).toContain("tool: XYZ");

    const before = await snapshot();
    const r = await run("import", await file(broken));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toContain("ไม่ได้นำเข้า");
    expect(r.err[0]).toContain("nothing was stored");
    expect(r.err[0]).toContain("4 จุดที่ต้องแก้");
    const problems = r.err.slice(1);
    expect(problems).toHaveLength(4);
    const line = (needle: string) => {
      const found = problems.filter((p) => p.includes(needle));
      expect(found, needle).toHaveLength(1);
      return found[0]!;
    };
    const weights = line("tool weights");
    expect(weights).toContain("น้ำหนักของเครื่องมือรวมกันได้ 90 ต้องรวมเป็น 100");
    expect(weights).toContain("tool weights add up to 90; they must add up to 100");
    const twice = line("item i1");
    expect(twice).toContain("ข้อ i1 อยู่ทั้งในตัวชี้วัดที่ 1 และในตัวชี้วัดที่ 2");
    expect(twice).toContain("item i1 is in both indicator 1 and indicator 2");
    const order = line("out of order");
    expect(order).toContain("ระดับ ผ่านดี (ตั้งแต่ 96) อยู่ผิดลำดับ");
    expect(order).toContain("level ผ่านดี (from 96) is out of order");
    const tool = line("XYZ");
    expect(tool).toContain("ตัวชี้วัดที่ 10 อ้างถึงเครื่องมือ XYZ ซึ่งไม่มีใน tools");
    expect(tool).toContain("indicator 10 names tool XYZ, which is not in tools (known: IIT, EIT, OIT)");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file that is not YAML, saying on which line", async () => {
    const before = await snapshot();
    const r = await run("import", await file("year: 2569\nprovisional: true\npassMark: 85: 90\n"));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toContain("ไม่ได้นำเข้า");
    expect(r.err.slice(1).join("\n")).toContain("YAML");
    expect(await snapshot()).toEqual(before);
    // The line the parser stopped at (the third: "passMark: 85: 90").
    expect(r.err.slice(1).join("\n")).toContain("บรรทัด 3:");
    expect(r.err.slice(1).join("\n")).toContain("line 3:");
  });

  it("refuses a file that is not there with a UsageError", async () => {
    await expect(run("import", join(dir, "missing.yaml"))).rejects.toThrow(UsageError);
  });

  it("lists 2569's history as version 1 from the shipped file", async () => {
    const r = await run("history", "--year", "2569");
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
    expect(r.out[0]).toMatch(/^ฉบับที่ 1 \d{4}-\d{2}-\d{2}T[\d:.]+Z migrate:shipped \(shipped\)$/);
    expect(r.out[1]).toBe("  + year 2569");
    expect((await run("history", "--year", "2561")).out).toEqual(["ไม่มีกรอบการประเมินปี 2561"]);
  });

  it("throws a UsageError for an unknown action, a missing year or file, and an unknown format", async () => {
    await expect(run("frobnicate")).rejects.toThrow(UsageError);
    await expect(run()).rejects.toThrow(UsageError);
    await expect(run("export")).rejects.toThrow(UsageError);
    await expect(run("history", "--year", "next")).rejects.toThrow(UsageError);
    await expect(run("import")).rejects.toThrow(UsageError);
    await expect(run("export", "--year", "2569", "--format", "csv")).rejects.toThrow(UsageError);
    await expect(run("export", "--year", "2561")).rejects.toThrow(UsageError);
  });
});
