import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";

const dir = mkdtempSync(join(tmpdir(), "prongsai-pglite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded PGlite", () => {
  it("keeps data in its directory across restarts", async () => {
    const first = await createDb({ dataDir: dir });
    await migrate(first.db);
    await first.db
      .insertInto("agencies")
      .values({
        code: "KEEP1",
        name_th: "เทศบาลตำบลทดสอบ",
        agency_type: "เทศบาลตำบล",
        province: "เลย",
        district: "ด่านซ้าย",
      })
      .execute();
    await first.close();

    const second = await createDb({ dataDir: dir });
    const applied = await migrate(second.db);
    const row = await second.db
      .selectFrom("agencies")
      .select("name_th")
      .where("code", "=", "KEEP1")
      .executeTakeFirst();
    await second.close();
    expect(applied.applied).toEqual([]);
    expect(row?.name_th).toBe("เทศบาลตำบลทดสอบ");
  });

  it("creates every fiscal year that has a framework, with its 1 Oct – 30 Sep range", async () => {
    const h = await createDb({});
    await migrate(h.db);
    const years = await h.db.selectFrom("fiscal_years").selectAll().orderBy("year").execute();
    await h.close();
    expect(years.map((y) => y.year)).toEqual([2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569]);
    expect(years.find((y) => y.year === 2568)).toEqual({
      year: 2568,
      starts_on: "2024-10-01",
      ends_on: "2025-09-30",
    });
  });
});

describe.skipIf(!process.env.DATABASE_URL)("PostgreSQL pool", () => {
  it("survives the server ending an idle connection, reports it and carries on", async () => {
    const errors: Error[] = [];
    const handle = await createDb({
      databaseUrl: process.env.DATABASE_URL!,
      maxConnections: 1,
      onIdleError: (error) => errors.push(error),
    });
    const other = await createDb({ databaseUrl: process.env.DATABASE_URL!, maxConnections: 1 });
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(other.db);
      await expect.poll(() => errors.length).toBe(1);
      expect(errors[0]!.message).toContain("terminating connection");
      const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      await handle.close();
      await other.close();
    }
  });
});
