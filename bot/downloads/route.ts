import { Hono } from "hono";
import type { Kysely } from "kysely";
import { type BucketOptions, tokenBuckets } from "../../core/ratelimit/token-bucket.ts";
import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import { NotFoundError, ValidationError } from "../../db/errors.ts";
import { reportDataVersion } from "../../db/repositories/audit-log.ts";
import type { Database } from "../../db/schema.ts";
import { type AgencyScope, systemScope } from "../../db/scope.ts";
import type { ClientIp } from "../http/rate-limit.ts";
import type { Logger } from "../log.ts";
import type { ReportLinker, ReportRequest } from "./links.ts";
import type { ReportCache } from "./report-cache.ts";

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
  /** Rendered reports kept by what they are made from; without it every request renders. */
  cache?: ReportCache;
  /** Renders per address: a link is opened a few times, a loop would keep the CPU busy. */
  limit?: { clientIp: ClientIp; now: () => number; bucket?: BucketOptions };
}

/** A person opens a handful of links; 20 at once, then one every 5 s, is far above that. */
export const DOWNLOAD_LIMIT: BucketOptions = { capacity: 20, refillPerSecond: 0.2 };

/**
 * GET /r/:token — a report through a signed link from chat or the LIFF app. The link was made
 * for a member's own agency and is checked here, so the browser that opens it needs no login.
 */
export function downloadRoute(deps: DownloadDeps) {
  const buckets = deps.limit && tokenBuckets(deps.limit.bucket ?? DOWNLOAD_LIMIT);
  return new Hono().get("/r/:token", async (c) => {
    const ip = deps.limit?.clientIp(c);
    if (buckets && ip) {
      const taken = buckets.take(ip, deps.limit!.now());
      if (!taken.ok) {
        const wait = taken.retryAfterSeconds;
        return c.html(page("ขอรายงานถี่เกินไป", `กรุณารอ ${wait} วินาทีแล้วเปิดลิงก์อีกครั้ง`), 429, {
          "retry-after": String(wait),
        });
      }
    }
    const request = await deps.linker.read(c.req.param("token"), deps.now());
    if (request === "expired") {
      return c.html(page("ลิงก์หมดอายุแล้ว", "พิมพ์ “ขอรายงาน” ในแชต LINE ของบัญชีโปร่งใสเพื่อรับลิงก์ใหม่"), 410);
    }
    if (request === "invalid") {
      return c.html(page("ลิงก์ไม่ถูกต้อง", "กรุณาใช้ลิงก์จากแชต LINE หรือแอปโปร่งใสโดยไม่แก้ไข"), 404);
    }
    try {
      const { agencyId, ...what } = request;
      const db = deps.db(c);
      const scope = systemScope(agencyId);
      const render = () => deps.render(db, scope, what);
      const { report, cached } = deps.cache
        ? await deps.cache.get(
            [
              agencyId,
              what.kind,
              what.year,
              what.format,
              what.digits ?? "thai",
              await reportDataVersion(db, scope),
              bangkokDate(deps.now()),
            ].join("|"),
            render,
          )
        : { report: await render(), cached: false };
      deps.log.info("report downloaded", { agencyId, ...what, bytes: report.bytes.length, cached });
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
