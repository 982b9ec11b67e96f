import { randomUUID } from "node:crypto";
import { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeLinePlatform } from "../../../../bot/dev/line-platform/server.ts";
import type { FakeLinePlatform } from "../../../../bot/dev/line-platform/types.ts";
import { ALICE, lineError, startTestPlatform, TOKEN, text } from "./harness.ts";

describe("fake LINE platform, through the SDK client", () => {
  let fake: FakeLinePlatform;
  let client: messagingApi.MessagingApiClient;
  const clock = Date.UTC(2026, 6, 1, 3, 0, 0);

  beforeAll(async () => {
    ({ fake, client } = await startTestPlatform(() => clock));
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${fake.url}${path}`, {
      method: "POST",
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...init.headers },
    });

  it("listens on a random local port", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.port).toBeGreaterThan(0);
  });

  describe("authentication and bad requests", () => {
    it("answers 401 to a wrong token and to a missing Authorization header", async () => {
      const wrong = new messagingApi.MessagingApiClient({ channelAccessToken: "wrong", baseURL: fake.url });
      const bad = await lineError(wrong.pushMessage({ to: ALICE, messages: [text("x")] }));
      expect(bad.status).toBe(401);
      expect(bad.body.message).toMatch(/^Authentication failed/);

      const none = await fetch(`${fake.url}/v2/bot/message/quota`);
      expect(none.status).toBe(401);
      expect(((await none.json()) as { message: string }).message).toMatch(/Authorization header required/);
      expect(fake.deliveries).toHaveLength(0);
    });

    it("answers 400 to a body that is not JSON", async () => {
      const res = await raw("/v2/bot/message/push", { body: '{"to": "U1", "messages": [' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/could not be parsed as JSON/);
    });

    it("answers 404 to an unknown endpoint", async () => {
      expect((await raw("/v2/bot/message/narrowcast", { body: "{}" })).status).toBe(404);
    });
  });

  it("records every request with lower-case headers, body and status", async () => {
    const key = randomUUID();
    await client.pushMessage({ to: ALICE, messages: [text("x")] }, key);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: "/v2/bot/message/push",
      status: 200,
      body: { to: ALICE, messages: [text("x")] },
      time: clock,
    });
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers["x-line-retry-key"]).toBe(key);
    expect(Object.keys(request?.headers ?? {}).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it("tells listeners about deliveries and forgets everything on reset", async () => {
    const seen: string[] = [];
    const stop = fake.onDelivery((d) => seen.push(`${d.via}:${d.to}`));
    const token = fake.issueReplyToken(ALICE);
    await client.replyMessage({ replyToken: token, messages: [text("x")] });
    stop();
    await client.pushMessage({ to: ALICE, messages: [text("y")] });
    expect(seen).toEqual([`reply:${ALICE}`]);

    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect(fake.deliveries).toHaveLength(0);
    expect(fake.replies.size).toBe(0);
    expect(fake.quota).toEqual({ limit: "none", used: 0 });
  });
});

describe("fake LINE platform options", () => {
  it("loads the spec from an explicit path and fails clearly when it is missing", async () => {
    await expect(
      startFakeLinePlatform({ channelAccessToken: TOKEN, specPath: "/nonexistent/messaging-api.yml" }),
    ).rejects.toThrow(/Cannot read the OpenAPI spec/);
    const fake = await startFakeLinePlatform({
      channelAccessToken: TOKEN,
      specPath: new URL("../../../../bot/dev/openapi/spec/messaging-api.yml", import.meta.url),
      quota: { limit: 300, used: 299 },
    });
    try {
      const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url });
      await client.pushMessage({ to: ALICE, messages: [text("last one")] });
      expect((await lineError(client.pushMessage({ to: ALICE, messages: [text("x")] }))).status).toBe(429);
      fake.reset();
      expect(fake.quota).toEqual({ limit: 300, used: 299 });
    } finally {
      await fake.close();
    }
  });
});

describe("fake LINE platform for benchmarks (record off, control endpoints)", () => {
  it("issues reply tokens over HTTP, counts instead of recording, and still refuses a reused token", async () => {
    const fake = await startFakeLinePlatform({ channelAccessToken: TOKEN, record: false });
    try {
      const res = await fetch(`${fake.url}/__fake/reply-tokens`, {
        method: "POST",
        body: JSON.stringify({ userId: ALICE, count: 2 }),
      });
      const { tokens } = (await res.json()) as { tokens: string[] };
      expect(tokens).toHaveLength(2);
      const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url });
      await client.replyMessage({ replyToken: tokens[0]!, messages: [text("one")] });
      await expect(
        client.replyMessage({ replyToken: tokens[0]!, messages: [text("again")] }),
      ).rejects.toThrow();
      await client.replyMessage({ replyToken: tokens[1]!, messages: [text("two")] });
      expect(fake.deliveries).toHaveLength(0);
      expect(fake.requests).toHaveLength(0);
      const stats = await (await fetch(`${fake.url}/__fake/stats`)).json();
      expect(stats).toEqual({ requests: 3, deliveries: 2, byStatus: { 200: 2, 400: 1 } });
    } finally {
      await fake.close();
    }
  });
});
