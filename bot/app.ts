import { Hono } from "hono";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { homePage } from "./pages/home.ts";

export interface AppDeps {
  /** Per request on Workers, one pool on Node: the entry decides. */
  db: (c: { env: unknown }) => Kysely<Database>;
  production: boolean;
}

/** The whole HTTP surface; runtime entries (node.ts, worker.ts) only adapt it. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    try {
      await sql`select 1`.execute(deps.db(c));
      return c.json({ ok: true, db: "up" });
    } catch (error) {
      console.error(JSON.stringify({ msg: "healthz: database down", error: String(error) }));
      return c.json({ ok: false, db: "down" }, 503);
    }
  });
  app.get("/", async (c) => c.html(await homePage(deps.db(c))));
  return app;
}

export type App = ReturnType<typeof createApp>;
