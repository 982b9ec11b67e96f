import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { reportRequestSchema } from "../../core/schemas/report-request.ts";
import { fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { assessmentYears } from "../../db/repositories/assessments.ts";
import { measureYears } from "../../db/repositories/measure-years.ts";
import { scopeOf } from "../../db/repositories/members.ts";
import { reportFontInfo } from "../../db/repositories/report-fonts.ts";
import type { ReportLinker } from "../downloads/links.ts";
import type { ApiEnv } from "./context.ts";
import { formJson } from "./form-json.ts";

const params = z.object({ agencyId: z.coerce.number().int().positive() });
const NOT_MEMBER = { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" };
const NOT_ALLOWED = { error: "รายงานดาวน์โหลดได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน" };

/**
 * The official reports of an agency: which years each can be made for, and a short-lived signed
 * link to one (the same links the chat hands out), for admins and editors.
 */
export function reportsApi(deps: { linker?: ReportLinker; now: () => Date }) {
  return new Hono<ApiEnv>()
    .get("/agencies/:agencyId/reports", zValidator("param", params), async (c) => {
      const membership = c.get("memberships").find((m) => m.agencyId === c.req.valid("param").agencyId);
      if (!membership) return c.json(NOT_MEMBER, 403);
      const scope = scopeOf(membership);
      const current = fiscalYearAt(deps.now());
      const measures = await measureYears(c.get("db"), scope);
      const font = await reportFontInfo(c.get("db"), scope);
      return c.json({
        canDownload: membership.role !== "viewer" && Boolean(deps.linker),
        analysisYears: await assessmentYears(c.get("db"), scope),
        progressYears: measures.length ? measures : [current],
        font: { family: font?.family ?? "Sarabun", custom: Boolean(font) },
      });
    })
    .post(
      "/agencies/:agencyId/reports/links",
      zValidator("param", params),
      formJson(reportRequestSchema),
      async (c) => {
        const { agencyId } = c.req.valid("param");
        const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
        if (!membership) return c.json(NOT_MEMBER, 403);
        if (membership.role === "viewer") return c.json(NOT_ALLOWED, 403);
        if (!deps.linker)
          return c.json({ error: "บริการดาวน์โหลดรายงานยังไม่เปิดบนเซิร์ฟเวอร์นี้ กรุณาแจ้งผู้ดูแลระบบ" }, 503);
        const url = await deps.linker.urlFor({ agencyId, ...c.req.valid("json") }, deps.now());
        return c.json({ url, validMinutes: deps.linker.validMinutes });
      },
    );
}
