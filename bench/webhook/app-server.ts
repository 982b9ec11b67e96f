// The bot under load, in its own process: "full" is the real app (signature, dedupe, intent,
// DB look-up, Flex, reply to the fake platform); "bare" only verifies the signature; "echo" is
// LINE's echo-bot pattern on Hono (signature, SDK `replyMessage` per text, 200 once replied), no
// database.

import { serve } from "@hono/node-server";
import { messagingApi, validateSignature, type webhook } from "@line/bot-sdk";
import { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../../bot/app.ts";
import { FRAMEWORKS_TTL_MS, RESULTS_TTL_MS } from "../../bot/cache-ttl.ts";
import { deferTracker } from "../../bot/defer.ts";
import { createLineClient } from "../../bot/line/client.ts";
import { keepAlivePool } from "../../bot/line/keep-alive.ts";
import { memoryLogger } from "../../bot/log.ts";
import { LINE_CONNECTIONS } from "../../bot/node.ts";
import { signatureIsValid } from "../../bot/webhook/signature.ts";
import { createDb } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { migrate } from "../../db/migrate.ts";
import { frameworkSource } from "../../db/repositories/frameworks.ts";
import { cachedResults } from "../../db/repositories/results-cache.ts";

const mode = process.argv[2] === "bare" || process.argv[2] === "echo" ? process.argv[2] : "full";
const secret = process.env.BENCH_SECRET!;
const token = process.env.BENCH_TOKEN!;
/** Steps taken out, to measure them: sdk-fetch, prepared, one-write (comma-separated). */
const before = new Set((process.env.BENCH_BEFORE ?? "").split(",").filter(Boolean));

async function database() {
  if (!process.env.DATABASE_URL) return createDb({});
  const base = new URL(process.env.DATABASE_URL);
  const admin = await createDb({ databaseUrl: base.toString(), maxConnections: 1 });
  // One database per process: a "before" full path runs beside the current one.
  const name = `prongsai_bench_webhook${process.env.BENCH_BEFORE ? `_${process.env.BENCH_BEFORE.replace(/\W/g, "_")}` : ""}`;
  await sql.raw(`drop database if exists ${name}`).execute(admin.db);
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  base.pathname = `/${name}`;
  return createDb({
    databaseUrl: base.toString(),
    maxConnections: 10,
    ...(before.has("prepared") ? { preparedStatements: false } : {}),
    ...(before.has("one-write") ? { oneWrite: false } : {}),
  });
}

const outer = new Hono();
const tracker = deferTracker();
if (mode === "bare") {
  outer.post("/webhook", async (c) => {
    const raw = await c.req.text();
    if (!signatureIsValid(raw, c.req.header("x-line-signature"), [secret])) return c.json({}, 401);
    return c.json({});
  });
} else if (mode === "echo") {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: token,
    baseURL: process.env.FAKE_URL!,
  });
  outer.post("/webhook", async (c) => {
    const raw = await c.req.text();
    const signature = c.req.header("x-line-signature");
    if (!signature || !validateSignature(raw, secret, signature)) return c.json({}, 401);
    const { events } = JSON.parse(raw) as webhook.CallbackRequest;
    const result = await Promise.all(
      events.map((event) =>
        event.type === "message" && event.message.type === "text" && event.replyToken
          ? client.replyMessage({
              replyToken: event.replyToken,
              messages: [{ type: "text", text: event.message.text }],
            })
          : null,
      ),
    );
    return c.json(result);
  });
} else {
  const handle = await database();
  await migrate(handle.db);
  await loadDemoData(handle.db, { now: new Date() });
  // Only errors are kept: an entry per request would grow the heap for the whole run.
  const kept = memoryLogger();
  const log = { ...kept, info: () => {}, warn: () => {} };
  // As bot/node.ts composes it; with sdk-fetch in BENCH_BEFORE, through the SDK's fetch instead.
  const baseURL = process.env.FAKE_URL!;
  const pool = keepAlivePool({ baseURL, connections: LINE_CONNECTIONS });
  const line = createLineClient({
    channelAccessToken: token,
    baseURL,
    ...(before.has("sdk-fetch") ? {} : { post: pool.post }),
  });
  const app = createApp({
    db: () => handle.db,
    production: true,
    log,
    frameworks: frameworkSource({ ttlMs: FRAMEWORKS_TTL_MS, now: Date.now }),
    webhook: {
      channelSecrets: [secret],
      chat: {
        line,
        now: () => new Date(),
        log,
        results: cachedResults({ ttlMs: RESULTS_TTL_MS, now: Date.now }),
      },
      defer: (_c, w) => tracker.defer(w),
    },
  });
  outer.get("/__bench/errors", (c) => c.json(kept.entries.filter((e) => e.level === "error").slice(0, 5)));
  outer.route("/", app);
}
outer.get("/__bench/cpu", (c) => c.json(process.cpuUsage()));
outer.get("/__bench/settle", async (c) => {
  await tracker.settle();
  return c.json({ ok: true });
});
serve({ fetch: outer.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on("SIGTERM", () => process.exit(0));
