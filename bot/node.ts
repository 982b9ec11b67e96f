import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { createDb } from "../db/client.ts";
import { loadDemoData } from "../db/demo/load.ts";
import { DEMO_USERS } from "../db/demo/users.ts";
import { migrate } from "../db/migrate.ts";
import { frameworkSource } from "../db/repositories/frameworks.ts";
import { cachedResults } from "../db/repositories/results-cache.ts";
import { type App, createApp } from "./app.ts";
import {
  type Config,
  ConfigError,
  clockOf,
  dbConfigOf,
  jwksUrlOf,
  parseConfig,
  secretsOf,
} from "./config.ts";
import { deferTracker } from "./defer.ts";
import { devConsole } from "./dev/console.ts";
import { type FakeLinePlatform, startFakeLinePlatform } from "./dev/line-platform/server.ts";
import { reportLinker } from "./downloads/links.ts";
import { nodeClientIp } from "./http/rate-limit.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { tick } from "./jobs/tick.ts";
import { withLiffSettings } from "./liff-page.ts";
import { createLineClient } from "./line/client.ts";
import { createIdTokenVerifier } from "./line/id-token.ts";
import { jsonLogger, type Logger } from "./log.ts";
import { renderReport } from "./reports/render.ts";

// Without LINE credentials (development), the bot talks to this built-in fake platform.
/** The fake platform's channel secret: development tools (the console, benchmarks) sign with it. */
export const DEV_CHANNEL_SECRET = "dev-channel-secret-not-for-production";
const DEV_TOKEN = "dev-channel-access-token-not-for-production";
/** Chat answers see a results import from another process within this time. */
const RESULTS_TTL_MS = 60_000;
/** A framework year an operator loads is used everywhere within this time. */
export const FRAMEWORKS_TTL_MS = 30_000;
const TICK_EVERY_MS = 60_000;
const DEV_LOGIN_CHANNEL = "1600000000";

export interface RunningServer {
  url: string;
  fake?: FakeLinePlatform;
  db: Awaited<ReturnType<typeof createDb>>["db"];
  close(): Promise<void>;
}

/** The whole product on Node: database, LINE (real or fake), webhook, API, LIFF files, console, ticks. */
export interface ServerOptions {
  /** Where the LIFF build is (npm run build:liff); tests point it elsewhere. */
  liffDir?: string;
}

export async function startServer(
  config: Config,
  log: Logger = jsonLogger(),
  options: ServerOptions = {},
): Promise<RunningServer> {
  const liffDir = options.liffDir ?? "./dist/liff";
  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const handle = await createDb(dbConfigOf(config));
  await migrate(handle.db);
  const now = clockOf(config);
  if (config.demoData) {
    const demo = await loadDemoData(handle.db, { now: now() });
    if (demo.loaded) log.info("demo data loaded", { agencies: demo.agencies });
  }

  let listening = "";
  let fake: FakeLinePlatform | undefined;
  let secret: string;
  let previousSecret: string | undefined;
  let apiBaseUrl: string;
  let line: ReturnType<typeof createLineClient>;
  if (config.line.mode === "real") {
    secret = config.line.channelSecret;
    previousSecret = config.line.previousChannelSecret;
    apiBaseUrl = config.line.apiBaseUrl;
    line = createLineClient({
      channelAccessToken: config.line.channelAccessToken,
      baseURL: config.line.apiBaseUrl,
    });
  } else {
    fake = await startFakeLinePlatform({
      channelAccessToken: DEV_TOKEN,
      port: 0,
      profiles: Object.fromEntries(DEMO_USERS.map((u) => [u.lineUserId, { displayName: u.displayName }])),
    });
    secret = DEV_CHANNEL_SECRET;
    apiBaseUrl = fake.url;
    line = createLineClient({ channelAccessToken: DEV_TOKEN, baseURL: fake.url });
  }

  const tracker = deferTracker();
  let app: App | undefined;
  const dev =
    fake && config.NODE_ENV !== "production"
      ? devConsole({
          db: handle.db,
          fake,
          channelSecret: secret,
          webhook: async (body, signature) =>
            app!.request("/webhook", {
              method: "POST",
              body,
              headers: { "content-type": "application/json", "x-line-signature": signature },
            }),
          settle: () => tracker.settle(),
          now,
          loginChannelId: config.LINE_LOGIN_CHANNEL_ID ?? DEV_LOGIN_CHANNEL,
        })
      : undefined;
  // Report links name this server: PUBLIC_URL, else the address it listens on (set below).
  const reports = reportLinker({ secret, publicUrl: () => config.PUBLIC_URL ?? listening });
  const frameworks = frameworkSource({ ttlMs: FRAMEWORKS_TTL_MS, now: Date.now });
  app = createApp({
    db: () => handle.db,
    production: config.NODE_ENV === "production",
    log,
    frameworks,
    webhook: {
      channelSecrets: previousSecret ? [secret, previousSecret] : [secret],
      chat: { line, now, log, results: cachedResults({ ttlMs: RESULTS_TTL_MS, now: Date.now }), reports },
      defer: (_c, work) => tracker.defer(work),
    },
    api: {
      verifyIdToken: createIdTokenVerifier({
        channelId: config.LINE_LOGIN_CHANNEL_ID ?? DEV_LOGIN_CHANNEL,
        jwksUrl: jwksUrlOf(apiBaseUrl),
      }),
      now,
      reports,
    },
    downloads: {
      linker: reports,
      render: async (db, scope, request) =>
        renderReport(db, scope, { ...request, frameworks: await frameworks.get(db) }),
      now,
    },
    clientIp: nodeClientIp({ trustProxy: config.TRUST_PROXY === "on" }),
    ...(dev ? { dev } : {}),
  });

  // The reminder scheduler: one tick a minute, never two at once in this process (several
  // processes are safe too: planning takes an advisory lock, sending claims rows with SKIP LOCKED).
  let ticking: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = tick({ db: handle.db, line, now, log })
      .then(
        () => {},
        (error: unknown) => log.error("tick failed", { error: String(error) }),
      )
      .finally(() => {
        ticking = undefined;
      });
  }, TICK_EVERY_MS);

  // The LIFF build (npm run build:liff, run by npm start) is served from dist/liff at /liff.
  const root = new Hono();
  // On Workers, Cloudflare's edge compresses; here the app does it (a phone on 3G waits for bytes).
  root.use("*", compress());
  // The LIFF files get the same security headers (and CSP) as the app's own answers.
  root.use("/liff/*", securityHeaders({ production: config.NODE_ENV === "production" }));
  root.get("/liff", (c) => c.redirect("/liff/"));
  // The page itself carries the LIFF ID from LIFF_ID (bot/liff-page.ts); assets are static files.
  const liffPage = async (c: Context) => {
    const html = await readFile(join(liffDir, "index.html"), "utf8").catch(() => undefined);
    if (html === undefined) return c.text("ยังไม่ได้สร้างแอป LIFF: npm run build:liff", 503);
    c.header("cache-control", "no-cache");
    return c.html(withLiffSettings(html, { liffId: config.LIFF_ID }));
  };
  root.get("/liff/", liffPage);
  root.get("/liff/index.html", liffPage);
  root.use(
    "/liff/*",
    serveStatic({ root: liffDir, rewriteRequestPath: (path) => path.replace(/^\/liff/, "") }),
  );
  root.get("/liff/*", liffPage);
  root.route("/", app);

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: root.fetch, port: config.PORT }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  listening = url;
  // Graceful: stop accepting and let in-flight requests finish (idle keep-alive sockets are closed
  // at once), let a running tick finish its send batch, finish deferred webhook work, then close.
  const close = async () => {
    clearInterval(timer);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if ("closeIdleConnections" in server) server.closeIdleConnections();
    await closed;
    await ticking;
    await tracker.settle();
    await fake?.close();
    await handle.close();
  };
  return { url, ...(fake ? { fake } : {}), db: handle.db, close };
}

/** A stop that takes longer than this (a stuck request or LINE call) ends the process anyway. */
const SHUTDOWN_GRACE_MS = 25_000;

async function main() {
  const config = parseConfig(process.env);
  if (config.NODE_ENV === "production" && !config.DATABASE_URL && config.ALLOW_PGLITE !== "on") {
    throw new ConfigError(
      "Invalid configuration:\n  DATABASE_URL is required in production (or ALLOW_PGLITE=on for the embedded PGlite)",
    );
  }
  const log = jsonLogger(undefined, { secrets: secretsOf(config) });
  const running = await startServer(config, log);
  const where = config.DATABASE_URL ? "PostgreSQL" : `PGlite ที่ ${config.DATA_DIR}`;
  console.log(`โปร่งใส พร้อมที่ ${running.url} (ฐานข้อมูล: ${where})`);
  if (running.fake && config.NODE_ENV !== "production") {
    console.log(`ลองคุยกับบอท: ${running.url}/dev/chat (แพลตฟอร์ม LINE จำลอง ${running.fake.url})`);
    console.log(`แอป LIFF (จำลองการเข้าสู่ระบบ LINE): ${running.url}/liff/?mock=1`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn("shutdown: second signal, exiting now", { signal });
      process.exit(1);
    }
    stopping = true;
    log.info("shutdown: finishing in-flight work", { signal });
    setTimeout(() => {
      log.error("shutdown: took too long, exiting", { graceMs: SHUTDOWN_GRACE_MS });
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    running.close().then(
      () => {
        log.info("shutdown: done");
        process.exit(0);
      },
      (error: unknown) => {
        log.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// Started as a program (npm start), not when imported (tests start it with startServer).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
