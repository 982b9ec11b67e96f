import { randomUUID } from "node:crypto";
import { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeLinePlatform } from "../../../../bot/dev/line-platform/server.ts";
import type { FakeLinePlatform } from "../../../../bot/dev/line-platform/types.ts";
import { ALICE, BOB, lineError, TOKEN, text } from "./harness.ts";

describe("fake LINE platform: rate limits, through the SDK client", () => {
  let fake: FakeLinePlatform;
  let client: messagingApi.MessagingApiClient;
  let clock = Date.UTC(2026, 11, 7, 2, 0, 0);

  beforeAll(async () => {
    fake = await startFakeLinePlatform({
      channelAccessToken: TOKEN,
      now: () => clock,
      rateLimits: { push: 4, multicast: 2 },
    });
    client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  const push = (key = randomUUID()) => client.pushMessage({ to: ALICE, messages: [text("x")] }, key);

  it("accepts a second's worth, then answers 429 with Retry-After and delivers nothing", async () => {
    for (let i = 0; i < 4; i++) await push();
    const key = randomUUID();
    const refused = await lineError(push(key));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body.message).toBe("The API rate limit has been exceeded. Try again later.");
    expect(fake.messagesTo(ALICE)).toHaveLength(4);
    expect(fake.quota.used).toBe(4);
    // Not processed: the same retry key is accepted once the bucket has refilled.
    clock += 250;
    await push(key);
    expect(fake.messagesTo(ALICE)).toHaveLength(5);
  });

  it("refills at the rate: a sender that keeps to it is never refused", async () => {
    for (let i = 0; i < 40; i++) {
      await push();
      clock += 250;
    }
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
  });

  it("counts each endpoint on its own, and leaves endpoints without a limit alone", async () => {
    for (let i = 0; i < 4; i++) await push();
    await client.multicast({ to: [ALICE, BOB], messages: [text("m")] });
    await client.multicast({ to: [ALICE, BOB], messages: [text("m")] });
    expect((await lineError(client.multicast({ to: [ALICE, BOB], messages: [text("m")] }))).status).toBe(429);
    for (let i = 0; i < 10; i++) await client.getMessageQuota();
    expect(fake.stats.byStatus).toEqual({ 200: 16, 429: 1 });
  });
});
