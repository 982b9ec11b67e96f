import { CompiledQuery, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client.ts";
import { preparedMarker, preparedNameOf } from "../../db/prepared.ts";

describe("preparedMarker", () => {
  it("marks a text with the statement's name, which preparedNameOf reads back", () => {
    const text = `${preparedMarker("claim_webhook_events_1")} select 1`;
    expect(preparedNameOf(text)).toBe("claim_webhook_events_1");
    expect(preparedNameOf("select 1 /* prepared:late */")).toBeUndefined();
    expect(preparedNameOf("/* prepared:Bad-Name */ select 1")).toBeUndefined();
  });

  it("refuses a name that is not short, lower-case words", () => {
    expect(() => preparedMarker("drop table x; --")).toThrow();
    expect(() => preparedMarker("a".repeat(51))).toThrow();
  });
});

describe.skipIf(!process.env.DATABASE_URL)("named prepared statements on PostgreSQL", () => {
  const prepared = async (preparedStatements?: boolean) => {
    const handle = await createDb({
      databaseUrl: process.env.DATABASE_URL!,
      maxConnections: 1,
      ...(preparedStatements === undefined ? {} : { preparedStatements }),
    });
    try {
      const text = `${preparedMarker("test_double")} select $1::int * 2 as n`;
      const answers: number[] = [];
      for (const n of [1, 2, 3]) {
        const { rows } = await handle.db.executeQuery(
          CompiledQuery.raw(text, [n]) as CompiledQuery<{ n: number }>,
        );
        answers.push(rows[0]!.n);
      }
      await sql`select ${4}::int as unmarked`.execute(handle.db);
      // One connection: the statements it prepared are the ones this test ran.
      const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(
        handle.db,
      );
      return { answers, names: rows.map((r) => r.name) };
    } finally {
      await handle.close();
    }
  };

  it("prepares a marked statement once per connection and runs it by name; leaves others unnamed", async () => {
    const { answers, names } = await prepared();
    expect(answers).toEqual([2, 4, 6]);
    expect(names).toEqual(["test_double"]);
  });

  it("prepares nothing when turned off, with the same answers", async () => {
    const { answers, names } = await prepared(false);
    expect(answers).toEqual([2, 4, 6]);
    expect(names).toEqual([]);
  });
});
