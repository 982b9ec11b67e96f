import { mkdir } from "node:fs/promises";
import { serve } from "@hono/node-server";
import { createDb } from "../db/client.ts";
import { loadDemoData } from "../db/demo/load.ts";
import { migrate } from "../db/migrate.ts";
import { createApp } from "./app.ts";
import { ConfigError, dbConfigOf, parseConfig } from "./config.ts";

async function start() {
  const config = parseConfig(process.env);
  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const handle = await createDb(dbConfigOf(config));
  await migrate(handle.db);
  if (config.demoData) {
    const demo = await loadDemoData(handle.db);
    if (demo.loaded) console.log(`ใส่ข้อมูลตัวอย่าง ${demo.agencies} หน่วยงาน (demo data loaded)`);
  }
  const app = createApp({ db: () => handle.db, production: config.NODE_ENV === "production" });
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    const where = config.DATABASE_URL ? "PostgreSQL" : `PGlite ที่ ${config.DATA_DIR}`;
    console.log(`โปร่งใส พร้อมที่ http://localhost:${info.port} (ฐานข้อมูล: ${where})`);
  });
  const stop = () => {
    server.close(async () => {
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
