import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fontsForAgency } from "../../../bot/reports/agency-fonts.ts";
import { bundledFonts } from "../../../bot/reports/fonts.ts";
import { renderReport } from "../../../bot/reports/render.ts";
import type { DbHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../db/demo/load.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { removeReportFont, saveReportFont } from "../../../db/repositories/report-fonts.ts";
import { type AgencyScope, systemScope } from "../../../db/scope.ts";
import { openTestDb } from "../../db/harness.ts";
import { DEMO_NOW, SHIPPED } from "../../fixtures/frameworks.ts";

const sarabun = dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/sarabun/package.json"));
const LIGHT = new Uint8Array(readFileSync(join(sarabun, "300Light", "Sarabun_300Light.ttf")));
const SEMIBOLD = new Uint8Array(readFileSync(join(sarabun, "600SemiBold", "Sarabun_600SemiBold.ttf")));
const ACTOR = { label: "test" };

/** The PostScript names of the faces a pdfkit file embeds (subset prefix dropped). */
const pdfFonts = (bytes: Uint8Array) =>
  [
    ...new Set(
      [
        ...Buffer.from(bytes)
          .toString("latin1")
          .matchAll(/\/BaseFont \/[A-Z]{6}\+([^\s/]+)/g),
      ].map((m) => m[1]),
    ),
  ].sort();
/** The families a DOCX's font table names and how many font files it embeds. */
function docxFonts(bytes: Uint8Array): { names: string[]; embedded: number } {
  const files = unzipSync(bytes);
  const table = new TextDecoder().decode(files["word/fontTable.xml"]);
  return {
    names: [...table.matchAll(/<w:font w:name="([^"]+)"/g)].map((m) => m[1]!),
    embedded: Object.keys(files).filter((f) => f.startsWith("word/fonts/")).length,
  };
}

describe("an agency's uploaded report font", () => {
  let h: DbHandle;
  let scope: AgencyScope;
  let other: AgencyScope;
  beforeAll(async () => {
    h = await openTestDb("pglite");
    await loadDemoData(h.db, { now: DEMO_NOW });
    scope = systemScope((await findAgencyByCode(h.db, "SEED000"))!.id);
    other = systemScope((await findAgencyByCode(h.db, "SEED001"))!.id);
    await saveReportFont(h.db, scope, ACTOR, { regular: LIGHT, bold: SEMIBOLD });
  });
  afterAll(async () => {
    await h.close();
  });

  it("is what fontsForAgency gives, written to disk for the chart; others keep Sarabun", async () => {
    const fonts = await fontsForAgency(h.db, scope);
    expect(fonts.family).toBe("Sarabun Light");
    expect(Buffer.from(readFileSync(fonts.regular.path)).equals(Buffer.from(LIGHT))).toBe(true);
    expect(Buffer.from(readFileSync(fonts.bold.path)).equals(Buffer.from(SEMIBOLD))).toBe(true);
    expect(await fontsForAgency(h.db, other)).toBe(await bundledFonts());
  });

  it("is embedded in the agency's PDF and named and embedded in its DOCX", async () => {
    const pdf = await renderReport(h.db, scope, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: 2567,
      format: "pdf",
    });
    expect(pdfFonts(pdf.bytes)).toEqual(["Sarabun-Light", "Sarabun-SemiBold"]);
    const docx = await renderReport(h.db, scope, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: 2567,
      format: "docx",
    });
    const fonts = docxFonts(docx.bytes);
    expect(fonts.names).toContain("Sarabun Light");
    expect(fonts.names).not.toContain("Sarabun");
    expect(fonts.embedded).toBe(2);
  });

  it("gives way to fonts passed explicitly (the CLI's --font), and to Sarabun once removed", async () => {
    const forced = await renderReport(h.db, scope, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: 2567,
      format: "pdf",
      fonts: await bundledFonts(),
    });
    expect(pdfFonts(forced.bytes)).toEqual(["Sarabun-Bold", "Sarabun-Regular"]);
    await removeReportFont(h.db, scope, ACTOR);
    const back = await renderReport(h.db, scope, {
      frameworks: SHIPPED,
      kind: "analysis",
      year: 2567,
      format: "pdf",
    });
    expect(pdfFonts(back.bytes)).toEqual(["Sarabun-Bold", "Sarabun-Regular"]);
  });
});
