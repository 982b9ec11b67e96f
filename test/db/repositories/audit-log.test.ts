import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordChange } from "../../../db/audit.ts";
import type { DbHandle } from "../../../db/client.ts";
import { auditLogPage, reportDataVersion } from "../../../db/repositories/audit-log.ts";
import { ensureFiscalYear } from "../../../db/repositories/fiscal-years.ts";
import type { AgencyScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("audit log pages on %s", (dialect) => {
  let h: DbHandle;
  let a: AgencyScope;
  let b: AgencyScope;
  const ids = { memberA: 0, memberB: 0, measureA: 0, measureB: 0, stepA: 0, milestoneA: 0 };

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
    const member = async (agencyId: number, lineUserId: string, name: string) =>
      (
        await h.db
          .insertInto("members")
          .values({ agency_id: agencyId, line_user_id: lineUserId, display_name: name, role: "admin" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const measure = async (agencyId: number, title: string) =>
      (
        await h.db
          .insertInto("measures")
          .values({ agency_id: agencyId, fiscal_year: 2568, seq: 1, title, period_text: null })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    await ensureFiscalYear(h.db, 2568);
    const agencyA = await agency("A1", "เทศบาลตำบลหนึ่ง");
    const agencyB = await agency("B1", "เทศบาลตำบลสอง");
    a = { agencyId: agencyA, role: "editor" };
    b = { agencyId: agencyB, role: "admin" };
    ids.memberA = await member(agencyA, `U${"a".repeat(32)}`, "สมชาย");
    ids.memberB = await member(agencyB, `U${"b".repeat(32)}`, "สมศรี");
    ids.measureA = await measure(agencyA, "เปิดเผยข้อมูลจัดซื้อ");
    ids.measureB = await measure(agencyB, "มาตรการของอีกหน่วยงาน");
    ids.stepA = (
      await h.db
        .insertInto("measure_steps")
        .values({
          measure_id: ids.measureA,
          agency_id: agencyA,
          seq: 1,
          title: "ติดประกาศ",
          responsible_unit: null,
          evidence_url: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids.milestoneA = (
      await h.db
        .insertInto("milestones")
        .values({
          agency_id: agencyA,
          fiscal_year: 2568,
          key: null,
          title: "ประชุมประจำเดือน",
          due_on: "2025-01-15",
          kind: "agency",
          created_by: "cli",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

    await recordChange(h.db, { label: `line:U${"a".repeat(32)}`, memberId: ids.memberA }, [
      {
        agencyId: agencyA,
        action: "measure.create",
        entity: "measure",
        entityId: ids.measureA,
        after: { t: 1 },
      },
      { agencyId: agencyA, action: "step.update", entity: "step", entityId: ids.stepA, before: { p: 0 } },
      { agencyId: agencyA, action: "milestone.create", entity: "milestone", entityId: ids.milestoneA },
      { agencyId: agencyA, action: "member.update", entity: "member", entityId: ids.memberA },
    ]);
    // Written by the other agency's admin, in the other agency.
    await recordChange(h.db, { label: `line:U${"b".repeat(32)}`, memberId: ids.memberB }, [
      { agencyId: agencyB, action: "measure.update", entity: "measure", entityId: ids.measureB },
    ]);
    await recordChange(h.db, { label: "cli" }, [
      // Naming the other agency's measure and member: their titles are not read for this agency.
      { agencyId: agencyA, action: "measure.update", entity: "measure", entityId: ids.measureB },
      { agencyId: agencyA, action: "member.update", entity: "member", entityId: ids.memberB },
      // An id no integer column holds, and one that is not a number.
      { agencyId: agencyA, action: "step.update", entity: "step", entityId: "99999999999" },
      { agencyId: agencyA, action: "recommendation.set", entity: "report_recommendation", entityId: "x:y" },
    ]);
  });
  afterAll(async () => {
    await h.close();
  });

  it("lists the agency's own entries newest first, with member names and titles", async () => {
    const page = await auditLogPage(h.db, a, { limit: 50 });
    expect(page.nextBefore).toBeNull();
    expect(page.entries.map((e) => e.action)).toEqual([
      "recommendation.set",
      "step.update",
      "member.update",
      "measure.update",
      "member.update",
      "milestone.create",
      "step.update",
      "measure.create",
    ]);
    const byAction = (action: string, actor?: string) =>
      page.entries.find((e) => e.action === action && (!actor || e.actor === actor));
    expect(byAction("measure.create")).toMatchObject({
      actor: `line:U${"a".repeat(32)}`,
      memberName: "สมชาย",
      entity: "measure",
      entityId: String(ids.measureA),
      entityTitle: "เปิดเผยข้อมูลจัดซื้อ",
      before: null,
      after: { t: 1 },
    });
    expect(Date.parse(byAction("measure.create")!.at)).not.toBeNaN();
    expect(byAction("step.update", `line:U${"a".repeat(32)}`)).toMatchObject({
      entityTitle: "ติดประกาศ",
      before: { p: 0 },
      after: null,
    });
    expect(byAction("milestone.create")?.entityTitle).toBe("ประชุมประจำเดือน");
    expect(byAction("member.update", `line:U${"a".repeat(32)}`)?.entityTitle).toBe("สมชาย");
    expect(byAction("recommendation.set")).toMatchObject({ memberName: null, entityTitle: null });
    expect(byAction("step.update", "cli")?.entityTitle).toBeNull();
  });

  it("reads nothing of another agency: not its entries, titles or members' names", async () => {
    const page = await auditLogPage(h.db, a, { limit: 50 });
    const text = JSON.stringify(page);
    expect(text).not.toContain("มาตรการของอีกหน่วยงาน");
    expect(text).not.toContain("สมศรี");
    expect(page.entries.find((e) => e.action === "measure.update")?.entityTitle).toBeNull();

    const theirs = await auditLogPage(h.db, b, { limit: 50 });
    expect(theirs.entries).toHaveLength(1);
    expect(theirs.entries[0]).toMatchObject({ memberName: "สมศรี", entityTitle: "มาตรการของอีกหน่วยงาน" });
  });

  it("pages with before: each page older than the last, every entry once", async () => {
    const all = (await auditLogPage(h.db, a, { limit: 100 })).entries.map((e) => e.id);
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await auditLogPage(h.db, a, { limit: 3, ...(before ? { before } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      if (before) for (const e of page.entries) expect(BigInt(e.id) < BigInt(before)).toBe(true);
      seen.push(...page.entries.map((e) => e.id));
      if (!page.nextBefore) break;
      expect(page.nextBefore).toBe(page.entries.at(-1)!.id);
      before = page.nextBefore;
    }
    expect(seen).toEqual(all);
    // A page that ends exactly at the oldest entry says there is nothing more.
    expect((await auditLogPage(h.db, a, { limit: all.length })).nextBefore).toBeNull();
  });

  it("gives a new report data version after a change to the agency or a national one, not another agency's", async () => {
    const before = await reportDataVersion(h.db, a);
    await recordChange(
      h.db,
      { label: "ทดสอบ" },
      { agencyId: b.agencyId, action: "update", entity: "measure" },
    );
    expect(await reportDataVersion(h.db, a)).toBe(before);
    await recordChange(
      h.db,
      { label: "ทดสอบ" },
      { agencyId: a.agencyId, action: "update", entity: "measure" },
    );
    const afterOwn = await reportDataVersion(h.db, a);
    expect(afterOwn).not.toBe(before);
    await recordChange(h.db, { label: "ทดสอบ" }, { agencyId: null, action: "load", entity: "framework" });
    expect(await reportDataVersion(h.db, a)).not.toBe(afterOwn);
  });
});
