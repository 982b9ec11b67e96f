import cluster from "node:cluster";
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { createDb } from "../db/client.ts";
import { loadDemoData } from "../db/demo/load.ts";
import { migrate } from "../db/migrate.ts";
import { frameworkSource } from "../db/repositories/frameworks.ts";
import { cachedResults } from "../db/repositories/results-cache.ts";
import { type App, createApp } from "./app.ts";
import { FRAMEWORKS_TTL_MS, REPORT_CACHE_BYTES, REPORT_CACHE_TTL_MS, RESULTS_TTL_MS } from "./cache-ttl.ts";
import { stopMessageOf, superviseWorkers } from "./cluster.ts";
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
import type { ConsoleDeps } from "./dev/console.ts";
import type { FakeLinePlatform } from "./dev/line-platform/types.ts";
import { reportLinker } from "./downloads/links.ts";
import { reportCache } from "./downloads/report-cache.ts";
import { nodeClientIp } from "./http/rate-limit.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { threadedResultsReader } from "./import/threaded-reader.ts";
import { type TickDeps, tick } from "./jobs/tick.ts";
import { withLiffSettings } from "./liff-page.ts";
import { createLineClient, type LineClient } from "./line/client.ts";
import { createIdTokenVerifier } from "./line/id-token.ts";
import { type KeepAlivePool, keepAlivePool } from "./line/keep-alive.ts";
import { jsonLogger, type Logger, withFields } from "./log.ts";
import { renderReport } from "./reports/render.ts";

/**
 * The audience of LIFF ID tokens when LINE_LOGIN_CHANNEL_ID is unset: what the dev console's tokens are
 * issued for (with real LINE and no login channel, no real token names it, so the API refuses them all).
 */
const DEV_LOGIN_CHANNEL = "1600000000";

export interface RunningServer {
  url: string;
  fake?: FakeLinePlatform;
  db: DbHandle["db"];
  close(): Promise<void>;
}

/** The whole product on Node: database, LINE (real or fake), webhook, API, LIFF files, console, ticks. */
export interface ServerOptions {
  /** Where the LIFF build is (npm run build:liff); tests point it elsewhere. */
  liffDir?: string;
  /** Migrations (and the demo) were applied already: the cluster's primary did it before forking. */
  prepared?: boolean;
}

type DbHandle = Awaited<ReturnType<typeof createDb>>;

export async function startServer(
  config: Config,
  log: Logger = jsonLogger(),
  options: ServerOptions = {},
): Promise<RunningServer> {
  const node = await composeNode(config, log, options.liffDir ?? "./dist/liff", options.prepared === true);
  const ticks = startTicks(
    { db: node.handle.db, line: node.line.line, now: node.now, log, skipPlanningWhenBusy: true },
    config.TICK_EVERY_MS,
  );

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: node.root.fetch, port: config.PORT }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  node.listeningAt(url);
  // Graceful: stop accepting and let in-flight requests finish (idle keep-alive sockets are closed
  // at once), let a running tick finish its send batch, finish deferred webhook work, then close.
  const close = async () => {
    const ticked = ticks.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if ("closeIdleConnections" in server) server.closeIdleConnections();
    await closed;
    await ticked;
    await node.tracker.settle();
    node.line.pool.close();
    await node.line.fake?.close();
    await node.handle.close();
  };
  const { fake } = node.line;
  return { url, ...(fake ? { fake } : {}), db: node.handle.db, close };
}

/**
 * The Node composition root: clock, database, LINE, caches and the app, with the LIFF files around it and, in
 * development, the chat console.
 */
async function composeNode(config: Config, log: Logger, liffDir: string, prepared: boolean) {
  const now = clockOf(config);
  const handle = prepared ? await createDb(dbConfigOf(config)) : await openDatabase(config, now, log);
  const line = await lineOf(config);
  const tracker = deferTracker();
  const production = config.NODE_ENV === "production";
  const loginChannelId = config.LINE_LOGIN_CHANNEL_ID ?? DEV_LOGIN_CHANNEL;
  const [secret] = line.channelSecrets;

  let app: App | undefined;
  const dev =
    line.fake && !production
      ? await devConsoleOf({
          db: handle.db,
          fake: line.fake,
          channelSecret: secret,
          webhook: async (body, signature) =>
            app!.request("/webhook", {
              method: "POST",
              body,
              headers: { "content-type": "application/json", "x-line-signature": signature },
            }),
          settle: () => tracker.settle(),
          now,
          loginChannelId,
        })
      : undefined;
  // Report links name this server: PUBLIC_URL, else the address it listens on (known once it listens).
  let listening = "";
  const reports = reportLinker({ secret, publicUrl: () => config.PUBLIC_URL ?? listening });
  const frameworks = frameworkSource({ ttlMs: FRAMEWORKS_TTL_MS, now: Date.now });
  const clientIp = nodeClientIp({ trustProxy: config.TRUST_PROXY === "on" });
  app = createApp({
    db: () => handle.db,
    production,
    log,
    frameworks,
    webhook: {
      channelSecrets: line.channelSecrets,
      chat: {
        line: line.line,
        now,
        log,
        results: cachedResults({ ttlMs: RESULTS_TTL_MS, now: Date.now }),
        reports,
      },
      defer: (_c, work) => tracker.defer(work),
    },
    api: {
      verifyIdToken: createIdTokenVerifier({
        channelId: loginChannelId,
        jwksUrl: jwksUrlOf(line.apiBaseUrl),
      }),
      now,
      reports,
      readResults: threadedResultsReader(),
    },
    downloads: {
      linker: reports,
      render: async (db, scope, request) =>
        renderReport(db, scope, { ...request, frameworks: await frameworks.get(db) }),
      now,
      cache: reportCache({ maxBytes: REPORT_CACHE_BYTES, ttlMs: REPORT_CACHE_TTL_MS, now: Date.now }),
      limit: { clientIp, now: Date.now },
    },
    clientIp,
    ...(dev ? { dev } : {}),
  });
  return {
    now,
    handle,
    line,
    tracker,
    root: withLiffFiles(app, { liffDir, liffId: config.LIFF_ID, production }),
    listeningAt: (url: string) => {
      listening = url;
    },
  };
}

async function openDatabase(config: Config, now: () => Date, log: Logger): Promise<DbHandle> {
  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const handle = await createDb(dbConfigOf(config));
  await migrate(handle.db);
  if (config.demoData) {
    const demo = await loadDemoData(handle.db, { now: now() });
    if (demo.loaded) log.info("demo data loaded", { agencies: demo.agencies });
  }
  return handle;
}

/**
 * Replies, pushes and multicasts in flight to LINE at once, per process. Beyond it they queue:
 * unbounded, a burst of slow replies opened a socket each (3,015 in the webhook bench) and
 * overflowed the platform's accept queue; 32 keeps a process's sending busy on a fast network.
 */
export const LINE_CONNECTIONS = 32;

/** Where the bot talks to LINE: LINE itself, or without credentials (development) the fake platform. */
interface LineSetup {
  line: LineClient;
  /** The connections behind `line`'s messages, closed at shutdown. */
  pool: KeepAlivePool;
  /** The current channel secret first; the previous one too while a reissued secret rolls out. */
  channelSecrets: [string, ...string[]];
  apiBaseUrl: string;
  fake?: FakeLinePlatform;
}

async function lineOf(config: Config): Promise<LineSetup> {
  if (config.line.mode === "real") {
    const { channelSecret, previousChannelSecret, channelAccessToken, apiBaseUrl } = config.line;
    const pool = keepAlivePool({ baseURL: apiBaseUrl, connections: LINE_CONNECTIONS });
    return {
      line: createLineClient({ channelAccessToken, baseURL: apiBaseUrl, post: pool.post }),
      pool,
      channelSecrets: previousChannelSecret ? [channelSecret, previousChannelSecret] : [channelSecret],
      apiBaseUrl,
    };
  }
  // parseConfig refuses production without credentials; this also stops a config built by hand.
  if (config.NODE_ENV === "production") {
    throw new ConfigError(
      "Invalid configuration:\n  LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are required in production",
    );
  }
  // Loaded only here, so production never loads the development folder (or its dependencies).
  const { startDevLine } = await import("./dev/fake-line.ts");
  const dev = await startDevLine();
  const pool = keepAlivePool({ baseURL: dev.fake.url, connections: LINE_CONNECTIONS });
  return {
    line: createLineClient({
      channelAccessToken: dev.channelAccessToken,
      baseURL: dev.fake.url,
      post: pool.post,
    }),
    pool,
    channelSecrets: [dev.channelSecret],
    apiBaseUrl: dev.fake.url,
    fake: dev.fake,
  };
}

/** The /dev routes (chat console, LIFF test tokens), loaded only in development. */
async function devConsoleOf(deps: ConsoleDeps) {
  const { devConsole } = await import("./dev/console.ts");
  return devConsole(deps);
}

/**
 * The reminder scheduler: one tick a minute, never two at once in this process (several processes are safe
 * too: planning takes an advisory lock, sending claims rows with SKIP LOCKED).
 */
function startTicks(deps: TickDeps, everyMs: number) {
  let ticking: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Every process ticks at the same instants (whole multiples of the period since the epoch), so the
  // workers meet at the planning lock together and all but one skip planning; free-running timers
  // would drift apart and each would plan in turn, reading everything again to find nothing new.
  let next = Math.ceil(Date.now() / everyMs) * everyMs;
  const schedule = () => {
    const at = Date.now();
    while (next <= at) next += everyMs;
    timer = setTimeout(() => {
      run();
      schedule();
    }, next - at);
  };
  const run = () => {
    if (ticking) return;
    ticking = tick(deps)
      .then(
        (report) => deps.log.info("tick", { ...report }),
        (error: unknown) => deps.log.error("tick failed", { error: String(error) }),
      )
      .finally(() => {
        ticking = undefined;
      });
  };
  schedule();
  return {
    /** No new tick from now; resolves when a running one has finished its send batch. */
    async stop() {
      clearTimeout(timer);
      await ticking;
    },
  };
}

/** The LIFF build (npm run build:liff, run by npm start) served from dist/liff at /liff, around the app. */
function withLiffFiles(
  app: App,
  options: { liffDir: string; liffId: string | undefined; production: boolean },
) {
  const { liffDir } = options;
  const root = new Hono();
  // On Workers, Cloudflare's edge compresses; here the app does it (a phone on 3G waits for bytes).
  root.use("*", compress());
  // The LIFF files get the same security headers (and CSP) as the app's own answers.
  root.use("/liff/*", securityHeaders({ production: options.production }));
  root.get("/liff", (c) => c.redirect("/liff/"));
  // The page itself carries the LIFF ID from LIFF_ID (bot/liff-page.ts); assets are static files.
  const liffPage = async (c: Context) => {
    const html = await readFile(join(liffDir, "index.html"), "utf8").catch(() => undefined);
    if (html === undefined) return c.text("ยังไม่ได้สร้างแอป LIFF: npm run build:liff", 503);
    c.header("cache-control", "no-cache");
    return c.html(withLiffSettings(html, { liffId: options.liffId }));
  };
  root.get("/liff/", liffPage);
  root.get("/liff/index.html", liffPage);
  root.use(
    "/liff/*",
    serveStatic({ root: liffDir, rewriteRequestPath: (path) => path.replace(/^\/liff/, "") }),
  );
  root.get("/liff/*", liffPage);
  root.route("/", app);
  return root;
}

/** A stop that takes longer than this (a stuck request or LINE call) ends the process anyway. */
const SHUTDOWN_GRACE_MS = 25_000;
/** The primary kills a worker still running this long after asking it to stop (its own timer failed). */
const PRIMARY_BACKSTOP_MS = SHUTDOWN_GRACE_MS + 5_000;

async function main() {
  const config = parseConfig(process.env);
  if (config.NODE_ENV === "production" && !config.DATABASE_URL && config.ALLOW_PGLITE !== "on") {
    throw new ConfigError(
      "Invalid configuration:\n  DATABASE_URL is required in production (or ALLOW_PGLITE=on for the embedded PGlite)",
    );
  }
  const base = jsonLogger(undefined, { secrets: secretsOf(config) });
  const clustered = config.WEB_CONCURRENCY > 1;
  if (clustered && cluster.isPrimary) return runPrimary(config, withFields(base, { role: "primary" }));
  const log = clustered ? withFields(base, { worker: cluster.worker?.id }) : base;

  // Signal handlers go on in the same turn as the start, so a stop that comes while the server is
  // still starting waits for it, then stops it.
  const started = startServer(config, log, { prepared: clustered });
  let stopping = false;
  const exitNow = (why: Record<string, unknown>) => {
    log.warn("shutdown: exiting now", why);
    process.exit(1);
  };
  const stop = (why: Record<string, unknown>) => {
    if (stopping) return;
    stopping = true;
    log.info("shutdown: finishing in-flight work", why);
    setTimeout(() => {
      log.error("shutdown: took too long, exiting", { graceMs: SHUTDOWN_GRACE_MS });
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    started
      .then((running) => running.close())
      .then(
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
  if (clustered) {
    // The primary decides: a signal sent to the whole process group (Ctrl-C, systemd) reaches this
    // worker too, and counting it as a second signal would cut the graceful stop short.
    const onSignal = (signal: string) => stop({ signal });
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("message", (message: unknown) => {
      const request = stopMessageOf(message);
      if (!request) return;
      if (request.force) exitNow({ from: "primary" });
      else stop({ from: "primary" });
    });
  } else {
    const onSignal = (signal: string) => (stopping ? exitNow({ signal }) : stop({ signal }));
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }

  const running = await started;
  if (clustered) return;
  const where = config.DATABASE_URL ? "PostgreSQL" : `PGlite ที่ ${config.DATA_DIR}`;
  console.log(`โปร่งใส พร้อมที่ ${running.url} (ฐานข้อมูล: ${where})`);
  if (running.fake && config.NODE_ENV !== "production") {
    console.log(`ลองคุยกับบอท: ${running.url}/dev/chat (แพลตฟอร์ม LINE จำลอง ${running.fake.url})`);
    console.log(`แอป LIFF (จำลองการเข้าสู่ระบบ LINE): ${running.url}/liff/?mock=1`);
  }
}

/**
 * WEB_CONCURRENCY workers behind one port (node:cluster hands connections to them in turn). The
 * primary migrates once, before any worker opens its pool, then only supervises.
 */
async function runPrimary(config: Config, log: Logger) {
  // A signal during the migrations lets them finish (each runs in a transaction) and forks nothing.
  let stopSignal: string | undefined;
  let supervisor: ReturnType<typeof superviseWorkers> | undefined;
  const onSignal = (signal: string) => {
    stopSignal ??= signal;
    if (supervisor) supervisor.stop(signal);
    else log.info("shutdown: stopping once the migrations are done", { signal });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const prepared = await openDatabase(config, clockOf(config), log);
  await prepared.close();
  if (stopSignal) process.exit(0);
  supervisor = superviseWorkers({
    count: config.WEB_CONCURRENCY,
    fork: () => cluster.fork(),
    log,
    backstopMs: PRIMARY_BACKSTOP_MS,
    onReady: (port) =>
      console.log(
        `โปร่งใส พร้อมที่ http://localhost:${port} (ฐานข้อมูล: PostgreSQL, ${config.WEB_CONCURRENCY} โปรเซส)`,
      ),
    onDone: (code) => process.exit(code),
  });
  const running = supervisor;
  cluster.on("listening", (worker, address) => running.listening(worker, address));
  cluster.on("exit", (worker, code, signal) => running.exited(worker, code, signal));
}

// Started as a program (npm start), not when imported (tests start it with startServer).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
