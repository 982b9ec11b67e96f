import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema.ts";
import { createApp } from "./app.ts";
import { deferTracker } from "./defer.ts";
import { tick } from "./jobs/tick.ts";
import { createLineClient } from "./line/client.ts";
import { createIdTokenVerifier } from "./line/id-token.ts";
import { jsonLogger } from "./log.ts";

interface Env {
  /** Hyperdrive binding in front of PostgreSQL (wrangler.toml). */
  HYPERDRIVE: { connectionString: string };
  LINE_CHANNEL_SECRET: string;
  LINE_CHANNEL_ACCESS_TOKEN: string;
  LINE_API_BASE_URL?: string;
  LINE_LOGIN_CHANNEL_ID: string;
}

// One verifier per isolate: it caches LINE's signing keys between requests.
let verifier: ReturnType<typeof createIdTokenVerifier> | undefined;

function idTokenVerifier(env: Env) {
  verifier ??= createIdTokenVerifier({
    channelId: env.LINE_LOGIN_CHANNEL_ID,
    jwksUrl: "https://api.line.me/oauth2/v2.1/certs",
  });
  return verifier;
}

function lineOf(env: Env) {
  return createLineClient({
    channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN,
    baseURL: env.LINE_API_BASE_URL ?? "https://api.line.me",
  });
}

/** Workers reuse an isolate across requests but not sockets: one pg client per request or cron run. */
function dbOf(env: Env) {
  const pool = new pg.Pool({ connectionString: env.HYPERDRIVE.connectionString, max: 1 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export default {
  async fetch(request, env, ctx) {
    const db = dbOf(env);
    const log = jsonLogger();
    const tracker = deferTracker();
    const line = lineOf(env);
    const app = createApp({
      db: () => db,
      production: true,
      log,
      webhook: {
        channelSecrets: [env.LINE_CHANNEL_SECRET],
        chat: { line, now: () => new Date(), log },
        defer: (_c, work) => tracker.defer(work),
      },
      api: {
        verifyIdToken: idTokenVerifier(env),
        now: () => new Date(),
      },
    });
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      ctx.waitUntil(tracker.settle().then(() => db.destroy()));
    }
  },

  /** The Cron Trigger (wrangler.toml): the same tick as the Node interval. */
  async scheduled(_controller, env, ctx) {
    const db = dbOf(env);
    const log = jsonLogger();
    ctx.waitUntil(
      tick({ db, line: lineOf(env), now: () => new Date(), log })
        .then((report) => log.info("tick", { ...report }))
        .catch((error: unknown) => log.error("tick failed", { error: String(error) }))
        .finally(() => db.destroy()),
    );
  },
} satisfies ExportedHandler<Env>;
