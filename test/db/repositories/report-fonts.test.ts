import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { ForbiddenError, ValidationError } from "../../../db/errors.ts";
import {
  loadReportFont,
  removeReportFont,
  reportFontInfo,
  saveReportFont,
} from "../../../db/repositories/report-fonts.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

const sarabun = dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/sarabun/package.json"));
const LIGHT = new Uint8Array(readFileSync(join(sarabun, "300Light", "Sarabun_300Light.ttf")));
const SEMIBOLD = new Uint8Array(readFileSync(join(sarabun, "600SemiBold", "Sarabun_600SemiBold.ttf")));
const ACTOR = { label: "test" };

describe.each(DIALECTS)("report fonts on %s", (dialect) => {
  let h: DbHandle;
  let a: number;
  let b: number;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const rows = await h.db
      .insertInto("agencies")
      .values(
        ["A1", "B1"].map((code) => ({
          code,
          name_th: `เทศบาลตำบล ${code}`,
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        })),
      )
      .returning("id")
      .execute();
    [a, b] = rows.map((r) => r.id) as [number, number];
  });
  afterAll(async () => {
    await h.close();
  });

  const admin = () => ({ agencyId: a, role: "admin" as const });
  const audits = () =>
    h.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity", "=", "report_font")
      .orderBy("id")
      .execute();

  it("keeps the files byte for byte per agency and describes them without bytes", async () => {
    const info = await saveReportFont(h.db, admin(), ACTOR, { regular: LIGHT, bold: SEMIBOLD });
    expect(info).toMatchObject({
      family: "Sarabun Light",
      regularBytes: LIGHT.length,
      boldBytes: SEMIBOLD.length,
    });
    const files = await loadReportFont(h.db, admin());
    expect(files?.family).toBe("Sarabun Light");
    expect(Buffer.from(files!.regular).equals(Buffer.from(LIGHT))).toBe(true);
    expect(Buffer.from(files!.bold!).equals(Buffer.from(SEMIBOLD))).toBe(true);
    expect(await reportFontInfo(h.db, admin())).toMatchObject({
      family: "Sarabun Light",
      regularBytes: LIGHT.length,
      boldBytes: SEMIBOLD.length,
    });
    expect(await loadReportFont(h.db, { agencyId: b, role: "admin" })).toBeUndefined();
  });

  it("replaces the font on a second upload and audits both with family and sizes", async () => {
    await saveReportFont(h.db, admin(), ACTOR, { regular: SEMIBOLD });
    expect(await reportFontInfo(h.db, admin())).toMatchObject({
      family: "Sarabun SemiBold",
      boldBytes: null,
    });
    const rows = await audits();
    expect(rows.map((r) => r.action)).toEqual(["report_font.set", "report_font.set"]);
    expect(rows[1]!.before).toEqual({
      family: "Sarabun Light",
      regularBytes: LIGHT.length,
      boldBytes: SEMIBOLD.length,
    });
    expect(rows[1]!.after).toEqual({
      family: "Sarabun SemiBold",
      regularBytes: SEMIBOLD.length,
      boldBytes: null,
    });
  });

  it("goes back to Sarabun, audited once; removing again changes nothing", async () => {
    expect(await removeReportFont(h.db, admin(), ACTOR)).toBe(true);
    expect(await removeReportFont(h.db, admin(), ACTOR)).toBe(false);
    expect(await reportFontInfo(h.db, admin())).toBeUndefined();
    expect((await audits()).map((r) => r.action)).toEqual([
      "report_font.set",
      "report_font.set",
      "report_font.reset",
    ]);
  });

  it("refuses a non-admin and a file that is not a font", async () => {
    await expect(
      saveReportFont(h.db, { agencyId: a, role: "editor" }, ACTOR, { regular: LIGHT }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeReportFont(h.db, { agencyId: a, role: "viewer" }, ACTOR)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      saveReportFont(h.db, admin(), ACTOR, { regular: new TextEncoder().encode("not a font") }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      saveReportFont(h.db, admin(), ACTOR, { regular: LIGHT, bold: LIGHT.subarray(0, 100) }),
    ).rejects.toThrow("ไม่สมบูรณ์");
    expect(await reportFontInfo(h.db, admin())).toBeUndefined();
  });
});
