import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworkAtOrBefore } from "../../../bot/api/frameworks.ts";
import type { apiApp } from "../../../bot/api/index.ts";
import type { FrameworkSummary } from "../../../core/api/frameworks.ts";
import { frameworkCatalog } from "../../../core/ita/catalog.ts";
import { saveFramework } from "../../../db/repositories/frameworks.ts";
import { fw, SHIPPED } from "../../fixtures/frameworks.ts";
import { EDITOR_DEMO as EDITOR, NEWCOMER, openWorld, ADMIN_SRISONGRAK as SRI, type World } from "../world.ts";
import { apiCaller, apiFor } from "./harness.ts";

describe("frameworkAtOrBefore", () => {
  it("gives the asked year's framework when there is one", () => {
    expect(frameworkAtOrBefore(SHIPPED, 2565)?.year).toBe(2565);
    expect(frameworkAtOrBefore(SHIPPED, 2569)?.year).toBe(2569);
    expect(frameworkAtOrBefore(SHIPPED, 2562)?.year).toBe(2562);
  });

  it("gives the newest before a year the NACC has not published", () => {
    expect(SHIPPED.get(2570)).toBeUndefined();
    expect(frameworkAtOrBefore(SHIPPED, 2570)?.year).toBe(2569);
    expect(frameworkAtOrBefore(SHIPPED, 2600)?.year).toBe(2569);
  });

  it("gives the oldest for a year before every framework, and nothing from an empty catalog", () => {
    expect(frameworkAtOrBefore(SHIPPED, 2555)?.year).toBe(2562);
    expect(frameworkAtOrBefore(frameworkCatalog([]), 2570)).toBeUndefined();
  });

  it("fills a gap between two years with the earlier one", () => {
    const gappy = frameworkCatalog([fw(2563).document, fw(2567).document]);
    expect(frameworkAtOrBefore(gappy, 2565)?.year).toBe(2563);
    expect(frameworkAtOrBefore(gappy, 2567)?.year).toBe(2567);
  });
});

describe("framework API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
  });
  afterAll(async () => {
    await w.close();
  });

  const call = (userId: string, path: string) =>
    apiCaller<FrameworkSummary & { error?: string }>(w, api)(userId, "GET", path);

  it("answers this fiscal year (2570, none shipped) with 2569, its provisional label, tools and indicators", async () => {
    const r = await call(SRI, "/framework");
    expect(r.status).toBe(200);
    expect(r.json.year).toBe(2569);
    expect(r.json.provisional).toBe("กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)");
    expect(r.json.tools.map((t) => t.code)).toEqual(["IIT", "EIT", "OIT"]);
    expect(r.json.tools.reduce((sum, t) => sum + t.weightPercent, 0)).toBe(100);
    expect(r.json.indicators).toHaveLength(10);
    expect(r.json.indicators.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.json.indicators[8]).toEqual({ no: 9, nameTh: "การเปิดเผยข้อมูล", tool: "OIT" });
    expect(r.json).toEqual({
      year: 2569,
      provisional: "กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)",
      tools: fw(2569).tools.map((t) => ({ code: t.code, nameTh: t.nameTh, weightPercent: t.weightPercent })),
      indicators: fw(2569).indicators.map((i) => ({ no: i.no, nameTh: i.nameTh, tool: i.tool })),
    });
    // Asking for 2570 by name is the same answer.
    expect((await call(SRI, "/framework?year=2570")).json).toEqual(r.json);
  });

  it("answers a published year with that year and no provisional label", async () => {
    const r = await call(EDITOR, "/framework?year=2565");
    expect(r.status).toBe(200);
    expect(r.json.year).toBe(2565);
    expect(r.json.provisional).toBeNull();
    expect(r.json.indicators).toHaveLength(fw(2565).indicators.length);
  });

  it("answers a year before every framework with the oldest", async () => {
    const r = await call(SRI, "/framework?year=2555");
    expect(r.status).toBe(200);
    expect(r.json.year).toBe(2562);
  });

  it("answers anyone signed in, member or not, and refuses a year that is not พ.ศ.", async () => {
    expect((await call(NEWCOMER, "/framework")).json.year).toBe(2569);
    for (const year of ["2026", "2701", "ปีนี้", "2569.5"]) {
      expect((await call(SRI, `/framework?year=${year}`)).status, year).toBe(400);
    }
  });

  // Last: it stores a 2570 framework in this file's world.
  it("answers this year with 2570 as soon as an operator loads it", async () => {
    const doc = { ...fw(2569).document, year: 2570 };
    const saved = await saveFramework(w.db, doc, { label: "cli:framework:2570.yaml" }, "operator");
    expect(saved).toMatchObject({ year: 2570, changed: true });
    const r = await call(SRI, "/framework");
    expect(r.status).toBe(200);
    expect(r.json.year).toBe(2570);
    expect(r.json.provisional).toBe("กรอบการประเมินปี ๒๕๗๐ (รอยืนยันจาก ป.ป.ช.)");
    expect(r.json.indicators).toHaveLength(10);
    // The years before keep their own.
    expect((await call(SRI, "/framework?year=2569")).json.year).toBe(2569);
  });
});
