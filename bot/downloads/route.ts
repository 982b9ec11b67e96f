import { Hono } from "hono";
import type { Kysely } from "kysely";
import { NotFoundError, ValidationError } from "../../db/errors.ts";
import type { Database } from "../../db/schema.ts";
import { type AgencyScope, systemScope } from "../../db/scope.ts";
import type { Logger } from "../log.ts";
import type { ReportLinker, ReportRequest } from "./links.ts";

export interface RenderedReport {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
}

export type RenderReport = (
  db: Kysely<Database>,
  scope: AgencyScope,
  request: Omit<ReportRequest, "agencyId">,
) => Promise<RenderedReport>;

export interface DownloadDeps {
  db: (c: { env: unknown }) => Kysely<Database>;
  linker: ReportLinker;
  render: RenderReport;
  now: () => Date;
  log: Logger;
}

/**
 * GET /r/:token — a report through a signed link from chat or the LIFF app. The link was made
 * for a member's own agency and is checked here, so the browser that opens it needs no login.
 */
export function downloadRoute(deps: DownloadDeps) {
  return new Hono().get("/r/:token", async (c) => {
    const request = await deps.linker.read(c.req.param("token"), deps.now());
    if (request === "expired") {
      return c.html(page("ลิงก์หมดอายุแล้ว", "พิมพ์ “ขอรายงาน” ในแชต LINE ของบัญชีโปร่งใสเพื่อรับลิงก์ใหม่"), 410);
    }
    if (request === "invalid") {
      return c.html(page("ลิงก์ไม่ถูกต้อง", "กรุณาใช้ลิงก์จากแชต LINE หรือแอปโปร่งใสโดยไม่แก้ไข"), 404);
    }
    try {
      const { agencyId, ...what } = request;
      const report = await deps.render(deps.db(c), systemScope(agencyId), what);
      deps.log.info("report downloaded", { agencyId, ...what, bytes: report.bytes.length });
      return new Response(report.bytes as Uint8Array<ArrayBuffer>, {
        headers: {
          "content-type": report.contentType,
          "content-disposition": contentDisposition(report.filename),
          "cache-control": "private, no-store",
        },
      });
    } catch (error) {
      if (error instanceof NotFoundError) {
        const what = request.kind === "analysis" ? "ผลการประเมิน" : "มาตรการ";
        return c.html(page(`ยังไม่มี${what}ของปี ${request.year}`, "นำเข้าข้อมูลของปีนี้ก่อน แล้วขอรายงานใหม่"), 404);
      }
      if (error instanceof ValidationError) {
        return c.html(page("สร้างรายงานนี้ไม่ได้", error.message), 400);
      }
      deps.log.error("report download failed", { ...request, error: String(error) });
      return c.html(page("สร้างรายงานไม่สำเร็จ", "ข้อมูลของปีนี้อาจยังไม่ครบ กรุณาลองใหม่ภายหลังหรือแจ้งผู้ดูแล"), 500);
    }
  });
}

/** An ASCII fallback name plus the Thai name (RFC 6266 / 5987), so every browser saves it sensibly. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function page(title: string, message: string): string {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:sans-serif;padding:24px;line-height:1.6"><h1 style="font-size:20px">${title}</h1><p>${message}</p></body></html>`;
}
