import { randomUUID } from "node:crypto";
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../../bot/line/fake-platform.ts";

const TOKEN = "test-channel-access-token";
const ALICE = "U0123456789abcdef0123456789abcdef";
const BOB = "U11111111111111111111111111111111";

type Message = messagingApi.Message;

const text = (t: string): Message => ({ type: "text", text: t });

/** A score card as the bot might send it: header, rows of label/score, separators, a button, quick replies. */
function scoreCard(): messagingApi.FlexMessage {
  const row = (label: string, score: string, color: string): messagingApi.FlexBox => ({
    type: "box",
    layout: "horizontal",
    contents: [
      { type: "text", text: label, size: "sm", color: "#555555", flex: 3, wrap: true },
      { type: "text", text: score, size: "sm", color, align: "end", weight: "bold", flex: 1 },
    ],
  });
  return {
    type: "flex",
    altText: "ผลคะแนน ITA 2568: 87.50 (ผ่าน)",
    contents: {
      type: "bubble",
      size: "mega",
      header: {
        type: "box",
        layout: "vertical",
        backgroundColor: "#1DB446",
        paddingAll: "lg",
        contents: [
          {
            type: "text",
            text: "เทศบาลตำบลศรีสองรัก",
            color: "#FFFFFF",
            weight: "bold",
            size: "lg",
            wrap: true,
          },
          { type: "text", text: "ITA ปีงบประมาณ 2568", color: "#FFFFFFCC", size: "xs" },
        ],
      },
      body: {
        type: "box",
        layout: "vertical",
        spacing: "md",
        contents: [
          {
            type: "box",
            layout: "baseline",
            contents: [
              { type: "text", text: "87.50", size: "3xl", weight: "bold", color: "#1DB446", flex: 0 },
              { type: "text", text: "คะแนน", size: "sm", color: "#999999", margin: "md" },
            ],
          },
          { type: "separator", margin: "lg" },
          row("IIT การรับรู้ของบุคลากร", "90.12", "#111111"),
          row("EIT การรับรู้ของผู้มีส่วนได้ส่วนเสีย", "84.30", "#111111"),
          row("OIT การเปิดเผยข้อมูล", "88.00", "#111111"),
          { type: "separator" },
          {
            type: "text",
            contents: [
              { type: "span", text: "ระดับ: " },
              { type: "span", text: "A", weight: "bold", color: "#1DB446" },
            ],
          },
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        contents: [
          {
            type: "button",
            style: "primary",
            height: "sm",
            action: {
              type: "uri",
              label: "ดูรายละเอียด",
              uri: "https://liff.line.me/1234567890-AbCdEfGh/score",
            },
          },
        ],
      },
      styles: { footer: { separator: true } },
    },
    quickReply: {
      items: [
        { type: "action", action: { type: "message", label: "คะแนนปีก่อน", text: "คะแนน 2567" } },
        {
          type: "action",
          action: { type: "postback", label: "แจ้งเตือน", data: "remind=on", displayText: "เปิดแจ้งเตือน" },
        },
      ],
    },
  };
}

interface LineError {
  status: number;
  headers: Headers;
  body: { message: string; details?: { property: string; message: string }[] };
}

async function lineError(request: Promise<unknown>): Promise<LineError> {
  try {
    await request;
  } catch (error) {
    if (error instanceof HTTPFetchError) {
      return {
        status: error.status,
        headers: error.headers,
        body: JSON.parse(error.body) as LineError["body"],
      };
    }
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("fake LINE platform, through the SDK client", () => {
  let fake: FakeLinePlatform;
  let client: messagingApi.MessagingApiClient;
  let clock = Date.UTC(2026, 6, 1, 3, 0, 0);

  beforeAll(async () => {
    fake = await startFakeLinePlatform({
      channelAccessToken: TOKEN,
      profiles: { [ALICE]: { displayName: "สมศรี ใจดี", pictureUrl: "https://profile.line-scdn.net/alice" } },
      now: () => clock,
    });
    client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url });
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

    it("does not count replies against the quota", async () => {
      fake.quota = { limit: 1, used: 1 };
      await client.replyMessage({ replyToken: fake.issueReplyToken(ALICE), messages: [text("free")] });
      expect(fake.quota.used).toBe(1);
    });
  });

  describe("push and retry keys", () => {
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

    it("refuses altText over 400, more than 13 quick replies, a carousel of 13 and a bubble over 30 KB", async () => {
      const longAlt = { ...scoreCard(), altText: "ก".repeat(401) };
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
      specPath: new URL("../../../bot/line/spec/messaging-api.yml", import.meta.url),
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
