import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "prongsai-cli-"));
const env = { ...process.env, DATA_DIR: join(dir, "data"), DATABASE_URL: "" };

function ita(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "bot/cli/main.ts", ...args], { cwd: ROOT, env, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ita CLI on an embedded database", () => {
  it("imports a file, shows the agency, and reports a re-import as no change", () => {
    const imported = ita("import", "test/fixtures/results-sample.csv");
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain("ผลการประเมินใหม่ 2");

    const shown = ita("show", "--agency", "1000001", "--year", "๒๕๖๕");
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain("คะแนนรวม 86.19");
    expect(shown.out).toContain("ระดับ A");
    expect(shown.out).toContain("การใช้ทรัพย์สินของราชการ");

    const again = ita("import", "test/fixtures/results-sample.csv");
    expect(again.code).toBe(0);
    expect(again.out).toContain("ไม่มีการเปลี่ยนแปลง");
  });

  it("refuses a bad file with row and column, exits 1, and writes nothing", () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "agency_code,agency_name,agency_type,province,district,fiscal_year,IIT\n" +
        "2000001,เทศบาลตำบลทดสอบ,ทต.,เลย,ด่านซ้าย,2567,101\n",
    );
    const r = ita("import", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain("แถว 2");
    expect(r.err).toContain("IIT");
    const shown = ita("show", "--agency", "2000001");
    expect(shown.code).toBe(2);
    expect(shown.err).toContain("ไม่พบหน่วยงาน");
  });

  it("prints a six-digit invite code for an agency, and refuses a bad role", () => {
    const r = ita("invite", "--agency", "1000001", "--role", "admin", "--uses", "๒");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/: \d{6}\n/);
    expect(r.out).toContain("เชื่อมต่อ");
    const bad = ita("invite", "--agency", "1000001", "--role", "owner");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--role");
  });

  it("explains its commands when called without one", () => {
    const r = ita();
    expect(r.code).toBe(2);
    expect(r.out).toContain("import FILE");
  });
});
