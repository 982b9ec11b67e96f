import type { messagingApi } from "@line/bot-sdk";
import { expect } from "vitest";
import { checkMessage } from "../../../../core/chat/flex/limits.ts";

export function bubbleOf(m: messagingApi.FlexMessage): messagingApi.FlexBubble {
  if (m.contents.type !== "bubble") throw new Error("expected a bubble");
  return m.contents;
}

function walk(c: messagingApi.FlexComponent | undefined, out: messagingApi.FlexComponent[]) {
  if (!c) return;
  out.push(c);
  if (c.type === "box") for (const x of c.contents) walk(x, out);
}

export function componentsOf(m: messagingApi.FlexMessage): messagingApi.FlexComponent[] {
  const b = bubbleOf(m);
  const out: messagingApi.FlexComponent[] = [];
  for (const section of [b.header, b.hero, b.body, b.footer]) walk(section, out);
  return out;
}

export function textsOf(m: messagingApi.FlexMessage): messagingApi.FlexText[] {
  return componentsOf(m).filter((c): c is messagingApi.FlexText => c.type === "text");
}

export const textOf = (m: messagingApi.FlexMessage, t: string) => textsOf(m).find((x) => x.text === t);

export function quickReplies(m: messagingApi.Message): { label: string; text: string }[] {
  return (m.quickReply?.items ?? []).map((i) => {
    const a = i.action as messagingApi.MessageAction;
    return { label: a.label ?? "", text: a.text ?? "" };
  });
}

/** No limit broken, and quick replies a person can tap: ≤ 13, labels 1–20 characters, message actions. */
export function expectSendable(m: messagingApi.Message) {
  expect(checkMessage(m)).toEqual([]);
  const items = m.quickReply?.items ?? [];
  expect(items.length).toBeGreaterThan(0);
  expect(items.length).toBeLessThanOrEqual(13);
  for (const i of items) {
    expect(i.action?.type).toBe("message");
    expect(i.action?.label?.length ?? 0).toBeGreaterThan(0);
    expect(i.action?.label?.length ?? 0).toBeLessThanOrEqual(20);
  }
}
