import { createDb, type DbHandle } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";

export type Dialect = "pglite" | "pg";

/** PGlite always; real PostgreSQL too when DATABASE_URL is set (CI sets it). */
export const DIALECTS: Dialect[] = process.env.DATABASE_URL ? ["pglite", "pg"] : ["pglite"];

let counter = 0;

/**
 * A fresh, migrated database. On PostgreSQL each call creates its own database next to the
 * one DATABASE_URL names (never touching that one's tables) and drops it on close.
 */
export async function openTestDb(dialect: Dialect): Promise<DbHandle> {
  if (dialect === "pglite") {
    const handle = await createDb({});
    await migrate(handle.db);
    return handle;
  }
  const base = new URL(process.env.DATABASE_URL!);
  const name = `prongsai_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = await createDb({ databaseUrl: base.toString(), maxConnections: 1 });
  const { sql } = await import("kysely");
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString() });
  await migrate(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      await admin.close();
    },
  };
}
