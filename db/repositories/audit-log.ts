import type { Kysely } from "kysely";
import type { AuditItem, AuditPage } from "../../core/api/audit.ts";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";

/**
 * A page of the agency's audit log, newest first, older than `before` (an entry id) when given.
 * Only the scope's agency is read: its entries, its members' names and its entities' titles.
 */
export async function auditLogPage(
  db: Kysely<Database>,
  scope: AgencyScope,
  options: { before?: string; limit: number },
): Promise<AuditPage> {
  const { agencyId } = scope;
  let q = db
    .selectFrom("audit_log as a")
    .leftJoin("members as m", (j) => j.onRef("m.id", "=", "a.member_id").on("m.agency_id", "=", agencyId))
    .select([
      "a.id",
      "a.at",
      "a.actor",
      "a.action",
      "a.entity",
      "a.entity_id",
      "a.before",
      "a.after",
      "m.display_name",
    ])
    .where("a.agency_id", "=", agencyId);
  if (options.before !== undefined) q = q.where("a.id", "<", options.before);
  // One more than asked tells whether an older page exists.
  const rows = await q
    .orderBy("a.id", "desc")
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const titles = await titlesOf(
    db,
    agencyId,
    page.map((r) => ({ entity: r.entity, id: r.entity_id })),
  );
  const entries: AuditItem[] = page.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    memberName: r.display_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    entityTitle: (r.entity_id && titles.get(`${r.entity}:${r.entity_id}`)) ?? null,
    before: asObject(r.before),
    after: asObject(r.after),
  }));
  const last = page.at(-1);
  return { entries, nextBefore: rows.length > options.limit && last ? String(last.id) : null };
}

const TITLED = ["step", "measure", "member", "milestone"] as const;

/** Titles of the page's steps, measures, members and calendar dates, read within the agency only. */
async function titlesOf(
  db: Kysely<Database>,
  agencyId: number,
  refs: { entity: string; id: string | null }[],
): Promise<Map<string, string>> {
  const ids = (entity: (typeof TITLED)[number]) => [
    ...new Set(
      refs
        // Ids beyond an integer column (or not numbers at all) name nothing that can be looked up.
        .filter((r) => r.entity === entity && r.id !== null && /^\d{1,9}$/.test(r.id))
        .map((r) => Number(r.id)),
    ),
  ];
  const out = new Map<string, string>();
  const put = (entity: string, rows: { id: number; title: string | null }[]) => {
    for (const r of rows) if (r.title) out.set(`${entity}:${r.id}`, r.title);
  };
  const steps = ids("step");
  if (steps.length) {
    put(
      "step",
      await db
        .selectFrom("measure_steps")
        .select(["id", "title"])
        .where("agency_id", "=", agencyId)
        .where("id", "in", steps)
        .execute(),
    );
  }
  const measures = ids("measure");
  if (measures.length) {
    put(
      "measure",
      await db
        .selectFrom("measures")
        .select(["id", "title"])
        .where("agency_id", "=", agencyId)
        .where("id", "in", measures)
        .execute(),
    );
  }
  const members = ids("member");
  if (members.length) {
    put(
      "member",
      await db
        .selectFrom("members")
        .select(["id", "display_name as title"])
        .where("agency_id", "=", agencyId)
        .where("id", "in", members)
        .execute(),
    );
  }
  const milestones = ids("milestone");
  if (milestones.length) {
    put(
      "milestone",
      await db
        .selectFrom("milestones")
        .select(["id", "title"])
        .where("agency_id", "=", agencyId)
        .where("id", "in", milestones)
        .execute(),
    );
  }
  return out;
}

/** jsonb comes back parsed (PGlite, pg); a driver that hands back text is parsed here. */
function asObject(value: unknown): Record<string, unknown> | null {
  const parsed = typeof value === "string" ? safeParse(value) : value;
  return parsed && typeof parsed === "object" && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * What a report of the agency is made from, as one version: every change to it is audited (its
 * own entries) and so are national ones (frameworks, the calendar: entries without an agency), so
 * the newest id of each changes whenever a report could. A rendered report is kept under it.
 */
export async function reportDataVersion(db: Kysely<Database>, scope: AgencyScope): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("audit_log")
        .select((s) => s.fn.max("id").as("id"))
        .where("agency_id", "=", scope.agencyId)
        .as("own"),
      eb
        .selectFrom("audit_log")
        .select((s) => s.fn.max("id").as("id"))
        .where("agency_id", "is", null)
        .as("national"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.own ?? 0}.${row.national ?? 0}`;
}
