import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { auditLogPage } from "../../db/repositories/audit-log.ts";
import { scopeOf } from "../../db/repositories/members.ts";
import type { ApiEnv } from "./context.ts";

export type { AuditItem } from "../../db/repositories/audit-log.ts";

const params = z.object({ agencyId: z.coerce.number().int().positive() });
const query = z.object({
  /** The id of the oldest entry already shown: the next page is older than it. */
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

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
      const page = await auditLogPage(c.get("db"), scopeOf(membership), {
        ...(before === undefined ? {} : { before }),
        limit,
      });
      return c.json(page);
    },
  );
}
