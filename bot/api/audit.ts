import { Hono } from "hono";
import { z } from "zod";
import { auditLogPage } from "../../db/repositories/audit-log.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { validQuery } from "./validate.ts";

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
    agencyGuard("editor", "บทบาทผู้ดูเปิดประวัติการแก้ไขไม่ได้ (เฉพาะผู้ดูแลและผู้แก้ไข)"),
    validQuery(query),
    async (c) => {
      const { before, limit } = c.req.valid("query");
      const page = await auditLogPage(c.get("db"), c.get("scope"), {
        ...(before === undefined ? {} : { before }),
        limit,
      });
      return c.json(page);
    },
  );
}
