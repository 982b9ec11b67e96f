import { describe, expect, it } from "vitest";
import { pingDatabase } from "../../../db/repositories/health.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("database ping on %s", (dialect) => {
  it("answers while the database is open and fails once it is closed", async () => {
    const h = await openTestDb(dialect);
    await expect(pingDatabase(h.db)).resolves.toBeUndefined();
    await h.close();
    await expect(pingDatabase(h.db)).rejects.toThrow();
  });
});
