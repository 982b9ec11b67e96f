import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeLinePlatform } from "../../../../bot/dev/line-platform/types.ts";
import { ALICE, BOB, lineError, type Message, scoreCard, startTestPlatform, text } from "./harness.ts";

describe("fake LINE platform: messaging endpoints, through the SDK client", () => {
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

  describe("reply", () => {
    it("does not count replies against the quota", async () => {
      fake.quota = { limit: 1, used: 1 };
      await client.replyMessage({ replyToken: fake.issueReplyToken(ALICE), messages: [text("free")] });
      expect(fake.quota.used).toBe(1);
    });
  });

  describe("push", () => {
    it("refuses 6 messages in one request", async () => {
      const messages = Array.from({ length: 6 }, (_, i) => text(`m${i}`));
      const bad = await lineError(client.pushMessage({ to: ALICE, messages }));
      expect(bad.status).toBe(400);
      expect(bad.body.details).toContainEqual({
        property: "messages",
        message: "Size must be between 1 and 5",
      });
      expect(fake.deliveries).toHaveLength(0);
    });

    it("refuses a text of 5,001 characters and accepts 5,000", async () => {
      const bad = await lineError(client.pushMessage({ to: ALICE, messages: [text("ก".repeat(5001))] }));
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe("The request body has 1 error(s)");
      expect(bad.body.details).toEqual([
        { property: "messages[0].text", message: "Length must be between 1 and 5000" },
      ]);
      await client.pushMessage({ to: ALICE, messages: [text("ก".repeat(5000))] });
      expect(fake.messagesTo(ALICE)).toHaveLength(1);
    });

    it("accepts a real-looking Flex score card with quick replies and delivers it as sent", async () => {
      const card = scoreCard();
      const answer = await client.pushMessage({ to: ALICE, messages: [card] });
      expect(answer.sentMessages).toHaveLength(1);
      expect(fake.messagesTo(ALICE)[0]?.message).toEqual(card);
    });

    it("refuses an invalid Flex message with details naming each property", async () => {
      const card = scoreCard();
      const body = (card.contents as messagingApi.FlexBubble).body!;
      body.contents.push({ type: "chart" } as unknown as messagingApi.FlexComponent);
      body.contents.push({ type: "text", size: "sm" } as messagingApi.FlexText);
      const bad = await lineError(client.pushMessage({ to: ALICE, messages: [card] }));
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe("The request body has 2 error(s)");
      expect(bad.body.details).toEqual([
        {
          property: "messages[0].contents.body.contents[7].type",
          message: expect.stringContaining("Must be one of the following values: [box, button"),
        },
        { property: "messages[0].contents.body.contents[8].text", message: "must be specified" },
      ]);
      expect(fake.deliveries).toHaveLength(0);
    });

    it("refuses a button without action and a size that is no keyword", async () => {
      const card = scoreCard();
      const bubble = card.contents as messagingApi.FlexBubble;
      bubble.footer!.contents = [{ type: "button", style: "primary" } as messagingApi.FlexButton];
      (bubble.header!.contents[0] as messagingApi.FlexText).size = "huge";
      const bad = await lineError(client.pushMessage({ to: ALICE, messages: [card] }));
      expect(bad.body.details?.map((d) => d.property).sort()).toEqual([
        "messages[0].contents.footer.contents[0].action",
        "messages[0].contents.header.contents[0].size",
      ]);
    });

    it("refuses altText over 1,500, more than 13 quick replies, a carousel of 13 and a bubble over 30 KB", async () => {
      const longAlt = { ...scoreCard(), altText: "ก".repeat(1501) };
      const manyQuick: Message = {
        ...text("เลือก"),
        quickReply: {
          items: Array.from({ length: 14 }, (_, i) => ({
            type: "action",
            action: { type: "message", label: `ข้อ ${i}`, text: `${i}` },
          })),
        },
      };
      const bubble = scoreCard().contents as messagingApi.FlexBubble;
      const carousel: Message = {
        type: "flex",
        altText: "หลายหน่วยงาน",
        contents: { type: "carousel", contents: Array.from({ length: 13 }, () => bubble) },
      };
      const huge = scoreCard();
      (huge.contents as messagingApi.FlexBubble).body!.contents.push(
        ...Array.from(
          { length: 300 },
          (_, i) => ({ type: "text", text: `แถวที่ ${i} ${"ข".repeat(20)}` }) as const,
        ),
      );
      for (const [message, property] of [
        [longAlt, "messages[0].altText"],
        [manyQuick, "messages[0].quickReply.items"],
        [carousel, "messages[0].contents.contents"],
        [huge, "messages[0].contents"],
      ] as const) {
        const bad = await lineError(client.pushMessage({ to: ALICE, messages: [message] }));
        expect(bad.status, property).toBe(400);
        expect(bad.body.details?.map((d) => d.property)).toContain(property);
      }
      expect(fake.deliveries).toHaveLength(0);
    });
  });

  describe("quota and multicast", () => {
    it("counts push and multicast per recipient and refuses past the limit, delivering nothing", async () => {
      fake.quota = { limit: 3, used: 0 };
      expect(await client.getMessageQuota()).toEqual({ type: "limited", value: 3 });
      await client.multicast({ to: [ALICE, BOB], messages: [text("a"), text("b")] }, randomUUID());
      expect(await client.getMessageQuotaConsumption()).toEqual({ totalUsage: 2 });

      const bad = await lineError(client.multicast({ to: [ALICE, BOB], messages: [text("c")] }));
      expect(bad.status).toBe(429);
      expect(bad.body.message).toBe("You have reached your monthly limit.");
      expect(fake.quota.used).toBe(2);

      await client.pushMessage({ to: BOB, messages: [text("last")] });
      const over = await lineError(client.pushMessage({ to: BOB, messages: [text("over")] }));
      expect(over.status).toBe(429);
      expect(fake.messagesTo(ALICE).map((d) => [d.via, d.message])).toEqual([
        ["multicast", text("a")],
        ["multicast", text("b")],
      ]);
      expect(fake.messagesTo(BOB).map((d) => d.message)).toEqual([text("a"), text("b"), text("last")]);
    });

    it("reports no limit by default", async () => {
      expect(await client.getMessageQuota()).toEqual({ type: "none" });
    });

    it("refuses a multicast to 501 recipients", async () => {
      const to = Array.from({ length: 501 }, (_, i) => `U${i.toString(16).padStart(32, "0")}`);
      const bad = await lineError(client.multicast({ to, messages: [text("x")] }));
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ property: "to", message: "Size must be between 1 and 500" }]);
      expect(fake.deliveries).toHaveLength(0);
    });
  });

  describe("profile and loading animation", () => {
    it("answers a known user's profile and 404 for an unknown one", async () => {
      expect(await client.getProfile(ALICE)).toEqual({
        userId: ALICE,
        displayName: "สมศรี ใจดี",
        pictureUrl: "https://profile.line-scdn.net/alice",
      });
      expect((await lineError(client.getProfile(BOB))).status).toBe(404);
    });

    it("accepts a loading animation and refuses one that is not a multiple of 5 s", async () => {
      await client.showLoadingAnimation({ chatId: ALICE, loadingSeconds: 20 });
      expect(fake.requests.at(-1)).toMatchObject({
        method: "POST",
        path: "/v2/bot/chat/loading/start",
        status: 202,
        body: { chatId: ALICE, loadingSeconds: 20 },
      });
      const bad = await lineError(client.showLoadingAnimation({ chatId: ALICE, loadingSeconds: 7 }));
      expect(bad.body.details).toEqual([{ property: "loadingSeconds", message: "Must be a multiple of 5" }]);
    });
  });
});
