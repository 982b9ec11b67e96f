import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatScore } from "../../../core/ita/score.ts";
import type { DbHandle } from "../../../db/client.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { loadAssessment, rankTable } from "../../../db/repositories/assessments.ts";
import { applyResults, type ResultsRecord } from "../../../db/repositories/results.ts";
import { systemScope } from "../../../db/scope.ts";
import { SHIPPED } from "../../fixtures/frameworks.ts";
import { SEED_001_INDICATORS, s, scores } from "../../fixtures/seeds.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

let seq = 0;
const agency = (over: Partial<ResultsRecord["agency"]> = {}) => ({
  code: `T${process.pid}${seq++}`,
  nameTh: "องค์การบริหารส่วนตำบลทดสอบ",
  type: "องค์การบริหารส่วนตำบล",
  province: "ลำปาง",
  district: "เมืองลำปาง",
  ...over,
});
const actor = { label: "test" };
const seed001 = (a = agency()): ResultsRecord => ({
  agency: a,
  year: 2565,
  scores: {
    indicators: scores(SEED_001_INDICATORS),
    level: "A",
  },
});

describe.each(DIALECTS)("results repository on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  const tableCounts = async () => {
    const r = await sql<{ a: number; s: number; g: number; l: number }>`
      select (select count(*) from assessments)::int as a, (select count(*) from scores)::int as s,
             (select count(*) from agencies)::int as g, (select count(*) from audit_log)::int as l`.execute(
      h.db,
    );
    return r.rows[0]!;
  };

  it("stores an agency-year and computes what is missing with the official rule", async () => {
    const record = seed001();
    const summary = await applyResults(h.db, [record], actor, "imported", SHIPPED);
    expect(summary).toMatchObject({ agenciesCreated: 1, assessmentsCreated: 1, mismatches: 0 });
    const found = await findAgencyByCode(h.db, record.agency.code);
    const stored = await loadAssessment(h.db, systemScope(found!.id), 2565);
    expect(formatScore(stored!.assessment.total!.value)).toBe("86.19");
    expect(stored!.assessment.total!.source).toBe("computed");
    expect(stored!.assessment.level).toBe("A");
    const iit = stored!.assessment.nodes.find((n) => n.kind === "tool" && n.code === "IIT")!;
    expect([formatScore(iit.value), iit.source]).toEqual(["80.67", "computed"]);
    const ind7 = stored!.assessment.nodes.find((n) => n.kind === "indicator" && n.code === "7")!;
    expect([formatScore(ind7.value), ind7.source]).toEqual(["65.09", "reported"]);
  });

  it("changes nothing when the same records are applied again", async () => {
    const record = seed001();
    await applyResults(h.db, [record], actor, "imported", SHIPPED);
    const before = await tableCounts();
    const stamp = await sql<{ t: string }>`select max(updated_at)::text as t from assessments`.execute(h.db);
    const summary = await applyResults(h.db, [record], actor, "imported", SHIPPED);
    expect(summary).toMatchObject({
      agenciesCreated: 0,
      agenciesUpdated: 0,
      assessmentsCreated: 0,
      assessmentsChanged: 0,
      assessmentsUnchanged: 1,
      scoresWritten: 0,
    });
    expect(await tableCounts()).toEqual(before);
    const after = await sql<{ t: string }>`select max(updated_at)::text as t from assessments`.execute(h.db);
    expect(after.rows[0]!.t).toBe(stamp.rows[0]!.t);
  });

  it("keeps stored figures for cells left empty and audits only what changed", async () => {
    const record = seed001();
    await applyResults(h.db, [record], actor, "imported", SHIPPED);
    const update: ResultsRecord = { ...record, scores: { indicators: scores({ 7: "70.00" }) } };
    const summary = await applyResults(h.db, [update], { label: "import:fix.csv" }, "imported", SHIPPED);
    expect(summary).toMatchObject({ assessmentsChanged: 1 });
    const found = await findAgencyByCode(h.db, record.agency.code);
    const stored = await loadAssessment(h.db, systemScope(found!.id), 2565);
    const ind = (code: string) =>
      formatScore(stored!.assessment.nodes.find((n) => n.kind === "indicator" && n.code === code)!.value);
    expect(ind("7")).toBe("70.00");
    expect(ind("1")).toBe("86.92");
    expect(formatScore(stored!.assessment.total!.value)).toBe("86.68");
    const audit = await h.db
      .selectFrom("audit_log")
      .select(["actor", "action", "before", "after"])
      .where("agency_id", "=", found!.id)
      .where("action", "=", "assessment.update")
      .execute();
    expect(audit).toEqual([
      {
        actor: "import:fix.csv",
        action: "assessment.update",
        before: { "indicator:7": "65.09" },
        after: { "indicator:7": "70.00" },
      },
    ]);
  });

  it("writes nothing when any record fails", async () => {
    const before = await tableCounts();
    const broken = seed001(agency({ nameTh: null as unknown as string }));
    await expect(applyResults(h.db, [seed001(), broken], actor, "imported", SHIPPED)).rejects.toThrow();
    expect(await tableCounts()).toEqual(before);
  });

  it("ranks equal totals equally, nationally within the type and within the province", async () => {
    const type = `ประเภททดสอบ${seq++}`;
    const rows = [
      ["90.00", "เลย"],
      ["90.00", "ลำปาง"],
      ["85.50", "เลย"],
      ["80.00", "เลย"],
    ] as const;
    const records = rows.map(([total, province]) => ({
      agency: agency({ type, province }),
      year: 2566,
      scores: { total: s(total) },
    }));
    await applyResults(h.db, records, actor, "imported", SHIPPED);
    const ranks = [];
    for (const r of records) {
      const a = await findAgencyByCode(h.db, r.agency.code);
      const stored = await loadAssessment(h.db, systemScope(a!.id), 2566);
      ranks.push([
        stored!.national!.rank,
        stored!.national!.of,
        stored!.provincial!.rank,
        stored!.provincial!.of,
      ]);
    }
    expect(ranks).toEqual([
      [1, 4, 1, 3],
      [1, 4, 1, 1],
      [3, 4, 2, 3],
      [4, 4, 3, 3],
    ]);
    const table = await rankTable(h.db, 2566, type);
    expect(table.map((t) => [t.rank, formatScore(t.total)])).toEqual([
      [1, "90.00"],
      [1, "90.00"],
      [3, "85.50"],
      [4, "80.00"],
    ]);
    const loei = await rankTable(h.db, 2566, type, { province: "เลย" });
    expect(loei.map((t) => t.rank)).toEqual([1, 2, 3]);
  });

  it("returns nothing for another agency's scope", async () => {
    const record = seed001();
    await applyResults(h.db, [record], actor, "imported", SHIPPED);
    const other = seed001();
    await applyResults(h.db, [{ ...other, year: 2564 }], actor, "imported", SHIPPED);
    const otherAgency = await findAgencyByCode(h.db, other.agency.code);
    expect(await loadAssessment(h.db, systemScope(otherAgency!.id), 2565)).toBeUndefined();
  });
});
