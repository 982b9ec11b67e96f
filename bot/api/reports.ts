import { Hono } from "hono";
import { reportRequestSchema } from "../../core/schemas/report-request.ts";
import { fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { assessmentYears } from "../../db/repositories/assessments.ts";
import { measureYears } from "../../db/repositories/measure-years.ts";
import { reportFontInfo } from "../../db/repositories/report-fonts.ts";
import type { ReportLinker } from "../downloads/links.ts";
import { Refusal } from "../http/errors.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { formJson } from "./validate.ts";

const NOT_ALLOWED = "รายงานดาวน์โหลดได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน";
const NO_DOWNLOADS = "บริการดาวน์โหลดรายงานยังไม่เปิดบนเซิร์ฟเวอร์นี้ กรุณาแจ้งผู้ดูแลระบบ";

/**
 * The official reports of an agency: which years each can be made for, and a short-lived signed
 * link to one (the same links the chat hands out), for admins and editors.
 */
export function reportsApi(deps: { linker?: ReportLinker; now: () => Date }) {
  return new Hono<ApiEnv>()
    .get("/agencies/:agencyId/reports", agencyGuard("viewer"), async (c) => {
      const scope = c.get("scope");
      const current = fiscalYearAt(deps.now());
      const measures = await measureYears(c.get("db"), scope);
      const font = await reportFontInfo(c.get("db"), scope);
      return c.json({
        canDownload: scope.role !== "viewer" && Boolean(deps.linker),
        analysisYears: await assessmentYears(c.get("db"), scope),
        progressYears: measures.length ? measures : [current],
        font: { family: font?.family ?? "Sarabun", custom: Boolean(font) },
      });
    })
    .post(
      "/agencies/:agencyId/reports/links",
      agencyGuard("editor", NOT_ALLOWED),
      formJson(reportRequestSchema),
      async (c) => {
        if (!deps.linker) throw new Refusal(503, { error: NO_DOWNLOADS });
        const url = await deps.linker.urlFor(
          { agencyId: c.get("scope").agencyId, ...c.req.valid("json") },
          deps.now(),
        );
        return c.json({ url, validMinutes: deps.linker.validMinutes });
      },
    );
}
