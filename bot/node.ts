import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createDb } from "../db/client.ts";
import { loadDemoData } from "../db/demo/load.ts";
import { DEMO_USERS } from "../db/demo/users.ts";
import { migrate } from "../db/migrate.ts";
import { cachedResults } from "../db/repositories/results-cache.ts";
import { type App, createApp } from "./app.ts";
import { type Config, ConfigError, dbConfigOf, parseConfig } from "./config.ts";
import { deferTracker } from "./defer.ts";
import { devConsole } from "./dev/console.ts";
import { tick } from "./jobs/tick.ts";
import { createLineClient } from "./line/client.ts";
import { type FakeLinePlatform, startFakeLinePlatform } from "./line/fake-platform.ts";
import { createIdTokenVerifier } from "./line/id-token.ts";
import { jsonLogger, type Logger } from "./log.ts";

// Without LINE credentials (development), the bot talks to this built-in fake platform.
const DEV_SECRET = "dev-channel-secret-not-for-production";
const DEV_TOKEN = "dev-channel-access-token-not-for-production";
/** Chat answers see a results import from another process within this time. */
const RESULTS_TTL_MS = 60_000;
const TICK_EVERY_MS = 60_000;
const DEV_LOGIN_CHANNEL = "1600000000";

export interface RunningServer {
  url: string;
  fake?: FakeLinePlatform;
  db: Awaited<ReturnType<typeof createDb>>["db"];
  close(): Promise<void>;
}

/** The whole product on Node: database, LINE (real or fake), webhook, API, LIFF files, console, ticks. */
export async function startServer(config: Config, log: Logger = jsonLogger()): Promise<RunningServer> {
  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const handle = await createDb(dbConfigOf(config));
  await migrate(handle.db);
  if (config.demoData) {
    const demo = await loadDemoData(handle.db);
    if (demo.loaded) log.info("demo data loaded", { agencies: demo.agencies });
  }

  let fake: FakeLinePlatform | undefined;
  let secret: string;
  let line: ReturnType<typeof createLineClient>;
  if (config.line.mode === "real") {
    secret = config.line.channelSecret;
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
    secret = DEV_SECRET;
    line = createLineClient({ channelAccessToken: DEV_TOKEN, baseURL: fake.url });
  }

  const tracker = deferTracker();
  const now = () => new Date();
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
  app = createApp({
    db: () => handle.db,
    production: config.NODE_ENV === "production",
    log,
    webhook: {
      channelSecrets: [secret],
      chat: { line, now, log, results: cachedResults({ ttlMs: RESULTS_TTL_MS, now: Date.now }) },
      defer: (_c, work) => tracker.defer(work),
    },
    api: {
      verifyIdToken: createIdTokenVerifier({
        channelId: config.LINE_LOGIN_CHANNEL_ID ?? DEV_LOGIN_CHANNEL,
        jwksUrl: fake ? `${fake.url}/oauth2/v2.1/certs` : "https://api.line.me/oauth2/v2.1/certs",
      }),
      now,
    },
    ...(dev ? { dev } : {}),
  });

  // The reminder scheduler: one tick a minute, never two at once in this process (several
  // processes are safe too: planning takes an advisory lock, sending claims rows with SKIP LOCKED).
  let ticking = false;
  const timer = setInterval(async () => {
    if (ticking) return;
    ticking = true;
    try {
      await tick({ db: handle.db, line, now, log });
    } catch (error) {
      log.error("tick failed", { error: String(error) });
    } finally {
      ticking = false;
    }
  }, TICK_EVERY_MS);

  // The LIFF build (npm run build:liff, run by npm start) is served from dist/liff at /liff.
  const root = new Hono();
  root.get("/liff", (c) => c.redirect("/liff/"));
  root.use("/liff/*", serveStatic({ root: "./dist" }));
  root.get("/liff/*", serveStatic({ path: "./dist/liff/index.html" }));
  root.route("/", app);

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: root.fetch, port: config.PORT }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  const close = async () => {
    clearInterval(timer);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    while (ticking) await new Promise((r) => setTimeout(r, 50));
    await tracker.settle();
    await fake?.close();
    await handle.close();
  };
  return { url, ...(fake ? { fake } : {}), db: handle.db, close };
}

async function main() {
  const config = parseConfig(process.env);
  const running = await startServer(config);
  const where = config.DATABASE_URL ? "PostgreSQL" : `PGlite ที่ ${config.DATA_DIR}`;
  console.log(`โปร่งใส พร้อมที่ ${running.url} (ฐานข้อมูล: ${where})`);
  if (running.fake && config.NODE_ENV !== "production") {
    console.log(`ลองคุยกับบอท: ${running.url}/dev/chat (แพลตฟอร์ม LINE จำลอง ${running.fake.url})`);
    console.log(`แอป LIFF (จำลองการเข้าสู่ระบบ LINE): ${running.url}/liff/?mock=1`);
  }
  const stop = () => running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Started as a program (npm start), not when imported (tests start it with startServer).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
