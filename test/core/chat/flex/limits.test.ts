import type { messagingApi } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { checkMessage, checkReply, jsonBytes } from "../../../../core/chat/flex/limits.ts";
import { scoreCard } from "../../../../core/chat/flex/score-card.ts";
import { textAnswer } from "../../../../core/chat/flex/text.ts";
import { sriSongRak2567 } from "./views.ts";

const line = (t: string): messagingApi.FlexText => ({ type: "text", text: t, wrap: true });

const bubbleOfBytes = (bytes: number): messagingApi.FlexBubble => {
  // One Thai character is three UTF-8 bytes.
  const contents = Array.from({ length: Math.ceil(bytes / 3000) }, () => line("ก".repeat(1000)));
  return { type: "bubble", body: { type: "box", layout: "vertical", contents } };
};

const flex = (
  contents: messagingApi.FlexContainer,
  altText = "ITA 2567 97.15",
): messagingApi.FlexMessage => ({
  type: "flex",
  altText,
  contents,
});

const withQuickReplies = (m: messagingApi.Message, labels: string[]): messagingApi.Message => ({
  ...m,
  quickReply: {
    items: labels.map((label) => ({ type: "action", action: { type: "message", label, text: label } })),
  },
});

describe("checkMessage", () => {
  it("accepts a real score card", () => {
    expect(checkMessage(scoreCard(sriSongRak2567()))).toEqual([]);
  });

  it("catches a 31 KB bubble", () => {
    const big = bubbleOfBytes(31_000);
    expect(jsonBytes(big)).toBeGreaterThan(31_000);
    expect(checkMessage(flex(big))).toEqual([expect.stringMatching(/^bubble is \d+ bytes \(max 30000\)$/)]);
  });

  it("catches 14 quick replies", () => {
    const labels = Array.from({ length: 14 }, (_, i) => `ตัวชี้วัดที่ ${i + 1}`);
    expect(checkMessage(withQuickReplies(textAnswer("ok"), labels))).toEqual([
      "quick reply has 14 items (max 13)",
    ]);
  });

  it("catches a 21-character quick reply label", () => {
    const label = "เทียบปี 2566 กับ 2567";
    expect(label).toHaveLength(21);
    expect(checkMessage(withQuickReplies(textAnswer("ok"), ["จุดอ่อน", label]))).toEqual([
      `quick reply 2 label "${label}" has 21 characters (max 20)`,
    ]);
  });

  it("catches an alt text over 400 characters and an empty one", () => {
    expect(checkMessage(flex(bubbleOfBytes(10), "ก".repeat(401)))).toEqual([
      "altText has 401 characters (max 400)",
    ]);
    expect(checkMessage(flex(bubbleOfBytes(10), ""))).toEqual(["altText is empty"]);
  });

  it("catches a text over 5,000 characters", () => {
    expect(checkMessage({ type: "text", text: "ก".repeat(5001) })).toEqual([
      "text has 5001 characters (max 5000)",
    ]);
  });

  it("catches an action text over 300 characters, in quick replies and in the bubble", () => {
    const long = "ก".repeat(301);
    const button: messagingApi.FlexButton = {
      type: "button",
      action: { type: "message", label: "ถาม", text: long },
    };
    const bubble: messagingApi.FlexBubble = {
      type: "bubble",
      body: { type: "box", layout: "vertical", contents: [button] },
    };
    expect(checkMessage(flex(bubble))).toEqual(["bubble: action text has 301 characters (max 300)"]);
    const q: messagingApi.Message = {
      type: "text",
      text: "ok",
      quickReply: { items: [{ type: "action", action: { type: "message", label: "ถาม", text: long } }] },
    };
    expect(checkMessage(q)).toEqual(["quick reply 1: action text has 301 characters (max 300)"]);
  });

  it("catches a carousel of 13 bubbles and one over 50 KB", () => {
    const thirteen: messagingApi.FlexCarousel = {
      type: "carousel",
      contents: Array.from({ length: 13 }, () => bubbleOfBytes(10)),
    };
    expect(checkMessage(flex(thirteen))).toEqual(["carousel has 13 bubbles (max 12)"]);
    const heavy: messagingApi.FlexCarousel = {
      type: "carousel",
      contents: Array.from({ length: 3 }, () => bubbleOfBytes(20_000)),
    };
    expect(checkMessage(flex(heavy))).toEqual([
      expect.stringMatching(/^carousel is \d+ bytes \(max 50000\)$/),
    ]);
  });

  it("catches an empty text component", () => {
    const bubble: messagingApi.FlexBubble = {
      type: "bubble",
      body: { type: "box", layout: "vertical", contents: [line("")] },
    };
    expect(checkMessage(flex(bubble))).toEqual(["bubble has an empty text"]);
  });
});

describe("checkReply", () => {
  it("accepts up to five messages", () => {
    expect(checkReply(Array.from({ length: 5 }, () => textAnswer("ok")))).toEqual([]);
  });

  it("catches six messages", () => {
    expect(checkReply(Array.from({ length: 6 }, () => textAnswer("ok")))).toEqual([
      "reply has 6 messages (max 5)",
    ]);
  });

  it("names the message that breaks a limit", () => {
    expect(checkReply([textAnswer("ok"), { type: "text", text: "" }])).toEqual(["message 2: text is empty"]);
  });
});
