// LINE's message limits (core/line/limits.ts), checked before a reply goes out.
import type { messagingApi } from "@line/bot-sdk";
import { LINE_LIMITS } from "../../line/limits.ts";

/** Where the builders keep below LINE's limits on purpose. */
export const BUDGET = {
  /**
   * LINE writes Flex sizes in KB without saying 1,000 or 1,024 bytes; the table reads 1,024, the builders 1,000
   * (720 and 1,200 bytes less), so a card fits either way.
   */
  bubbleBytes: (LINE_LIMITS.bubbleBytes / 1024) * 1000,
  carouselBytes: (LINE_LIMITS.carouselBytes / 1024) * 1000,
  /**
   * A notification shows the first line or two of the alternative text: the builders write a summary and keep
   * it to 400 characters, LINE's limit before it was raised, far under LINE_LIMITS.altTextChars.
   */
  altTextChars: Math.min(400, LINE_LIMITS.altTextChars),
} as const;

/** UTF-8 bytes of the JSON LINE receives. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Every way `m` breaks LINE's limits; empty when LINE would accept it. */
export function checkMessage(m: messagingApi.Message): string[] {
  const out: string[] = [];
  if (m.type === "text") {
    if (m.text.length === 0) out.push("text is empty");
    if (m.text.length > LINE_LIMITS.textChars)
      out.push(`text has ${m.text.length} characters (max ${LINE_LIMITS.textChars})`);
  }
  if (m.type === "flex") {
    if (m.altText.length === 0) out.push("altText is empty");
    if (m.altText.length > BUDGET.altTextChars) {
      out.push(`altText has ${m.altText.length} characters (max ${BUDGET.altTextChars})`);
    }
    out.push(...checkContainer(m.contents));
  }
  out.push(...checkQuickReply(m.quickReply));
  return out;
}

/** `checkMessage` for each message of a reply, plus the count. */
export function checkReply(messages: messagingApi.Message[]): string[] {
  const out: string[] = [];
  if (messages.length === 0) out.push("reply has no messages");
  if (messages.length > LINE_LIMITS.messagesPerRequest) {
    out.push(`reply has ${messages.length} messages (max ${LINE_LIMITS.messagesPerRequest})`);
  }
  messages.forEach((m, i) => {
    for (const v of checkMessage(m)) out.push(`message ${i + 1}: ${v}`);
  });
  return out;
}

function checkContainer(c: messagingApi.FlexContainer): string[] {
  if (c.type === "bubble") return checkBubble(c, "bubble");
  const out: string[] = [];
  if (c.contents.length === 0) out.push("carousel has no bubbles");
  if (c.contents.length > LINE_LIMITS.carouselBubbles) {
    out.push(`carousel has ${c.contents.length} bubbles (max ${LINE_LIMITS.carouselBubbles})`);
  }
  const bytes = jsonBytes(c);
  if (bytes > BUDGET.carouselBytes) out.push(`carousel is ${bytes} bytes (max ${BUDGET.carouselBytes})`);
  c.contents.forEach((b, i) => {
    out.push(...checkBubble(b, `bubble ${i + 1}`));
  });
  return out;
}

function checkBubble(b: messagingApi.FlexBubble, name: string): string[] {
  const out: string[] = [];
  const bytes = jsonBytes(b);
  if (bytes > BUDGET.bubbleBytes) out.push(`${name} is ${bytes} bytes (max ${BUDGET.bubbleBytes})`);
  const walk = (c: messagingApi.FlexComponent | undefined) => {
    if (!c) return;
    if ("action" in c) out.push(...checkAction(c.action, name));
    if (c.type === "text" && !c.text && !c.contents?.length) out.push(`${name} has an empty text`);
    if (c.type === "box") c.contents.forEach(walk);
  };
  out.push(...checkAction(b.action, name));
  [b.header, b.hero, b.body, b.footer].forEach(walk);
  return out;
}

function checkAction(a: messagingApi.Action | undefined, where: string): string[] {
  if (a?.type !== "message") return [];
  const t = (a as messagingApi.MessageAction).text ?? "";
  return t.length > LINE_LIMITS.actionTextChars
    ? [`${where}: action text has ${t.length} characters (max ${LINE_LIMITS.actionTextChars})`]
    : [];
}

function checkQuickReply(q: messagingApi.QuickReply | undefined): string[] {
  const items = q?.items ?? [];
  const out: string[] = [];
  if (items.length > LINE_LIMITS.quickReplyItems) {
    out.push(`quick reply has ${items.length} items (max ${LINE_LIMITS.quickReplyItems})`);
  }
  items.forEach((item, i) => {
    const label = item.action?.label ?? "";
    if (label.length === 0) out.push(`quick reply ${i + 1} has no label`);
    if (label.length > LINE_LIMITS.quickReplyLabelChars) {
      out.push(
        `quick reply ${i + 1} label "${label}" has ${label.length} characters (max ${LINE_LIMITS.quickReplyLabelChars})`,
      );
    }
    out.push(...checkAction(item.action, `quick reply ${i + 1}`));
  });
  return out;
}
