import { type KyselyPlugin, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameworkDocument } from "../../../core/ita/framework.ts";
import type { DbHandle } from "../../../db/client.ts";
import { canonicalText } from "../../../db/frameworks/canonical.ts";
import { shippedFrameworks } from "../../../db/frameworks/shipped.ts";
import { migrate } from "../../../db/migrate.ts";
import {
  frameworkDocument,
  frameworkHistory,
  frameworkSource,
  listFrameworks,
  loadShippedFrameworks,
  readFrameworkCatalog,
  saveFramework,
} from "../../../db/repositories/frameworks.ts";
import { fw, SHIPPED } from "../../fixtures/frameworks.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

const OPERATOR = { label: "cli:framework:x.yaml" };
const O25_TITLE = "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร";
const NEW_O25_TITLE = "การนำผลการประเมินไปปรับปรุงการบริหารงานของหน่วยงาน";

/** A shipped year's document, copied, with `edit` applied to the copy. */
function edited(year: number, edit: (doc: FrameworkDocument) => void): FrameworkDocument {
  const doc = structuredClone(fw(year).document);
  edit(doc);
  return doc;
}

function withO25Title(year: number, title: string): FrameworkDocument {
  return edited(year, (doc) => {
    const o25 = doc.items.find((i) => i.code === "O25");
    if (!o25) throw new Error(`no O25 in ${year}`);
    o25.titleTh = title;
  });
}

describe.each(DIALECTS)("frameworks repository on %s", (dialect) => {
  // `pristine` is only read (the state migrate leaves); `h` takes every write.
  let pristine: DbHandle;
  let h: DbHandle;
  beforeAll(async () => {
    [pristine, h] = await Promise.all([openTestDb(dialect), openTestDb(dialect)]);
  });
  afterAll(async () => {
    await Promise.all([pristine?.close(), h?.close()]);
  });

  const frameworkRow = (db: DbHandle, year: number) =>
    db.db
      .selectFrom("frameworks")
      .select(["year", "version", "origin", "provisional", "loaded_by", "loaded_at", "document"])
      .where("year", "=", year)
      .executeTakeFirst();

  const versionRows = (db: DbHandle, year: number) =>
    db.db
      .selectFrom("framework_versions")
      .select(["version", "origin", "document", "changes", "loaded_by"])
      .where("year", "=", year)
      .orderBy("version")
      .execute();

  const frameworkAudits = (db: DbHandle, year: number) =>
    db.db
      .selectFrom("audit_log")
      .select(["agency_id", "member_id", "actor", "action", "entity", "entity_id", "before", "after"])
      .where("entity", "=", "framework")
      .where("entity_id", "=", String(year))
      .orderBy("id")
      .execute();

  const counts = async (db: DbHandle) => {
    const r = await sql<{ f: number; v: number; a: number; y: number }>`
      select (select count(*) from frameworks)::int as f, (select count(*) from framework_versions)::int as v,
             (select count(*) from audit_log)::int as a, (select count(*) from fiscal_years)::int as y`.execute(
      db.db,
    );
    return r.rows[0]!;
  };

  describe("after migrate", () => {
    it("stores the eight shipped years as version 1 from the shipped files, only 2569 provisional", async () => {
      const rows = await pristine.db
        .selectFrom("frameworks")
        .select(["year", "version", "origin", "provisional", "loaded_by"])
        .orderBy("year")
        .execute();
      expect(rows).toEqual(
        [2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569].map((year) => ({
          year,
          version: 1,
          origin: "shipped",
          provisional: year === 2569,
          loaded_by: "migrate:shipped",
        })),
      );
      const versions = await pristine.db
        .selectFrom("framework_versions")
        .select(["year", "version", "origin"])
        .orderBy("year")
        .execute();
      expect(versions).toEqual(rows.map((r) => ({ year: r.year, version: 1, origin: "shipped" })));
      const audits = await pristine.db
        .selectFrom("audit_log")
        .select(["action", "entity_id", "actor", "agency_id"])
        .where("entity", "=", "framework")
        .orderBy("id")
        .execute();
      expect(audits).toEqual(
        rows.map((r) => ({
          action: "framework.create",
          entity_id: String(r.year),
          actor: "migrate:shipped",
          agency_id: null,
        })),
      );
    });

    it("reads back a catalog with the same years and documents as the shipped files", async () => {
      const catalog = await readFrameworkCatalog(pristine.db);
      expect(catalog.years).toEqual(SHIPPED.years);
      expect(catalog.years).toHaveLength(8);
      for (const year of SHIPPED.years) expect(catalog.get(year)!.document).toEqual(fw(year).document);
      expect(catalog.latest()!.year).toBe(2569);
    });

    it("gives a year's stored document equal to its shipped one, and nothing for a year not stored", async () => {
      expect(await frameworkDocument(pristine.db, 2569)).toEqual(fw(2569).document);
      expect(await frameworkDocument(pristine.db, 2565)).toEqual(fw(2565).document);
      expect(await frameworkDocument(pristine.db, 2570)).toBeUndefined();
    });

    it("lists every year with its tools as code and weight, indicator and item counts", async () => {
      const list = await listFrameworks(pristine.db);
      expect(list.map((l) => l.year)).toEqual(SHIPPED.years);
      const y2569 = list.find((l) => l.year === 2569)!;
      expect(y2569).toMatchObject({
        version: 1,
        provisional: true,
        origin: "shipped",
        loadedBy: "migrate:shipped",
        tools: ["IIT 30", "EIT 30", "OIT 40"],
        indicators: 10,
        items: 26,
      });
      expect(y2569.loadedAt).toBeInstanceOf(Date);
      expect(list.find((l) => l.year === 2565)).toMatchObject({
        provisional: false,
        tools: ["IIT 30", "EIT 30", "OIT 40"],
        indicators: 10,
      });
    });

    it("loads nothing when migrate runs again over the same release", async () => {
      const before = await counts(pristine);
      const outcome = await migrate(pristine.db);
      expect(outcome).toEqual({ applied: [], frameworks: [] });
      expect(await counts(pristine)).toEqual(before);
    });
  });

  describe("saving a year", () => {
    it("makes an operator's changed 2569 version 2, keeps version 1 and audits the title change", async () => {
      const saved = await saveFramework(h.db, withO25Title(2569, NEW_O25_TITLE), OPERATOR, "operator");
      const change = `items[O25].titleTh: "${O25_TITLE}" → "${NEW_O25_TITLE}"`;
      expect(saved).toEqual({ year: 2569, version: 2, changed: true, changes: [change] });

      const row = await frameworkRow(h, 2569);
      expect(row).toMatchObject({
        version: 2,
        origin: "operator",
        provisional: true,
        loaded_by: "cli:framework:x.yaml",
      });
      expect(JSON.parse(row!.document).items.find((i: { code: string }) => i.code === "O25").titleTh).toBe(
        NEW_O25_TITLE,
      );
      expect((await frameworkDocument(h.db, 2569))!.items.find((i) => i.code === "O25")!.titleTh).toBe(
        NEW_O25_TITLE,
      );

      const versions = await versionRows(h, 2569);
      expect(versions.map((v) => [v.version, v.origin, v.loaded_by])).toEqual([
        [1, "shipped", "migrate:shipped"],
        [2, "operator", "cli:framework:x.yaml"],
      ]);
      expect(versions[0]!.document).toBe(canonicalText(fw(2569).document));
      expect(versions[1]!.changes).toEqual([change]);

      const audits = await frameworkAudits(h, 2569);
      expect(audits).toHaveLength(2); // migrate's create, then this replace
      expect(audits[1]).toEqual({
        agency_id: null,
        member_id: null,
        actor: "cli:framework:x.yaml",
        action: "framework.replace",
        entity: "framework",
        entity_id: "2569",
        before: { version: 1 },
        after: { version: 2, origin: "operator", provisional: true, changes: [change] },
      });

      const history = await frameworkHistory(h.db, 2569);
      expect(history.map((r) => ({ version: r.version, origin: r.origin, loadedBy: r.loadedBy }))).toEqual([
        { version: 1, origin: "shipped", loadedBy: "migrate:shipped" },
        { version: 2, origin: "operator", loadedBy: "cli:framework:x.yaml" },
      ]);
      expect(history[0]!.changes).toEqual(["+ year 2569"]);
      expect(history[1]!.changes).toEqual([change]);
      for (const r of history) expect(r.loadedAt).toBeInstanceOf(Date);
    });

    it("changes nothing when the stored document is saved again", async () => {
      const doc = withO25Title(2568, "ชื่อข้อใหม่ของปี ๒๕๖๘");
      const first = await saveFramework(h.db, doc, OPERATOR, "operator");
      expect(first).toMatchObject({ year: 2568, version: 2, changed: true });
      const before = await counts(h);
      const row = await frameworkRow(h, 2568);

      const again = await saveFramework(
        h.db,
        structuredClone(doc),
        { label: "cli:framework:again.yaml" },
        "operator",
      );
      expect(again).toEqual({ year: 2568, version: 2, changed: false, changes: [] });
      expect(await counts(h)).toEqual(before);
      expect(await frameworkRow(h, 2568)).toEqual(row);
      expect((await frameworkHistory(h.db, 2568)).map((r) => r.version)).toEqual([1, 2]);
    });

    it("adds a new year with its fiscal year, audited as framework.create", async () => {
      const fiscalYear = () =>
        h.db.selectFrom("fiscal_years").selectAll().where("year", "=", 2571).executeTakeFirst();
      expect(await fiscalYear()).toBeUndefined();
      const doc = edited(2569, (d) => {
        d.year = 2571;
      });
      const saved = await saveFramework(h.db, doc, OPERATOR, "operator");
      expect(saved).toEqual({ year: 2571, version: 1, changed: true, changes: ["+ year 2571"] });
      expect(await fiscalYear()).toEqual({ year: 2571, starts_on: "2027-10-01", ends_on: "2028-09-30" });
      expect(await frameworkDocument(h.db, 2571)).toEqual(doc);
      expect(await frameworkAudits(h, 2571)).toEqual([
        {
          agency_id: null,
          member_id: null,
          actor: "cli:framework:x.yaml",
          action: "framework.create",
          entity: "framework",
          entity_id: "2571",
          before: null,
          after: { version: 1, origin: "operator", provisional: true, changes: ["+ year 2571"] },
        },
      ]);
      expect((await readFrameworkCatalog(h.db)).years).toContain(2571);
    });
  });

  describe("loading the shipped years", () => {
    it("leaves an operator's year alone and updates a year stored from an older shipped file", async () => {
      const operators = edited(2567, (d) => {
        d.source = "ไฟล์ของผู้ดูแลระบบ";
      });
      const olderRelease = edited(2566, (d) => {
        d.source = "an earlier release's reading";
        d.passMark = 80;
      });
      await saveFramework(h.db, operators, OPERATOR, "operator");
      await saveFramework(h.db, olderRelease, { label: "migrate:shipped" }, "shipped");
      expect(await frameworkRow(h, 2566)).toMatchObject({ version: 2, origin: "shipped" });

      const saved = await loadShippedFrameworks(h.db, shippedFrameworks());
      expect(saved.map((s) => [s.year, s.version, s.changed])).toEqual([[2566, 3, true]]);
      expect(saved[0]!.changes).toContain("passMark: 80 → 85");

      expect(await frameworkDocument(h.db, 2566)).toEqual(fw(2566).document);
      expect(await frameworkRow(h, 2566)).toMatchObject({
        version: 3,
        origin: "shipped",
        loaded_by: "migrate:shipped",
      });
      expect((await frameworkAudits(h, 2566)).at(-1)).toMatchObject({
        action: "framework.replace",
        actor: "migrate:shipped",
        before: { version: 2 },
        after: { version: 3, origin: "shipped" },
      });

      expect(await frameworkDocument(h.db, 2567)).toEqual(operators);
      expect(await frameworkRow(h, 2567)).toMatchObject({ version: 2, origin: "operator" });
      expect((await frameworkHistory(h.db, 2567)).map((r) => r.version)).toEqual([1, 2]);
    });

    it("writes nothing when every stored shipped year is already this release's", async () => {
      await loadShippedFrameworks(h.db, shippedFrameworks());
      const before = await counts(h);
      expect(await loadShippedFrameworks(h.db, shippedFrameworks())).toEqual([]);
      expect(await counts(h)).toEqual(before);
    });
  });

  describe("the running system's source", () => {
    it("serves its cached catalog within the TTL, then the new year, reading documents only when the stamp changed", async () => {
      let queries = 0;
      let documentReads = 0;
      const counting: KyselyPlugin = {
        transformQuery(args) {
          queries++;
          if (JSON.stringify(args.node).includes('"name":"document"')) documentReads++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const watched = h.db.withPlugin(counting);
      const reset = () => {
        queries = 0;
        documentReads = 0;
      };
      let now = 1_000;
      const source = frameworkSource({ ttlMs: 60_000, now: () => now });

      const first = await source.get(watched);
      expect(first.years).toEqual((await readFrameworkCatalog(h.db)).years);
      expect(first.years).not.toContain(2572);
      expect(documentReads).toBe(1);

      await saveFramework(
        h.db,
        edited(2569, (d) => {
          d.year = 2572;
        }),
        OPERATOR,
        "operator",
      );

      reset();
      now = 60_999; // 59 999 ms after the first read
      const cached = await source.get(watched);
      expect(cached).toBe(first);
      expect(cached.get(2572)).toBeUndefined();
      expect(queries).toBe(0);

      reset();
      now = 61_000; // the TTL has passed
      const refreshed = await source.get(watched);
      expect(refreshed).not.toBe(first);
      expect(refreshed.get(2572)!.year).toBe(2572);
      expect(refreshed.get(2572)!.document.items).toEqual(fw(2569).document.items);
      expect(documentReads).toBe(1);

      reset();
      now = 121_000; // the TTL has passed again, nothing changed: the stamp only
      const unchanged = await source.get(watched);
      expect(unchanged).toBe(refreshed);
      expect(queries).toBe(1);
      expect(documentReads).toBe(0);
    });
  });
});
