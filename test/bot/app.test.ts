import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot/app.ts";
import { memoryLogger } from "../../bot/log.ts";
import type { DbHandle } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { openTestDb } from "../db/harness.ts";
import { DEMO_NOW, freshFrameworks } from "../fixtures/frameworks.ts";

describe("HTTP app", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb("pglite");
    await loadDemoData(h.db, { now: DEMO_NOW });
  });
  afterAll(async () => {
    await h.close();
  });

  it("reports a healthy database", async () => {
    const app = createApp({
      db: () => h.db,
      production: false,
      log: memoryLogger(),
      frameworks: freshFrameworks(),
    });
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "up" });
  });

  it("answers 503 when the database is down", async () => {
    const down = await openTestDb("pglite");
    await down.close();
    const app = createApp({
      db: () => down.db,
      production: false,
      log: memoryLogger(),
      frameworks: freshFrameworks(),
    });
    const res = await app.request("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: "down" });
  });

  it("answers an unexpected error anywhere with a Thai 500, logged once with its request id", async () => {
    const down = await openTestDb("pglite");
    await down.close();
    const log = memoryLogger();
    const app = createApp({ db: () => down.db, production: false, log, frameworks: freshFrameworks() });
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: string }).error).toContain("ระบบขัดข้อง");
    const requestId = res.headers.get("x-request-id");
    const errors = log.entries.filter((e) => e.level === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        msg: "unexpected error",
        fields: expect.objectContaining({ requestId, path: "/" }),
      }),
    ]);
  });

  it("lists the loaded agencies with their latest score on the home page", async () => {
    const app = createApp({
      db: () => h.db,
      production: false,
      log: memoryLogger(),
      frameworks: freshFrameworks(),
    });
    const res = await app.request("/");
    const page = await res.text();
    expect(page).toContain("เทศบาลตำบลศรีสองรัก");
    expect(page).toContain("97.15");
    expect(page).toContain('lang="th"');
  });
});
