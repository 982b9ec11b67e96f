import { AsyncLocalStorage } from "node:async_hooks";
import { Hono } from "hono";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { z } from "zod";
import { frameworkSource } from "../db/repositories/frameworks.ts";
import type { Database } from "../db/schema.ts";
import { type App, createApp } from "./app.ts";
import { FRAMEWORKS_TTL_MS } from "./cache-ttl.ts";
import { jwksUrlOf } from "./config.ts";
import { type DeferTracker, deferTracker } from "./defer.ts";
import { workerClientIp } from "./http/rate-limit.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { tick } from "./jobs/tick.ts";
import { withLiffSettings } from "./liff-page.ts";
import { createLineClient, type LineClient } from "./line/client.ts";
import { createIdTokenVerifier } from "./line/id-token.ts";
import { jsonLogger, type Logger } from "./log.ts";

interface Env {
  /** Hyperdrive binding in front of PostgreSQL (wrangler.toml). */
  HYPERDRIVE: { connectionString: string };
  /** The LIFF build (dist/liff) as static assets (wrangler.toml [assets]). */
  ASSETS: Fetcher;
  LINE_CHANNEL_SECRET: string;
  LINE_CHANNEL_SECRET_PREVIOUS?: string;
  LINE_CHANNEL_ACCESS_TOKEN: string;
  LINE_API_BASE_URL?: string;
  LINE_LOGIN_CHANNEL_ID?: string;
  LIFF_ID?: string;
}

/** Secrets and vars, checked once per isolate; a bad one is named in the log, never shown. */
const envSchema = z.object({
  LINE_CHANNEL_SECRET: z.string().min(10),
  LINE_CHANNEL_SECRET_PREVIOUS: z.string().min(10).optional(),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(10),
  LINE_API_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://api.line.me"),
  /** Without it the chat works and the LIFF app's API is not mounted. */
  LINE_LOGIN_CHANNEL_ID: z
    .string()
    .regex(/^\d{6,20}$/)
    .optional(),
  LIFF_ID: z.string().min(3).optional(),
});
type Settings = z.infer<typeof envSchema>;

function settingsOf(env: Env): Settings {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => typeof v === "string" && v !== ""),
  ) as Record<string, string>;
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  }
  return parsed.data;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Workers keep an isolate between requests but not its sockets: one pg client per request or
 * cron run, through Hyperdrive's pooled connection string. Types are parsed as db/client.ts
 * does on Node (dates stay 'YYYY-MM-DD', bigint counts become numbers), so answers are the same.
 */
function dbOf(env: Env): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: env.HYPERDRIVE.connectionString,
    max: 1,
    types: {
      getTypeParser: ((oid: number, format: "text" | "binary") => {
        if (oid === DATE_OID) return (v: string) => v;
        if (oid === INT8_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** What belongs to one request: its database client (opened on first use) and its deferred work. */
interface RequestScope {
  env: Env;
  db?: Kysely<Database>;
  tracker: DeferTracker;
}
const scope = new AsyncLocalStorage<RequestScope>();

function requestDb(): Kysely<Database> {
  const s = scope.getStore();
  if (!s) throw new Error("no request scope");
  s.db ??= dbOf(s.env);
  return s.db;
}

function loggerOf(settings: Settings): Logger {
  return jsonLogger(undefined, {
    secrets: [
      settings.LINE_CHANNEL_SECRET,
      settings.LINE_CHANNEL_SECRET_PREVIOUS,
      settings.LINE_CHANNEL_ACCESS_TOKEN,
    ],
  });
}

/** What one isolate runs on; the database is not in it (it is per request, see RequestScope). */
interface Isolate {
  root: Hono;
  log: Logger;
  line: LineClient;
  now: () => Date;
}

/**
 * The Workers composition root: settings, logger, LINE client, clock, frameworks source and app, built once per
 * isolate (env does not change within one), so the ID-token key cache and the rate-limit buckets live as long as
 * the isolate; the database is per request.
 */
function composeWorker(env: Env): Isolate {
  const settings = settingsOf(env);
  const log = loggerOf(settings);
  const now = () => new Date();
  const line = createLineClient({
    channelAccessToken: settings.LINE_CHANNEL_ACCESS_TOKEN,
    baseURL: settings.LINE_API_BASE_URL,
  });
  const app: App = createApp({
    db: requestDb,
    production: true,
    log,
    // Per isolate: a year an operator loads is used within the TTL, as on Node.
    frameworks: frameworkSource({ ttlMs: FRAMEWORKS_TTL_MS, now: Date.now }),
    webhook: {
      channelSecrets: [settings.LINE_CHANNEL_SECRET, settings.LINE_CHANNEL_SECRET_PREVIOUS].filter(
        (s): s is string => Boolean(s),
      ),
      chat: { line, now, log },
      defer: (_c, work) => scope.getStore()!.tracker.defer(work),
    },
    ...(settings.LINE_LOGIN_CHANNEL_ID
      ? {
          api: {
            verifyIdToken: createIdTokenVerifier({
              channelId: settings.LINE_LOGIN_CHANNEL_ID,
              jwksUrl: jwksUrlOf(settings.LINE_API_BASE_URL),
            }),
            now,
          },
        }
      : {}),
    clientIp: workerClientIp,
  });
  return { root: withLiffAssets(app, settings.LIFF_ID), log, line, now };
}

let composed: Isolate | undefined;
function isolateOf(env: Env): Isolate {
  composed ??= composeWorker(env);
  return composed;
}

/** The LIFF build from static assets (run_worker_first, so it gets the same headers and CSP), around the app. */
function withLiffAssets(app: App, liffId: string | undefined): Hono {
  const root = new Hono<{ Bindings: Env }>();
  root.use("/liff/*", securityHeaders({ production: true }));
  root.get("/liff", (c) => c.redirect("/liff/"));
  const page = async (c: { env: Env; req: { url: string } }) => {
    const res = await c.env.ASSETS.fetch(new URL("/index.html", c.req.url));
    if (!res.ok) return new Response("ยังไม่ได้สร้างแอป LIFF: npm run build:liff", { status: 503 });
    const html = withLiffSettings(await res.text(), { liffId });
    return new Response(html, {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
    });
  };
  root.get("/liff/", page);
  root.get("/liff/index.html", page);
  root.get("/liff/*", async (c) => {
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice("/liff".length);
    const res = await c.env.ASSETS.fetch(url);
    // A fetched response's headers are immutable: copy it so the security headers can be added.
    return res.status === 404 ? page(c) : new Response(res.body, res);
  });
  root.route("/", app);
  return root as unknown as Hono;
}

export default {
  async fetch(request, env, ctx) {
    const s: RequestScope = { env, tracker: deferTracker() };
    return scope.run(s, async () => {
      try {
        return await isolateOf(env).root.fetch(request, env, ctx);
      } finally {
        // The webhook answers at once; its events are handled after, within the request's lifetime.
        ctx.waitUntil(s.tracker.settle().then(() => s.db?.destroy()));
      }
    });
  },

  /** The Cron Trigger (wrangler.toml): the same tick as the Node interval. */
  async scheduled(_controller, env, ctx) {
    const { log, line, now } = isolateOf(env);
    const db = dbOf(env);
    ctx.waitUntil(
      tick({ db, line, now, log })
        .then((report) => log.info("tick", { ...report }))
        .catch((error: unknown) => log.error("tick failed", { error: String(error) }))
        .finally(() => db.destroy()),
    );
  },
} satisfies ExportedHandler<Env>;
