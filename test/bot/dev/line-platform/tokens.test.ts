import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeLinePlatform } from "../../../../bot/dev/line-platform/types.ts";
import { ALICE, lineError, startTestPlatform, TOKEN, text } from "./harness.ts";

describe("fake LINE platform: reply tokens and retry keys, through the SDK client", () => {
  let fake: FakeLinePlatform;
  let client: messagingApi.MessagingApiClient;
  let clock = Date.UTC(2026, 6, 1, 3, 0, 0);

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

  describe("reply", () => {
    it("delivers once with a valid token and refuses the token's second use", async () => {
      const token = fake.issueReplyToken(ALICE);
      const answer = await client.replyMessage({ replyToken: token, messages: [text("สวัสดีค่ะ")] });
      expect(answer.sentMessages).toHaveLength(1);
      expect(answer.sentMessages[0]?.id).toMatch(/^\d+$/);

      const again = await lineError(client.replyMessage({ replyToken: token, messages: [text("อีกครั้ง")] }));
      expect(again.status).toBe(400);
      expect(again.body).toEqual({ message: "Invalid reply token" });

      expect(fake.messagesTo(ALICE)).toMatchObject([
        { via: "reply", replyToken: token, message: text("สวัสดีค่ะ") },
      ]);
      expect(fake.replies.get(token)).toMatchObject({ userId: ALICE, messages: [text("สวัสดีค่ะ")] });
    });

    it("refuses an unknown token and one older than 60 s", async () => {
      expect(
        (await lineError(client.replyMessage({ replyToken: "nope", messages: [text("x")] }))).body.message,
      ).toBe("Invalid reply token");
      const token = fake.issueReplyToken(ALICE);
      clock += 60_001;
      const late = await lineError(client.replyMessage({ replyToken: token, messages: [text("x")] }));
      expect(late).toMatchObject({ status: 400, body: { message: "Invalid reply token" } });
      expect(fake.deliveries).toHaveLength(0);
    });

    it("keeps the token usable when the request was invalid", async () => {
      const token = fake.issueReplyToken(ALICE);
      expect((await lineError(client.replyMessage({ replyToken: token, messages: [] }))).status).toBe(400);
      await client.replyMessage({ replyToken: token, messages: [text("ok")] });
      expect(fake.messagesTo(ALICE)).toHaveLength(1);
    });

    it("refuses X-Line-Retry-Key on reply", async () => {
      const token = fake.issueReplyToken(ALICE);
      const res = await raw("/v2/bot/message/reply", {
        headers: { "x-line-retry-key": randomUUID() },
        body: JSON.stringify({ replyToken: token, messages: [text("x")] }),
      });
      expect(res.status).toBe(400);
      expect(fake.deliveries).toHaveLength(0);
    });
  });

  describe("retry keys", () => {
    it("delivers a retried push once and answers the repeat with 409 and the accepted request id", async () => {
      const key = randomUUID();
      const first = await client.pushMessageWithHttpInfo({ to: ALICE, messages: [text("แจ้งเตือน")] }, key);
      expect(first.httpResponse.status).toBe(200);
      const acceptedId = first.httpResponse.headers.get("x-line-request-id");
      expect(acceptedId).toBeTruthy();

      const second = await lineError(client.pushMessage({ to: ALICE, messages: [text("แจ้งเตือน")] }, key));
      expect(second.status).toBe(409);
      expect(second.headers.get("x-line-accepted-request-id")).toBe(acceptedId);
      expect(second.body.message).toBe("The retry key is already accepted");

      expect(fake.messagesTo(ALICE)).toHaveLength(1);
      expect(fake.messagesTo(ALICE)[0]).toMatchObject({ via: "push", retryKey: key });
      expect(fake.quota.used).toBe(1);
    });

    it("accepts the same retry key again after 24 hours", async () => {
      const key = randomUUID();
      await client.pushMessage({ to: ALICE, messages: [text("1")] }, key);
      clock += 24 * 60 * 60 * 1000;
      await client.pushMessage({ to: ALICE, messages: [text("2")] }, key);
      expect(fake.messagesTo(ALICE)).toHaveLength(2);
    });

    it("refuses a retry key that is not a UUID", async () => {
      const bad = await lineError(client.pushMessage({ to: ALICE, messages: [text("x")] }, "not-a-uuid"));
      expect(bad.status).toBe(400);
      expect(fake.deliveries).toHaveLength(0);
    });
  });
});
