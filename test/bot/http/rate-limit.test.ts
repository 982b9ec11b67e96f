import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../bot/app.ts";
import { IP_LIMIT, nodeClientIp, USER_LIMIT, workerClientIp } from "../../../bot/http/rate-limit.ts";
import { createIdTokenVerifier } from "../../../bot/line/id-token.ts";
import { memoryLogger } from "../../../bot/log.ts";
import { freshFrameworks } from "../../fixtures/frameworks.ts";
import { ADMIN_SRISONGRAK, openWorld, VIEWER_BANLAENG, type World } from "../world.ts";

const CHANNEL = "1650000009";

describe("API rate limits", () => {
  let w: World;
  let app: App;
  beforeAll(async () => {
    w = await openWorld();
    app = createApp({
      db: () => w.db,
      frameworks: freshFrameworks(),
      production: true,
      log: memoryLogger(),
      api: {
        verifyIdToken: createIdTokenVerifier({
          channelId: CHANNEL,
          jwksUrl: `${w.fake.url}/oauth2/v2.1/certs`,
        }),
        now: () => new Date(),
      },
      clientIp: workerClientIp,
      // Time stands still, so a slow machine cannot refill a bucket while a test empties it.
      rateClock: () => 1_800_000_000_000,
    });
  });
  afterAll(async () => {
    await w.close();
  });

  it("answer 429 with Retry-After and a Thai message once a LINE user has used their bucket", async () => {
    const token = await w.fake.issueIdToken(ADMIN_SRISONGRAK, { channelId: CHANNEL });
    const call = (t: string, ip: string) =>
      app.request("/api/me", { headers: { authorization: `Bearer ${t}`, "cf-connecting-ip": ip } });
    // From many addresses, so only the per-user bucket can stop it.
    for (let i = 0; i < USER_LIMIT.capacity; i++) expect((await call(token, `10.0.0.${i}`)).status).toBe(200);
    const refused = await call(token, "10.0.1.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: string }).error).toContain("กรุณารอ");
    // Someone else is not affected.
    const other = await w.fake.issueIdToken(VIEWER_BANLAENG, { channelId: CHANNEL });
    expect((await call(other, "10.0.1.1")).status).toBe(200);
  });

  it("count an address on its own, before the ID token is even looked at", async () => {
    const call = (ip: string) => app.request("/api/me", { headers: { "cf-connecting-ip": ip } });
    for (let i = 0; i < IP_LIMIT.capacity; i++) expect((await call("192.0.2.7")).status).toBe(401);
    const refused = await call("192.0.2.7");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await call("192.0.2.8")).status).toBe(401);
  });

  it("leave the webhook alone: LINE's servers share their addresses", async () => {
    const body = JSON.stringify({ destination: "U", events: [] });
    for (let i = 0; i < 5; i++) {
      const res = await app.request("/webhook", {
        method: "POST",
        body,
        headers: { "cf-connecting-ip": "192.0.2.7", "x-line-signature": "x" },
      });
      expect(res.status).not.toBe(429);
    }
  });
});

describe("client addresses", () => {
  const seen = async (clientIp: ReturnType<typeof nodeClientIp>, headers: Record<string, string>) => {
    const app = new Hono();
    app.get("/", (c) => c.text(clientIp(c) ?? "none"));
    return (await app.request("/", { headers })).text();
  };

  it("trust X-Forwarded-For only behind a proxy, and then only its last hop", async () => {
    const xff = { "x-forwarded-for": "6.6.6.6, 203.0.113.9" };
    expect(await seen(nodeClientIp({ trustProxy: true }), xff)).toBe("203.0.113.9");
    expect(await seen(nodeClientIp({ trustProxy: false }), xff)).toBe("none");
  });
});
