// LINE's message limits, checked before a reply goes out. Sizes count 1 KB as 1,000 bytes, the stricter reading.
import type { messagingApi } from "@line/bot-sdk";

export const LIMITS = {
  messagesPerReply: 5,
  altText: 400,
  text: 5000,
  bubbleBytes: 30_000,
  carouselBytes: 50_000,
  carouselBubbles: 12,
  quickReplyItems: 13,
  quickReplyLabel: 20,
  actionText: 300,
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
    if (m.text.length > LIMITS.text) out.push(`text has ${m.text.length} characters (max ${LIMITS.text})`);
  }
  if (m.type === "flex") {
    if (m.altText.length === 0) out.push("altText is empty");
    if (m.altText.length > LIMITS.altText) {
      out.push(`altText has ${m.altText.length} characters (max ${LIMITS.altText})`);
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
  if (messages.length > LIMITS.messagesPerReply) {
    out.push(`reply has ${messages.length} messages (max ${LIMITS.messagesPerReply})`);
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
  if (c.contents.length > LIMITS.carouselBubbles) {
    out.push(`carousel has ${c.contents.length} bubbles (max ${LIMITS.carouselBubbles})`);
  }
  const bytes = jsonBytes(c);
  if (bytes > LIMITS.carouselBytes) out.push(`carousel is ${bytes} bytes (max ${LIMITS.carouselBytes})`);
  c.contents.forEach((b, i) => {
    out.push(...checkBubble(b, `bubble ${i + 1}`));
  });
  return out;
}

function checkBubble(b: messagingApi.FlexBubble, name: string): string[] {
  const out: string[] = [];
  const bytes = jsonBytes(b);
  if (bytes > LIMITS.bubbleBytes) out.push(`${name} is ${bytes} bytes (max ${LIMITS.bubbleBytes})`);
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
  return t.length > LIMITS.actionText
    ? [`${where}: action text has ${t.length} characters (max ${LIMITS.actionText})`]
    : [];
}

function checkQuickReply(q: messagingApi.QuickReply | undefined): string[] {
  const items = q?.items ?? [];
  const out: string[] = [];
  if (items.length > LIMITS.quickReplyItems) {
    out.push(`quick reply has ${items.length} items (max ${LIMITS.quickReplyItems})`);
  }
  items.forEach((item, i) => {
    const label = item.action?.label ?? "";
    if (label.length === 0) out.push(`quick reply ${i + 1} has no label`);
    if (label.length > LIMITS.quickReplyLabel) {
      out.push(
        `quick reply ${i + 1} label "${label}" has ${label.length} characters (max ${LIMITS.quickReplyLabel})`,
      );
    }
    out.push(...checkAction(item.action, `quick reply ${i + 1}`));
  });
  return out;
}
