import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { API_MAX_BYTES, bodyLimits, WEBHOOK_MAX_BYTES } from "../../../bot/http/body-limit.ts";

const app = new Hono();
app.use(bodyLimits());
app.post("/*", async (c) => c.json({ read: (await c.req.text()).length }));

const post = (path: string, bytes: number, chunked = false) => {
  const body = "x".repeat(bytes);
  return app.request(path, {
    method: "POST",
    // Without a length the middleware counts the bytes as they stream in.
    body: chunked ? new Blob([body]).stream() : body,
    headers: chunked ? {} : { "content-length": String(bytes) },
    ...(chunked ? { duplex: "half" } : {}),
  } as RequestInit);
};

describe("request body limits", () => {
  it("refuse a webhook body over 1 MB with 413 and a Thai message", async () => {
    const res = await post("/webhook", WEBHOOK_MAX_BYTES + 1);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain("ใหญ่เกินไป");
    expect((await post("/webhook", 200_000)).status).toBe(200);
  });

  it("keep API bodies small, also when no length is announced", async () => {
    expect((await post("/api/me/settings", API_MAX_BYTES + 1)).status).toBe(413);
    expect((await post("/api/me/settings", API_MAX_BYTES + 1, true)).status).toBe(413);
    expect((await post("/api/me/settings", 1000, true)).status).toBe(200);
  });

  it("leave file uploads to their route's own, larger limit", async () => {
    expect((await post("/api/agencies/12/results/preview", 200_000)).status).toBe(200);
    expect((await post("/api/agencies/12/results/import", 200_000)).status).toBe(200);
    expect((await post("/api/agencies/12/report-font", 200_000)).status).toBe(200);
    expect((await post("/api/agencies/12/report-font/x", 200_000)).status).toBe(413);
  });
});
