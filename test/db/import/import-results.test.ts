import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../../core/import/results.ts";
import { formatScore } from "../../../core/ita/score.ts";
import type { DbHandle } from "../../../db/client.ts";
import { importResultsFile } from "../../../db/import/import-results.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { loadAssessment } from "../../../db/repositories/assessments.ts";
import { systemScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

const HEADER =
  "agency_code,agency_name,agency_type,province,district,fiscal_year,total,IIT,EIT,OIT,ind1,ind4";
const utf8 = (text: string) => new TextEncoder().encode(text);
const actor = { label: "test:import" };
let n = 0;
const code = () => `IMP${process.pid}${n++}`;
const row = (c: string, rest: string) => `${c},เทศบาลตำบลทดสอบ,ทต.,เลย,ด่านซ้าย,${rest}`;

describe.each(DIALECTS)("importing results files on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  const snapshot = async () => {
    const r = await sql<{ s: string }>`
      select concat_ws('|', (select count(*) from agencies), (select count(*) from assessments),
        (select count(*) from scores), (select count(*) from audit_log),
        (select coalesce(max(updated_at)::text, '') from assessments)) as s`.execute(h.db);
    return r.rows[0]!.s;
  };

  const rejects = async (bytes: Uint8Array, fileName: string) => {
    const before = await snapshot();
    const outcome = await importResultsFile(h.db, bytes, fileName, actor);
    expect(await snapshot()).toBe(before);
    if (outcome.ok) throw new Error("expected the import to be refused");
    return outcome.errors.map(formatIssue).join("\n");
  };

  it("imports the documented sample and reproduces both published totals", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../fixtures/results-sample.csv", import.meta.url)));
    const outcome = await importResultsFile(h.db, bytes, "results-sample.csv", actor);
    expect(outcome.ok).toBe(true);
    for (const [agencyCode, year, total, level] of [
      ["1000001", 2565, "86.19", "A"],
      ["1000002", 2567, "97.15", "ผ่านดี"],
    ] as const) {
      const agency = await findAgencyByCode(h.db, agencyCode);
      const stored = await loadAssessment(h.db, systemScope(agency!.id), year);
      expect(formatScore(stored!.assessment.total!.value)).toBe(total);
      expect(stored!.assessment.level).toBe(level);
      expect(stored!.assessment.mismatches).toEqual([]);
    }
    expect(await findAgencyByCode(h.db, "1000003")).toMatchObject({ nameTh: "เทศบาลตำบลกุดจิก" });
  });

  it("changes nothing when the same file is imported twice", async () => {
    const c = code();
    const file = utf8(`${HEADER}\n${row(c, "2567,,90.00,91.00,92.00,,")}\n`);
    const first = await importResultsFile(h.db, file, "a.csv", actor);
    expect(first.ok && first.summary.assessmentsCreated).toBe(1);
    const before = await snapshot();
    const second = await importResultsFile(h.db, file, "a.csv", actor);
    expect(second.ok && second.summary).toMatchObject({ assessmentsUnchanged: 1, scoresWritten: 0 });
    expect(await snapshot()).toBe(before);
  });

  it("accepts Thai digits in scores (๙๘.๕ is 98.50)", async () => {
    const c = code();
    const outcome = await importResultsFile(
      h.db,
      utf8(`${HEADER}\n${row(c, "๒๕๖๗,,,,,๙๘.๕,")}\n`),
      "t.csv",
      actor,
    );
    expect(outcome.ok).toBe(true);
    const agency = await findAgencyByCode(h.db, c);
    const stored = await loadAssessment(h.db, systemScope(agency!.id), 2567);
    expect(
      formatScore(stored!.assessment.nodes.find((x) => x.code === "1" && x.kind === "indicator")!.value),
    ).toBe("98.50");
  });

  it("reads 2024 as ค.ศ., stores it as fiscal year 2567, and says so", async () => {
    const c = code();
    const outcome = await importResultsFile(
      h.db,
      utf8(`${HEADER}\n${row(c, "2024,,,,,90,")}\n`),
      "ce.csv",
      actor,
    );
    if (!outcome.ok) throw new Error(outcome.errors.map(formatIssue).join());
    expect(outcome.notes.map(formatIssue).join()).toContain("2567");
    const agency = await findAgencyByCode(h.db, c);
    expect(await loadAssessment(h.db, systemScope(agency!.id), 2567)).toBeDefined();
  });

  it.each([
    ["a score of 101", "2567,,101,,,,", ["แถว 2", "IIT", "101"]],
    ["a score of -1", "2567,,,-1,,,", ["แถว 2", "EIT", "-1"]],
    ["a score that is not a number", "2567,,,,abc,,", ["แถว 2", "OIT", "abc"]],
  ])("refuses %s, naming row and column, and writes nothing", async (_name, rest, expected) => {
    const good = row(code(), "2567,,90,90,90,,");
    const message = await rejects(utf8(`${HEADER}\n${row(code(), rest)}\n${good}\n`), "bad.csv");
    for (const part of expected) expect(message).toContain(part);
  });

  it("refuses a misspelt column and suggests the right one", async () => {
    const message = await rejects(
      utf8(
        `agencycode,agency_name,agency_type,province,district,fiscal_year,IIT\n${row(code(), "2567,90")}\n`,
      ),
      "cols.csv",
    );
    expect(message).toContain("agency_code");
  });

  it("refuses the same agency twice in one year, naming both rows", async () => {
    const c = code();
    const message = await rejects(
      utf8(`${HEADER}\n${row(c, "2567,,90,,,,")}\n${row(c, "2567,,91,,,,")}\n`),
      "dup.csv",
    );
    expect(message).toMatch(/2/);
    expect(message).toMatch(/3/);
  });

  it("refuses an empty file", async () => {
    expect(await rejects(utf8(""), "empty.csv")).toContain("ไฟล์ว่าง");
  });

  it("refuses a 50 MB file with its size", async () => {
    expect(await rejects(new Uint8Array(50 * 1024 * 1024), "big.csv")).toContain("50.0 MB");
  });

  it("imports an Excel file the same way as a CSV", async () => {
    const c = code();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ผล");
    sheet.addRow(HEADER.split(","));
    sheet.addRow([c, "เทศบาลตำบลทดสอบ", "ทต.", "เลย", "ด่านซ้าย", 2567, null, 92.9, 97.59, 100, null, 200 / 3]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const outcome = await importResultsFile(h.db, bytes, "results.xlsx", actor);
    if (!outcome.ok) throw new Error(outcome.errors.map(formatIssue).join());
    const agency = await findAgencyByCode(h.db, c);
    const stored = await loadAssessment(h.db, systemScope(agency!.id), 2567);
    expect(formatScore(stored!.assessment.total!.value)).toBe("97.15");
    expect(agency!.type).toBe("เทศบาลตำบล");
    const ind4 = stored!.assessment.nodes.find((x) => x.kind === "indicator" && x.code === "4")!;
    expect(formatScore(ind4.value)).toBe("66.67");
  });
});
