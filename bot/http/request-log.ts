import { createMiddleware } from "hono/factory";
import { requestId } from "hono/request-id";
import { type Logger, withRequestId } from "../log.ts";

/**
 * Gives every request an id (X-Request-Id, kept from a proxy when it sends a sane one), runs the
 * request inside it so every log line carries it, and writes one access line per request. The
 * path is logged without its query string; bodies and headers never are.
 */
export function requestLog(log: Logger) {
  const id = requestId();
  const scoped = createMiddleware<{ Variables: { requestId: string } }>(async (c, next) => {
    const started = performance.now();
    await withRequestId(c.get("requestId"), async () => {
      await next();
      log.info("request", {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    });
  });
  return [id, scoped] as const;
}
