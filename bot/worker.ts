import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema.ts";
import { createApp } from "./app.ts";

interface Env {
  /** Hyperdrive binding in front of PostgreSQL (wrangler.toml). */
  HYPERDRIVE: { connectionString: string };
}

// Workers reuse an isolate across requests but not sockets across requests, so the pg client
// is made per request (Cloudflare's Hyperdrive guidance) and closed after the response.
export default {
  async fetch(request, env, ctx) {
    const pool = new pg.Pool({ connectionString: env.HYPERDRIVE.connectionString, max: 1 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const app = createApp({ db: () => db, production: true });
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      ctx.waitUntil(db.destroy());
    }
  },
} satisfies ExportedHandler<Env>;
