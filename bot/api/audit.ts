import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiEnv } from "./context.ts";

const params = z.object({ agencyId: z.coerce.number().int().positive() });
const query = z.object({
  /** The id of the oldest entry already shown: the next page is older than it. */
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** One change as the audit page shows it; before/after hold only the fields that changed. */
export interface AuditItem {
  id: string;
  at: string;
  /** "line:U…", "cli", "import:file.csv", "job:reminders". */
  actor: string;
  /** The acting member's display name, when a member acted. */
  memberName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The step's or measure's title, the member's name…, when the entity still exists. */
  entityTitle: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const TITLED = ["step", "measure", "member", "milestone"] as const;

/** GET /api/agencies/:agencyId/audit: the agency's audit log, newest first, for admins and editors. */
export function auditApi() {
  return new Hono<ApiEnv>().get(
    "/agencies/:agencyId/audit",
    zValidator("param", params),
    zValidator("query", query),
    async (c) => {
      const { agencyId } = c.req.valid("param");
      const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
      if (!membership) return c.json({ error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" }, 403);
      if (membership.role === "viewer") {
        return c.json({ error: "บทบาทผู้ดูเปิดประวัติการแก้ไขไม่ได้ (เฉพาะผู้ดูแลและผู้แก้ไข)" }, 403);
      }
      const { before, limit } = c.req.valid("query");
      const db = c.get("db");
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
      if (before !== undefined) q = q.where("a.id", "<", before);
      const rows = await q
        .orderBy("a.id", "desc")
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
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
      return c.json({ entries, nextBefore: rows.length > limit && last ? String(last.id) : null });
    },
  );
}

/** Titles of the page's steps, measures, members and calendar dates, read within the agency only. */
async function titlesOf(
  db: ApiEnv["Variables"]["db"],
  agencyId: number,
  refs: { entity: string; id: string | null }[],
): Promise<Map<string, string>> {
  const ids = (entity: (typeof TITLED)[number]) => [
    ...new Set(
      refs
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
