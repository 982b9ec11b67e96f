import { createMiddleware } from "hono/factory";
import { requestId } from "hono/request-id";
import { type Logger, withFields } from "../log.ts";

export interface RequestLogEnv {
  Variables: { requestId: string; log: Logger };
}

/**
 * Gives every request an id (X-Request-Id, kept from a proxy when it sends a sane one) and a
 * logger that writes it on every line (`c.var.log`, handed on to work deferred past the
 * response), and writes one access line per request. The path is logged without its query
 * string, and a signed download link's token (`/r/<token>`) is cut to "…": whoever reads the log
 * could otherwise open the report while the link lasts. Bodies and headers never are logged.
 */
export function requestLog(log: Logger) {
  const id = requestId();
  const scoped = createMiddleware<RequestLogEnv>(async (c, next) => {
    const started = performance.now();
    const requestLog = withFields(log, { requestId: c.get("requestId") });
    c.set("log", requestLog);
    await next();
    requestLog.info("request", {
      method: c.req.method,
      path: loggedPath(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  return [id, scoped] as const;
}

/** A path fit for the log: a download link's token is a bearer credential and stays out. */
export function loggedPath(path: string): string {
  return path.startsWith("/r/") ? "/r/…" : path;
}
