import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import {
  defaultRecommendation,
  RECOMMENDATION_KEYS,
  withItemRefs,
} from "../../../core/reports/recommendations.ts";
import { listRecommendationOverrides } from "../../../db/repositories/recommendations.ts";
import { systemScope } from "../../../db/scope.ts";
import { fw } from "../../fixtures/frameworks.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { apiCaller, apiFor, demoAgencyIds } from "./harness.ts";

interface Entry {
  key: string;
  label: string;
  defaultText: string;
  text: string | null;
}

describe("recommendations API", () => {
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

  const call = (userId: string, method: string, path: string, body?: unknown) =>
    apiCaller(w, api)(userId, method, path, body);
  const audits = (agencyId: number) =>
    w.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "member_id", "actor", "after"])
      .where("agency_id", "=", agencyId)
      .where("entity", "=", "report_recommendation")
      .orderBy("id")
      .execute();

  /** The library's text as the app shows it: OIT items cited with the newest year's codes. */
  const shown = (key: string) =>
    withItemRefs(defaultRecommendation(key)!, (c) => fw(2569).itemByConcept(c)?.code);

  it("lists every key with its Thai label, the library's text and no override yet", async () => {
    const r = await call(SRI, "GET", `/agencies/${sri}/recommendations`);
    expect(r.status).toBe(200);
    const entries = r.json.entries as Entry[];
    expect(entries.map((e) => e.key)).toEqual(RECOMMENDATION_KEYS);
    expect(entries[3]).toEqual({
      key: "indicator:asset-use",
      label: "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ",
      defaultText: shown("indicator:asset-use"),
      text: null,
    });
    // The library cites OIT items by concept; the app shows the newest year's codes (2569: O8, O15).
    expect(entries[3]!.defaultText).toContain("(อ้างอิงจาก O8 และ O15)");
    const asset = entries.find((e) => e.key === "asset-supervision")!;
    expect(asset.label).toContain("ทรัพย์สิน");
    expect(entries.every((e) => e.label.length > 0 && e.defaultText.length > 0)).toBe(true);
  });

  it("saves an editor's own text, audited with the member as actor, and lists it", async () => {
    const key = encodeURIComponent("indicator:asset-use");
    const r = await call(EDITOR, "PUT", `/agencies/${demo}/recommendations/${key}`, {
      text: "  ตรวจนับครุภัณฑ์ทุกไตรมาส  ",
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ key: "indicator:asset-use", text: "ตรวจนับครุภัณฑ์ทุกไตรมาส" });
    expect(await listRecommendationOverrides(w.db, systemScope(demo))).toEqual({
      "indicator:asset-use": "ตรวจนับครุภัณฑ์ทุกไตรมาส",
    });
    const [audit] = await audits(demo);
    expect(audit).toMatchObject({
      action: "recommendation.set",
      entity_id: "indicator:asset-use",
      actor: `line:${EDITOR}`,
    });
    expect(audit!.member_id).not.toBeNull();
    const list = await call(EDITOR, "GET", `/agencies/${demo}/recommendations`);
    expect((list.json.entries as Entry[]).find((e) => e.key === "indicator:asset-use")!.text).toBe(
      "ตรวจนับครุภัณฑ์ทุกไตรมาส",
    );
  });

  it("goes back to the library's text on DELETE, audited", async () => {
    const r = await call(EDITOR, "DELETE", `/agencies/${demo}/recommendations/indicator:asset-use`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      key: "indicator:asset-use",
      text: null,
      defaultText: shown("indicator:asset-use"),
    });
    expect(await listRecommendationOverrides(w.db, systemScope(demo))).toEqual({});
    expect((await audits(demo)).map((a) => a.action)).toEqual(["recommendation.set", "recommendation.reset"]);
  });

  it("refuses an empty or overlong text with a Thai message on the field", async () => {
    const empty = await call(SRI, "PUT", `/agencies/${sri}/recommendations/e-service`, { text: "   " });
    expect(empty.status).toBe(400);
    expect((empty.json.fields as Record<string, string>).text).toContain("ต้องไม่ว่าง");
    const long = await call(SRI, "PUT", `/agencies/${sri}/recommendations/e-service`, {
      text: "ก".repeat(2001),
    });
    expect(long.status).toBe(400);
    expect((long.json.fields as Record<string, string>).text).toBe("ข้อเสนอแนะยาวเกิน 2,000 ตัวอักษร");
    expect(await audits(sri)).toEqual([]);
  });

  it("answers an unknown key with 404 in Thai", async () => {
    const r = await call(SRI, "PUT", `/agencies/${sri}/recommendations/indicator:11`, { text: "x" });
    expect(r.status).toBe(404);
    expect(r.json.error).toBe("ไม่พบหัวข้อข้อเสนอแนะนี้");
    expect((await call(SRI, "DELETE", `/agencies/${sri}/recommendations/no-such-thing`)).status).toBe(404);
  });

  it("refuses a viewer and a member of another agency", async () => {
    expect((await call(LAENG, "GET", `/agencies/${laeng}/recommendations`)).status).toBe(403);
    const viewer = await call(LAENG, "PUT", `/agencies/${laeng}/recommendations/e-service`, { text: "x" });
    expect(viewer.status).toBe(403);
    expect(viewer.json.error).toContain("ผู้ดูแลและผู้แก้ไข");
    expect((await call(LAENG, "DELETE", `/agencies/${laeng}/recommendations/e-service`)).status).toBe(403);
    expect(
      (await call(SRI, "PUT", `/agencies/${demo}/recommendations/e-service`, { text: "x" })).status,
    ).toBe(403);
    expect((await call(SRI, "GET", `/agencies/${demo}/recommendations`)).status).toBe(403);
    expect(await listRecommendationOverrides(w.db, systemScope(laeng))).toEqual({});
  });
});
