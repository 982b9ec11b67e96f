import { mkdir } from "node:fs/promises";
import { serve } from "@hono/node-server";
import { createDb } from "../db/client.ts";
import { loadDemoData } from "../db/demo/load.ts";
import { DEMO_USERS } from "../db/demo/users.ts";
import { migrate } from "../db/migrate.ts";
import { cachedResults } from "../db/repositories/results-cache.ts";
import { type App, createApp } from "./app.ts";
import { ConfigError, dbConfigOf, parseConfig } from "./config.ts";
import { deferTracker } from "./defer.ts";
import { devConsole } from "./dev/console.ts";
import { tick } from "./jobs/tick.ts";
import { createLineClient } from "./line/client.ts";
import { type FakeLinePlatform, startFakeLinePlatform } from "./line/fake-platform.ts";
import { createIdTokenVerifier } from "./line/id-token.ts";
import { jsonLogger } from "./log.ts";

// Without LINE credentials (development), the bot talks to this built-in fake platform.
const DEV_SECRET = "dev-channel-secret-not-for-production";
const DEV_TOKEN = "dev-channel-access-token-not-for-production";
/** Chat answers see a results import from another process within this time. */
const RESULTS_TTL_MS = 60_000;
const TICK_EVERY_MS = 60_000;
const DEV_LOGIN_CHANNEL = "1600000000";

async function start() {
  const config = parseConfig(process.env);
  const log = jsonLogger();
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

  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    const where = config.DATABASE_URL ? "PostgreSQL" : `PGlite ที่ ${config.DATA_DIR}`;
    console.log(`โปร่งใส พร้อมที่ http://localhost:${info.port} (ฐานข้อมูล: ${where})`);
    if (dev)
      console.log(`ลองคุยกับบอท: http://localhost:${info.port}/dev/chat (แพลตฟอร์ม LINE จำลอง ${fake!.url})`);
  });
  const stop = () => {
    clearInterval(timer);
    server.close(async () => {
      while (ticking) await new Promise((r) => setTimeout(r, 50));
      await tracker.settle();
      await fake?.close();
      await handle.close();
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

start().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
