import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import { loadReportFont } from "../../../db/repositories/report-fonts.ts";
import { systemScope } from "../../../db/scope.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { API_CHANNEL, apiFor, demoAgencyIds } from "./harness.ts";

/** Other weights of the bundled Sarabun stand in for an agency's TH Sarabun New. */
const sarabun = dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/sarabun/package.json"));
const LIGHT = readFileSync(join(sarabun, "300Light", "Sarabun_300Light.ttf"));
const SEMIBOLD = readFileSync(join(sarabun, "600SemiBold", "Sarabun_600SemiBold.ttf"));

describe("report font API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  let laeng: number;
  let demo: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri, laeng, demo } = await demoAgencyIds(w));
  });
  afterAll(async () => {
    await w.close();
  });

  const auth = async (userId: string) => ({
    authorization: `Bearer ${await w.fake.issueIdToken(userId, { channelId: API_CHANNEL })}`,
  });
  const upload = async (userId: string, agencyId: number, files: Record<string, BlobPart | File>) => {
    const form = new FormData();
    for (const [name, content] of Object.entries(files)) {
      form.append(name, content instanceof File ? content : new File([content], `${name}.ttf`));
    }
    const res = await api.request(`/agencies/${agencyId}/report-font`, {
      method: "POST",
      headers: await auth(userId),
      body: form,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const call = async (userId: string, method: string, path: string) => {
    const res = await api.request(path, { method, headers: await auth(userId) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const audits = (agencyId: number) =>
    w.db
      .selectFrom("audit_log")
      .select(["action", "before", "after", "member_id"])
      .where("agency_id", "=", agencyId)
      .where("entity", "=", "report_font")
      .orderBy("id")
      .execute();

  it("stores an admin's regular and bold faces, says so on the reports page and audits sizes, not bytes", async () => {
    const r = await upload(SRI, sri, { regular: LIGHT, bold: SEMIBOLD });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ font: { family: "Sarabun Light", custom: true } });
    const stored = await loadReportFont(w.db, systemScope(sri));
    expect(stored?.family).toBe("Sarabun Light");
    expect(Buffer.from(stored!.regular).equals(LIGHT)).toBe(true);
    expect(Buffer.from(stored!.bold!).equals(SEMIBOLD)).toBe(true);
    const info = await call(SRI, "GET", `/agencies/${sri}/reports`);
    expect(info.json.font).toEqual({ family: "Sarabun Light", custom: true });
    const [audit] = await audits(sri);
    expect(audit).toMatchObject({ action: "report_font.set", before: { family: "Sarabun" } });
    expect(audit!.after).toEqual({
      family: "Sarabun Light",
      regularBytes: LIGHT.length,
      boldBytes: SEMIBOLD.length,
    });
    expect(audit!.member_id).not.toBeNull();
  });

  it("goes back to Sarabun on DELETE, audited", async () => {
    const r = await call(SRI, "DELETE", `/agencies/${sri}/report-font`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ font: { family: "Sarabun", custom: false } });
    expect(await loadReportFont(w.db, systemScope(sri))).toBeUndefined();
    expect((await call(SRI, "GET", `/agencies/${sri}/reports`)).json.font).toEqual({
      family: "Sarabun",
      custom: false,
    });
    expect((await audits(sri)).map((a) => a.action)).toEqual(["report_font.set", "report_font.reset"]);
  });

  it("takes the regular face alone, an empty bold input counting as none", async () => {
    const r = await upload(SRI, sri, { regular: LIGHT, bold: new File([], "") });
    expect(r.status).toBe(200);
    expect((await loadReportFont(w.db, systemScope(sri)))?.bold).toBeNull();
    await call(SRI, "DELETE", `/agencies/${sri}/report-font`);
  });

  it("refuses what is not a TrueType/OpenType face with a Thai message on its field", async () => {
    const before = (await audits(sri)).length;
    const text = await upload(SRI, sri, { regular: "hello, not a font at all" });
    expect(text.status).toBe(400);
    expect((text.json.fields as Record<string, string>).regular).toContain("ไม่ใช่ฟอนต์ TrueType/OpenType");
    const woff = await upload(SRI, sri, { regular: LIGHT, bold: `wOFF${"x".repeat(100)}` });
    expect(woff.status).toBe(400);
    expect(woff.json.fields).toEqual({ bold: "ไฟล์ WOFF ใช้ไม่ได้ กรุณาเลือกไฟล์ .ttf หรือ .otf" });
    const truncated = await upload(SRI, sri, { regular: LIGHT.subarray(0, 4000) });
    expect((truncated.json.fields as Record<string, string>).regular).toContain("ไม่สมบูรณ์");
    const missing = await upload(SRI, sri, { bold: SEMIBOLD });
    expect(missing.status).toBe(400);
    expect((missing.json.fields as Record<string, string>).regular).toContain("กรุณาเลือกไฟล์ฟอนต์ตัวปกติ");
    const big = await upload(SRI, sri, { regular: new Uint8Array(2 * 1024 * 1024 + 1) });
    expect(big.status).toBe(400);
    expect((big.json.fields as Record<string, string>).regular).toBe("ไฟล์ฟอนต์ใหญ่เกิน 2 MB");
    expect(await audits(sri)).toHaveLength(before);
    expect(await loadReportFont(w.db, systemScope(sri))).toBeUndefined();
  });

  it("refuses a body over 5 MB with 413 in Thai", async () => {
    const r = await upload(SRI, sri, {
      regular: new Uint8Array(3 * 1024 * 1024),
      bold: new Uint8Array(3 * 1024 * 1024),
    });
    expect(r.status).toBe(413);
    expect(r.json.error).toContain("ใหญ่เกินไป");
  });

  it("is for the agency's admin only: editors, viewers and other agencies get 403", async () => {
    expect((await upload(EDITOR, demo, { regular: LIGHT })).status).toBe(403);
    expect((await call(EDITOR, "DELETE", `/agencies/${demo}/report-font`)).status).toBe(403);
    expect((await upload(LAENG, laeng, { regular: LIGHT })).status).toBe(403);
    const other = await upload(SRI, demo, { regular: LIGHT });
    expect(other.status).toBe(403);
    expect(other.json.error).toBe("ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้");
    expect(await loadReportFont(w.db, systemScope(demo))).toBeUndefined();
    expect(await loadReportFont(w.db, systemScope(laeng))).toBeUndefined();
  });
});
