import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "prongsai-report-cli-"));
const env = { ...process.env, DATA_DIR: join(dir, "data"), DATABASE_URL: "" };

function ita(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "bot/cli/main.ts", ...args], { cwd: ROOT, env, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  expect(ita("demo").code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ita report", () => {
  it("writes one agency's analysis and progress report to the named files", () => {
    const pdf = join(dir, "analysis.pdf");
    const a = ita(
      "report",
      "analysis",
      "--agency",
      "SEED000",
      "--year",
      "๒๕๖๗",
      "--format",
      "pdf",
      "--out",
      pdf,
    );
    expect(a.code, a.err).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const docx = join(dir, "progress.docx");
    const p = ita(
      "report",
      "progress",
      "--agency",
      "SEED004",
      "--year",
      "2566",
      "--format",
      "docx",
      "--out",
      docx,
      "--date",
      "2023-03-31",
    );
    expect(p.code, p.err).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
  });

  it("writes every agency's report of a year into a folder with --all", () => {
    const out = join(dir, "all");
    const r = ita("report", "progress", "--all", "--year", "2568", "--format", "docx", "--out-dir", out);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out)).toContain("ita-progress-SEED000-2568.docx");
    expect(readdirSync(out).length).toBe(8);
  });

  it("answers in Thai when the agency has no results or the option is wrong", () => {
    const none = ita(
      "report",
      "analysis",
      "--agency",
      "SEED004",
      "--year",
      "2567",
      "--out",
      join(dir, "x.pdf"),
    );
    expect(none.code).toBe(2);
    expect(none.err).toContain("ยังไม่มีผลการประเมินปี 2567");
    const bad = ita(
      "report",
      "analysis",
      "--agency",
      "SEED000",
      "--year",
      "2567",
      "--format",
      "odt",
      "--out",
      "x",
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--format ต้องเป็น docx หรือ pdf");
  });

  it("sets an agency's own recommendation", () => {
    const set = ita(
      "recommendation",
      "--agency",
      "SEED000",
      "--key",
      "indicator:4",
      "--text",
      "ตรวจนับทุกไตรมาส",
    );
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain("บันทึกข้อเสนอแนะ indicator:4");
  });
});
