import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { Refusal } from "./errors.ts";

/** LINE's webhook bodies are far below this even with many events. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;
/** The API takes small JSON forms. */
export const API_MAX_BYTES = 64 * 1024;
/** File uploads have their own, larger limit on their route (bot/api/results.ts, bot/api/report-font.ts). */
const UPLOAD_ROUTE = /^\/api\/agencies\/\d+\/(results\/(preview|import)|report-font)$/;

function limit(maxSize: number): MiddlewareHandler {
  const onError = (): never => {
    throw new Refusal(413, { error: `ข้อมูลที่ส่งมาใหญ่เกินไป (ไม่เกิน ${Math.round(maxSize / 1024)} KB)` });
  };
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    // With a Content-Length (LINE always sends one) the header decides, as in hono's own
    // bodyLimit, but without touching `c.req.raw.body`: on @hono/node-server that builds a
    // full web Request, about a tenth of the webhook's CPU. Chunked bodies are counted as read.
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number.parseInt(length, 10) > maxSize ? onError() : next();
    }
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    return streamed(c, next);
  };
}

/** Refuses oversized bodies before anything reads them: 413 with a Thai message. */
export function bodyLimits(): MiddlewareHandler {
  const webhook = limit(WEBHOOK_MAX_BYTES);
  const api = limit(API_MAX_BYTES);
  return (c, next) => {
    const path = c.req.path;
    if (path === "/webhook") return webhook(c, next);
    if (path.startsWith("/api/") && !UPLOAD_ROUTE.test(path)) return api(c, next);
    return next();
  };
}
