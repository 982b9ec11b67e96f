// The PDFs as a reader sees them: rasterised by poppler's pdftoppm (Debian poppler-utils, which
// CI installs with Chromium). The first page of each is kept in test-artifacts/reports/.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../bot/reports/render.ts";
import type { DbHandle } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { systemScope } from "../../db/scope.ts";
import { openTestDb } from "../db/harness.ts";
import { pdfPages } from "../fixtures/documents.ts";
import { DEMO_NOW, SHIPPED } from "../fixtures/frameworks.ts";

const ARTIFACTS = join(process.cwd(), "test-artifacts", "reports");

describe("report PDFs rendered by pdftoppm", () => {
  let h: DbHandle;
  let dir: string;
  beforeAll(async () => {
    h = await openTestDb("pglite");
    await loadDemoData(h.db, { now: DEMO_NOW });
    dir = mkdtempSync(join(tmpdir(), "prongsai-reports-"));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["SEED000", "analysis", 2567],
    ["SEED004", "progress", 2566],
  ] as const)("%s's %s report of %i renders every page", async (code, kind, year) => {
    const agency = await findAgencyByCode(h.db, code);
    const report = await renderReport(h.db, systemScope(agency!.id), {
      frameworks: SHIPPED,
      kind,
      year,
      format: "pdf",
      now: new Date("2023-03-31T03:00:00Z"),
    });
    const pdf = join(dir, report.filename);
    writeFileSync(pdf, report.bytes);
    const prefix = join(dir, `${kind}-${code}`);
    execFileSync("pdftoppm", ["-r", "40", "-png", pdf, prefix]);
    const pngs = readdirSync(dir).filter((f) => f.startsWith(`${kind}-${code}-`) && f.endsWith(".png"));
    expect(pngs.length).toBe(pdfPages(report.bytes));
    expect(pngs.length).toBeGreaterThanOrEqual(kind === "analysis" ? 6 : 3);
    const first = join(dir, `first-${kind}-${code}`);
    execFileSync("pdftoppm", ["-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, first]);
    // A blank page compresses to almost nothing; a page of Thai text does not.
    expect(statSync(`${first}.png`).size).toBeGreaterThan(20_000);
    copyFileSync(`${first}.png`, join(ARTIFACTS, `${kind}-${code}-${year}-page1.png`));
  });
});
