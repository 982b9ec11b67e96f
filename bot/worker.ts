import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema.ts";
import { createApp } from "./app.ts";
import { deferTracker } from "./defer.ts";
import { createLineClient } from "./line/client.ts";
import { jsonLogger } from "./log.ts";

interface Env {
  /** Hyperdrive binding in front of PostgreSQL (wrangler.toml). */
  HYPERDRIVE: { connectionString: string };
  LINE_CHANNEL_SECRET: string;
  LINE_CHANNEL_ACCESS_TOKEN: string;
  LINE_API_BASE_URL?: string;
}

// Workers reuse an isolate across requests but not sockets across requests, so the pg client
// is made per request (Cloudflare's Hyperdrive guidance) and closed once deferred work is done.
export default {
  async fetch(request, env, ctx) {
    const pool = new pg.Pool({ connectionString: env.HYPERDRIVE.connectionString, max: 1 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const log = jsonLogger();
    const tracker = deferTracker();
    const line = createLineClient({
      channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN,
      baseURL: env.LINE_API_BASE_URL ?? "https://api.line.me",
    });
    const app = createApp({
      db: () => db,
      production: true,
      log,
      webhook: {
        channelSecrets: [env.LINE_CHANNEL_SECRET],
        chat: { line, now: () => new Date(), log },
        defer: (_c, work) => tracker.defer(work),
      },
    });
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      ctx.waitUntil(tracker.settle().then(() => db.destroy()));
    }
  },
} satisfies ExportedHandler<Env>;
