import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeLinePlatform } from "../../../../bot/dev/line-platform/types.ts";
import { ALICE, lineError, startTestPlatform, text } from "./harness.ts";

describe("fake LINE platform: injected failures, through the SDK client", () => {
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

  describe("failNext", () => {
    it("answers two 429s with Retry-After, then succeeds", async () => {
      fake.failNext(2, 429, { retryAfterSeconds: 1 });
      const key = randomUUID();
      const push = () => client.pushMessage({ to: ALICE, messages: [text("x")] }, key);
      for (let i = 0; i < 2; i++) {
        const bad = await lineError(push());
        expect(bad.status).toBe(429);
        expect(bad.headers.get("retry-after")).toBe("1");
        expect(bad.body.message).toBeTruthy();
      }
      await push();
      expect(fake.messagesTo(ALICE)).toHaveLength(1);
      expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    });

    it("answers 500 once, only on the matching paths", async () => {
      fake.failNext(1, 500, { paths: /\/push$/ });
      expect((await client.getProfile(ALICE)).displayName).toBe("สมศรี ใจดี");
      const bad = await lineError(client.pushMessage({ to: ALICE, messages: [text("x")] }));
      expect(bad.status).toBe(500);
      expect(bad.headers.get("retry-after")).toBeNull();
      await client.pushMessage({ to: ALICE, messages: [text("x")] });
      expect(fake.messagesTo(ALICE)).toHaveLength(1);
    });

    it("can fail after processing, so the retry with the same key meets 409", async () => {
      fake.failNext(1, 500, { afterProcessing: true });
      const key = randomUUID();
      expect((await lineError(client.pushMessage({ to: ALICE, messages: [text("x")] }, key))).status).toBe(
        500,
      );
      expect((await lineError(client.pushMessage({ to: ALICE, messages: [text("x")] }, key))).status).toBe(
        409,
      );
      expect(fake.messagesTo(ALICE)).toHaveLength(1);
    });
  });
});
