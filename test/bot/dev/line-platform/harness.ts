// The fake LINE platform as its tests meet it: a platform on a test clock, the SDK client, LINE's error bodies.
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { startFakeLinePlatform } from "../../../../bot/dev/line-platform/server.ts";

export const TOKEN = "test-channel-access-token";
export const ALICE = "U0123456789abcdef0123456789abcdef";
export const BOB = "U11111111111111111111111111111111";

export type Message = messagingApi.Message;

export const text = (t: string): Message => ({ type: "text", text: t });

/** A score card as the bot might send it: header, rows of label/score, separators, a button, quick replies. */
export function scoreCard(): messagingApi.FlexMessage {
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

export interface LineError {
  status: number;
  headers: Headers;
  body: { message: string; details?: { property: string; message: string }[] };
}

export async function lineError(request: Promise<unknown>): Promise<LineError> {
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

/** A platform on `now` that knows Alice's profile, and the SDK client with its token. */
export async function startTestPlatform(now: () => number) {
  const fake = await startFakeLinePlatform({
    channelAccessToken: TOKEN,
    profiles: { [ALICE]: { displayName: "สมศรี ใจดี", pictureUrl: "https://profile.line-scdn.net/alice" } },
    now,
  });
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url });
  return { fake, client };
}
