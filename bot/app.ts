import { Hono } from "hono";
import type { Kysely } from "kysely";
import type { FrameworkSource } from "../db/repositories/frameworks.ts";
import { pingDatabase } from "../db/repositories/health.ts";
import type { Database } from "../db/schema.ts";
import type { ApiDeps } from "./api/context.ts";
import { apiApp } from "./api/index.ts";
import { type ChatDeps, handleEvent } from "./chat/handle-event.ts";
import type { ReportLinker } from "./downloads/links.ts";
import { type DownloadDeps, downloadRoute } from "./downloads/route.ts";
import { bodyLimits } from "./http/body-limit.ts";
import { errorHandler, notFoundHandler } from "./http/errors.ts";
import { type ClientIp, ipRateLimit, userRateLimited } from "./http/rate-limit.ts";
import { requestLog } from "./http/request-log.ts";
import { securityHeaders } from "./http/security-headers.ts";
import type { Logger } from "./log.ts";
import { homePage } from "./pages/home.ts";
import { webhookRoute } from "./webhook/route.ts";

export interface AppDeps {
  /** Per request on Workers, one pool on Node: the entry decides. */
  db: (c: { env: unknown }) => Kysely<Database>;
  production: boolean;
  log: Logger;
  /** The frameworks of the years, shared by chat and the API (one cache per process or isolate). */
  frameworks: FrameworkSource;
  /** LINE webhook: channel secrets (current first), the chat's dependencies, and deferral. */
  webhook?: {
    channelSecrets: readonly string[];
    chat: Omit<ChatDeps, "frameworks">;
    defer: (c: { env: unknown }, work: () => Promise<unknown>) => void;
  };
  /** The LIFF app's API: how ID tokens are verified, and the clock. */
  api?: {
    verifyIdToken: ApiDeps["verifyIdToken"];
    now: () => Date;
    reports?: ReportLinker;
    readResults?: ApiDeps["readResults"];
  };
  /** GET /r/:token: reports through signed links (from chat and the LIFF app). */
  downloads?: Omit<DownloadDeps, "db" | "log">;
  /** Development-only routes (the local chat console), mounted when not in production. */
  dev?: Hono;
  /** The caller's address for the per-IP rate limit on /api; without it only per-user limits apply. */
  clientIp?: ClientIp;
  /** The rate limits' clock in ms (Date.now unless a test holds time still). */
  rateClock?: () => number;
}

/** The whole HTTP surface; runtime entries (node.ts, worker.ts) only adapt it. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);
  app.use(...requestLog(deps.log));
  app.use(securityHeaders({ production: deps.production }));
  app.use(bodyLimits());
  const rateClock = deps.rateClock ?? Date.now;
  if (deps.clientIp) app.use("/api/*", ipRateLimit({ clientIp: deps.clientIp, now: rateClock }));
  app.get("/healthz", async (c) => {
    try {
      await pingDatabase(deps.db(c));
      return c.json({ ok: true, db: "up" });
    } catch (error) {
      deps.log.error("healthz: database down", { error: String(error) });
      return c.json({ ok: false, db: "down" }, 503);
    }
  });
  if (deps.webhook) {
    const { chat, channelSecrets, defer } = deps.webhook;
    app.route(
      "/",
      webhookRoute({
        db: deps.db,
        channelSecrets,
        defer,
        handleEvent: (db, event, claimed, log) =>
          handleEvent({ ...chat, frameworks: deps.frameworks, log }, db, event, claimed),
        log: deps.log,
      }),
    );
  }
  if (deps.api) {
    const verifyIdToken = userRateLimited(deps.api.verifyIdToken, { now: rateClock });
    app.route(
      "/api",
      apiApp({ db: deps.db, log: deps.log, ...deps.api, verifyIdToken, frameworks: deps.frameworks }),
    );
  }
  if (deps.downloads) app.route("/", downloadRoute({ db: deps.db, log: deps.log, ...deps.downloads }));
  if (deps.dev && !deps.production) app.route("/dev", deps.dev);
  app.get("/", async (c) =>
    c.html(await homePage(deps.db(c), { console: Boolean(deps.dev && !deps.production) })),
  );
  return app;
}

export type App = ReturnType<typeof createApp>;
