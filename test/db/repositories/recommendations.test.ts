import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRecommendation, withItemRefs } from "../../../core/reports/recommendations.ts";
import type { DbHandle } from "../../../db/client.ts";
import { ForbiddenError, ValidationError } from "../../../db/errors.ts";
import { listRecommendationOverrides, setRecommendation } from "../../../db/repositories/recommendations.ts";
import { SHIPPED } from "../../fixtures/frameworks.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("report recommendations on %s", (dialect) => {
  let h: DbHandle;
  let a: number;
  let b: number;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const rows = await h.db
      .insertInto("agencies")
      .values([
        {
          code: "A1",
          name_th: "เทศบาลตำบลหนึ่ง",
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        },
        {
          code: "B1",
          name_th: "เทศบาลตำบลสอง",
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        },
      ])
      .returning("id")
      .execute();
    [a, b] = rows.map((r) => r.id) as [number, number];
  });
  afterAll(async () => {
    await h.close();
  });

  const audits = (agencyId: number) =>
    h.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "before", "after", "actor"])
      .where("agency_id", "=", agencyId)
      .where("entity", "=", "report_recommendation")
      .orderBy("id")
      .execute();

  it("keeps an agency's own text per key, audited with the library's text as before", async () => {
    const scope = { agencyId: a, role: "editor" as const, memberId: undefined };
    await setRecommendation(
      h.db,
      scope,
      { label: "member:1" },
      "indicator:asset-use",
      "  ตรวจนับทุกไตรมาส ",
      SHIPPED,
    );
    expect(await listRecommendationOverrides(h.db, scope)).toEqual({
      "indicator:asset-use": "ตรวจนับทุกไตรมาส",
    });
    expect(await listRecommendationOverrides(h.db, { agencyId: b, role: "admin" })).toEqual({});
    const [row] = await audits(a);
    expect(row).toMatchObject({
      action: "recommendation.set",
      entity_id: "indicator:asset-use",
      actor: "member:1",
    });
    // The library's citations of OIT items need a year's codes: the audit keeps the text without them.
    expect(row!.before).toEqual({
      text: withItemRefs(defaultRecommendation("indicator:asset-use")!, () => undefined),
    });
    expect(JSON.stringify(row!.before)).not.toContain("[[ref");
    expect(row!.after).toEqual({ text: "ตรวจนับทุกไตรมาส" });
  });

  it("writes nothing when the text is unchanged, and goes back to the default on reset", async () => {
    const scope = { agencyId: a, role: "admin" as const };
    await setRecommendation(h.db, scope, { label: "cli" }, "indicator:asset-use", "ตรวจนับทุกไตรมาส", SHIPPED);
    expect(await audits(a)).toHaveLength(1);
    await setRecommendation(h.db, scope, { label: "cli" }, "indicator:asset-use", null, SHIPPED);
    expect(await listRecommendationOverrides(h.db, scope)).toEqual({});
    expect((await audits(a)).at(-1)).toMatchObject({
      action: "recommendation.reset",
      before: { text: "ตรวจนับทุกไตรมาส" },
    });
  });

  it("refuses a viewer and an unknown key, writing nothing", async () => {
    await expect(
      setRecommendation(
        h.db,
        { agencyId: b, role: "viewer" },
        { label: "member:2" },
        "indicator:duty-performance",
        "x",
        SHIPPED,
      ),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setRecommendation(
        h.db,
        { agencyId: b, role: "admin" },
        { label: "member:2" },
        "indicator:no-11",
        "x",
        SHIPPED,
      ),
    ).rejects.toThrow(ValidationError);
    expect(await audits(b)).toEqual([]);
  });
});
