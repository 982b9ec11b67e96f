import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../bot/app.ts";
import { type RequestLogEnv, requestLog } from "../../../bot/http/request-log.ts";
import { jsonLogger } from "../../../bot/log.ts";
import { openTestDb } from "../../db/harness.ts";
import { freshFrameworks } from "../../fixtures/frameworks.ts";

function collecting() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: jsonLogger((l) => lines.push(JSON.parse(l) as Record<string, unknown>)) };
}

describe("request ids in logs", () => {
  it("give every answer an X-Request-Id that each of its log lines carries, also from work done after it", async () => {
    const { lines, log } = collecting();
    let deferred: Promise<void> | undefined;
    const app = new Hono<RequestLogEnv>();
    app.use(...requestLog(log));
    app.get("/work", (c) => {
      const requestLog = c.var.log;
      requestLog.info("handling");
      deferred = new Promise((resolve) =>
        setImmediate(() => {
          requestLog.info("after the response");
          resolve();
        }),
      );
      return c.text("ok");
    });
    const res = await app.request("/work?token=abc");
    await deferred;
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["handling", id],
      ["request", id],
      ["after the response", id],
    ]);
    // One access line per request, without the query string.
    expect(lines[1]).toMatchObject({ method: "GET", path: "/work", status: 200 });
  });

  it("keep a download link's token out of the access line", async () => {
    const { lines, log } = collecting();
    const app = new Hono<RequestLogEnv>();
    app.use(...requestLog(log));
    app.get("/r/:token", (c) => c.text("report"));
    await app.request("/r/eyJleHAiOjE3OTU1NzU2MDAsImEiOjF9.c2lnbmF0dXJl");
    expect(lines).toEqual([expect.objectContaining({ msg: "request", path: "/r/…", status: 200 })]);
    expect(JSON.stringify(lines)).not.toContain("eyJleHAi");
  });

  it("keep a proxy's request id, and refuse a malformed one", async () => {
    const { log } = collecting();
    const app = new Hono();
    app.use(...requestLog(log));
    app.get("/", (c) => c.text("ok"));
    const kept = await app.request("/", { headers: { "x-request-id": "edge-1234" } });
    expect(kept.headers.get("x-request-id")).toBe("edge-1234");
    const replaced = await app.request("/", { headers: { "x-request-id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
  });

  it("are written by the app for every route", async () => {
    const h = await openTestDb("pglite");
    try {
      const { lines, log } = collecting();
      const res = await createApp({
        db: () => h.db,
        production: true,
        log,
        frameworks: freshFrameworks(),
      }).request("/healthz");
      expect(res.status).toBe(200);
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: "request",
          path: "/healthz",
          requestId: res.headers.get("x-request-id"),
        }),
      );
    } finally {
      await h.close();
    }
  });
});
