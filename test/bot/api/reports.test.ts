import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import {
  VIEWER_BANLAENG as LAENG,
  NOW,
  openWorld,
  REPORT_LINKER,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { apiCaller, apiFor, demoAgencyIds } from "./harness.ts";

describe("reports API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  let laeng: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri, laeng } = await demoAgencyIds(w));
  });
  afterAll(async () => {
    await w.close();
  });

  const call = (userId: string, method: string, path: string, body?: unknown) =>
    apiCaller(w, api)(userId, method, path, body);

  it("lists the years each report can be made for", async () => {
    const r = await call(SRI, "GET", `/agencies/${sri}/reports`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      canDownload: true,
      analysisYears: [2567],
      progressYears: [2570],
      font: { family: "Sarabun", custom: false },
    });
  });

  it("signs a link to the asked report of the caller's agency, Thai digits in the year accepted", async () => {
    const r = await call(SRI, "POST", `/agencies/${sri}/reports/links`, {
      kind: "analysis",
      year: "๒๕๖๗",
      format: "docx",
    });
    expect(r.status).toBe(200);
    const token = String(r.json.url).replace("https://prongsai.test/r/", "");
    expect(await REPORT_LINKER.read(token, NOW)).toEqual({
      agencyId: sri,
      kind: "analysis",
      year: 2567,
      format: "docx",
    });
    expect(r.json.validMinutes).toBe(15);
  });

  it("carries the choice of Arabic digits in the link", async () => {
    const r = await call(SRI, "POST", `/agencies/${sri}/reports/links`, {
      kind: "progress",
      year: 2568,
      format: "pdf",
      digits: "arabic",
    });
    const token = String(r.json.url).replace("https://prongsai.test/r/", "");
    expect(await REPORT_LINKER.read(token, NOW)).toMatchObject({ kind: "progress", digits: "arabic" });
  });

  it("answers a bad request with Thai messages per field", async () => {
    const r = await call(SRI, "POST", `/agencies/${sri}/reports/links`, {
      kind: "x",
      year: 99,
      format: "xls",
    });
    expect(r.status).toBe(400);
    expect(r.json.fields).toEqual({
      kind: "เลือกรายงานที่ต้องการ",
      year: "ปีต้องอยู่ระหว่าง พ.ศ. 2560–2600",
      format: "เลือกไฟล์ PDF หรือ Word",
    });
  });

  it("refuses a viewer and a member of another agency", async () => {
    const viewer = await call(LAENG, "POST", `/agencies/${laeng}/reports/links`, {
      kind: "analysis",
      year: 2565,
      format: "pdf",
    });
    expect(viewer.status).toBe(403);
    expect((await call(LAENG, "GET", `/agencies/${laeng}/reports`)).json.canDownload).toBe(false);
    const other = await call(LAENG, "POST", `/agencies/${sri}/reports/links`, {
      kind: "analysis",
      year: 2567,
      format: "pdf",
    });
    expect(other.status).toBe(403);
    expect((await call(LAENG, "GET", `/agencies/${sri}/reports`)).status).toBe(403);
  });
});
