import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { agenciesWithLatestResult } from "../../../db/repositories/agency-list.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("the home page's agency list on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const agency = async (code: string, name: string) =>
      (
        await h.db
          .insertInto("agencies")
          .values({ code, name_th: name, agency_type: "เทศบาลตำบล", province: "เลย", district: "ด่านซ้าย" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const assessed = async (agencyId: number, year: number, total: string | null, level: string | null) =>
      h.db
        .insertInto("assessments")
        .values({
          agency_id: agencyId,
          fiscal_year: year,
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          total,
          level,
        })
        .execute();
    const b = await agency("LST2", "เทศบาลตำบลบี");
    await agency("LST3", "เทศบาลตำบลซี");
    const a = await agency("LST1", "เทศบาลตำบลเอ");
    await assessed(a, 2566, "70.00", "C");
    await assessed(a, 2568, "90.5", "A");
    await assessed(a, 2567, "80.00", "B");
    await assessed(b, 2567, null, null);
  });
  afterAll(async () => {
    await h.close();
  });

  it("lists agencies by code, each with its latest year's total as stored", async () => {
    expect(await agenciesWithLatestResult(h.db, 50)).toEqual([
      { code: "LST1", nameTh: "เทศบาลตำบลเอ", province: "เลย", fiscalYear: 2568, total: "90.50", level: "A" },
      { code: "LST2", nameTh: "เทศบาลตำบลบี", province: "เลย", fiscalYear: 2567, total: null, level: null },
      { code: "LST3", nameTh: "เทศบาลตำบลซี", province: "เลย", fiscalYear: null, total: null, level: null },
    ]);
  });

  it("stops at the limit", async () => {
    expect((await agenciesWithLatestResult(h.db, 2)).map((r) => r.code)).toEqual(["LST1", "LST2"]);
  });
});
