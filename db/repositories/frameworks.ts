// The frameworks of the fiscal years, stored as checked documents with every version kept.
import type { Kysely } from "kysely";
import { type FrameworkCatalog, frameworkCatalog } from "../../core/ita/catalog.ts";
import type { FrameworkDocument } from "../../core/ita/framework.ts";
import { checkFramework, formatFrameworkIssue } from "../../core/ita/framework-check.ts";
import { frameworkChanges } from "../../core/ita/framework-diff.ts";
import { recordChange } from "../audit.ts";
import { canonicalText } from "../frameworks/canonical.ts";
import type { Database, FrameworkOrigin } from "../schema.ts";
import type { Actor } from "../scope.ts";
import { ensureFiscalYear } from "./fiscal-years.ts";

export interface FrameworkSaved {
  year: number;
  version: number;
  /** False when the stored document was already this one (nothing written). */
  changed: boolean;
  changes: string[];
}

/** Stores a checked document as its year's framework (a new version when it differs), audited. */
export async function saveFramework(
  db: Kysely<Database>,
  document: FrameworkDocument,
  actor: Actor,
  origin: FrameworkOrigin,
): Promise<FrameworkSaved> {
  const text = canonicalText(document);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("frameworks")
      .select(["version", "document"])
      .where("year", "=", document.year)
      .forUpdate()
      .executeTakeFirst();
    if (current?.document === text) {
      return { year: document.year, version: current.version, changed: false, changes: [] };
    }
    const before = current ? (JSON.parse(current.document) as FrameworkDocument) : undefined;
    const changes = frameworkChanges(before, document);
    const version = (current?.version ?? 0) + 1;
    await ensureFiscalYear(trx, document.year);
    const row = {
      version,
      document: text,
      provisional: document.provisional,
      origin,
      loaded_by: actor.label,
      loaded_at: new Date(),
    };
    await trx
      .insertInto("frameworks")
      .values({ year: document.year, ...row })
      .onConflict((oc) => oc.column("year").doUpdateSet(row))
      .execute();
    await trx
      .insertInto("framework_versions")
      .values({
        year: document.year,
        version,
        document: text,
        origin,
        changes: JSON.stringify(changes),
        loaded_by: actor.label,
        loaded_at: row.loaded_at,
      })
      .execute();
    await recordChange(trx, actor, {
      agencyId: null,
      action: current ? "framework.replace" : "framework.create",
      entity: "framework",
      entityId: document.year,
      ...(current ? { before: { version: current.version } } : {}),
      after: { version, origin, provisional: document.provisional, changes },
    });
    return { year: document.year, version, changed: true, changes };
  });
}

/** Every stored year's document, checked again against today's schema. */
export async function readFrameworkDocuments(db: Kysely<Database>): Promise<FrameworkDocument[]> {
  const rows = await db.selectFrom("frameworks").select(["year", "document"]).orderBy("year").execute();
  return rows.map((row) => {
    const checked = checkFramework(JSON.parse(row.document));
    if (!checked.ok) {
      throw new Error(
        `stored framework ${row.year} no longer passes the schema:\n${checked.issues.map(formatFrameworkIssue).join("\n")}`,
      );
    }
    return checked.document;
  });
}

export async function readFrameworkCatalog(db: Kysely<Database>): Promise<FrameworkCatalog> {
  return frameworkCatalog(await readFrameworkDocuments(db));
}

/** A short text that changes whenever any year's framework does: every year with its version. */
export async function frameworksStamp(db: Kysely<Database>): Promise<string> {
  const rows = await db.selectFrom("frameworks").select(["year", "version"]).orderBy("year").execute();
  return rows.map((r) => `${r.year}:${r.version}`).join(",");
}

export interface FrameworkListing {
  year: number;
  version: number;
  provisional: boolean;
  origin: FrameworkOrigin;
  loadedBy: string;
  loadedAt: Date;
  tools: string[];
  indicators: number;
  items: number;
}

export async function listFrameworks(db: Kysely<Database>): Promise<FrameworkListing[]> {
  const rows = await db.selectFrom("frameworks").selectAll().orderBy("year").execute();
  return rows.map((r) => {
    const doc = JSON.parse(r.document) as FrameworkDocument;
    return {
      year: r.year,
      version: r.version,
      provisional: r.provisional,
      origin: r.origin,
      loadedBy: r.loaded_by,
      loadedAt: r.loaded_at,
      tools: doc.tools.map((t) => `${t.code} ${t.weightPercent}`),
      indicators: doc.indicators.length,
      items: doc.items.length,
    };
  });
}

export async function frameworkDocument(
  db: Kysely<Database>,
  year: number,
): Promise<FrameworkDocument | undefined> {
  const row = await db
    .selectFrom("frameworks")
    .select("document")
    .where("year", "=", year)
    .executeTakeFirst();
  if (!row) return undefined;
  const checked = checkFramework(JSON.parse(row.document));
  if (!checked.ok) throw new Error(`stored framework ${year} no longer passes the schema`);
  return checked.document;
}

export interface FrameworkVersionRow {
  version: number;
  origin: FrameworkOrigin;
  loadedBy: string;
  loadedAt: Date;
  changes: string[];
}

export async function frameworkHistory(db: Kysely<Database>, year: number): Promise<FrameworkVersionRow[]> {
  const rows = await db
    .selectFrom("framework_versions")
    .select(["version", "origin", "loaded_by", "loaded_at", "changes"])
    .where("year", "=", year)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    origin: r.origin,
    loadedBy: r.loaded_by,
    loadedAt: r.loaded_at,
    changes: r.changes,
  }));
}

/**
 * Loads the shipped years: a year not yet stored is added; a year stored from an earlier release's
 * file is updated to this release's; a year an operator loaded is left as the operator left it.
 */
export async function loadShippedFrameworks(
  db: Kysely<Database>,
  documents: readonly FrameworkDocument[],
): Promise<FrameworkSaved[]> {
  const stored = new Map(
    (await db.selectFrom("frameworks").select(["year", "origin", "document"]).execute()).map((r) => [
      r.year,
      r,
    ]),
  );
  const saved: FrameworkSaved[] = [];
  for (const doc of documents) {
    const row = stored.get(doc.year);
    if (row?.origin === "operator" || row?.document === canonicalText(doc)) continue;
    saved.push(await saveFramework(db, doc, { label: "migrate:shipped" }, "shipped"));
  }
  return saved;
}

/**
 * The catalog as the running system sees it: read once, then checked against the database's stamp
 * at most every `ttlMs`, so a year an operator loads is used everywhere within that time, on any
 * process or isolate, without a restart.
 */
export interface FrameworkSource {
  get(db: Kysely<Database>): Promise<FrameworkCatalog>;
}

export function frameworkSource(options: { ttlMs: number; now: () => number }): FrameworkSource {
  let current: { stamp: string; catalog: FrameworkCatalog; checkedAt: number } | undefined;
  let pending: Promise<FrameworkCatalog> | undefined;
  const refresh = async (db: Kysely<Database>): Promise<FrameworkCatalog> => {
    const stamp = await frameworksStamp(db);
    if (current && current.stamp === stamp) {
      current.checkedAt = options.now();
      return current.catalog;
    }
    const catalog = await readFrameworkCatalog(db);
    current = { stamp, catalog, checkedAt: options.now() };
    return catalog;
  };
  return {
    get(db) {
      if (current && options.now() - current.checkedAt < options.ttlMs)
        return Promise.resolve(current.catalog);
      // One refresh at a time; a failed one leaves the last good catalog to the next caller.
      pending ??= refresh(db).finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
