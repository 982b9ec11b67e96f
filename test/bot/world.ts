import { createHmac, randomUUID } from "node:crypto";
import { type App, createApp } from "../../bot/app.ts";
import { deferTracker } from "../../bot/defer.ts";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../bot/dev/line-platform/server.ts";
import { reportLinker } from "../../bot/downloads/links.ts";
import { createLineClient } from "../../bot/line/client.ts";
import { memoryLogger } from "../../bot/log.ts";
import type { DbHandle } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { DEMO_USERS } from "../../db/demo/users.ts";
import { openTestDb } from "../db/harness.ts";
import { freshFrameworks } from "../fixtures/frameworks.ts";

export const TOKEN = "test-channel-access-token";
/** Report download links as the chat hands them out (bot/downloads). */
export const REPORT_LINKER = reportLinker({
  secret: "test-link-secret",
  publicUrl: "https://prongsai.test/",
});
export const NOW = new Date("2026-11-25T03:00:00Z");
export const [ADMIN_SRISONGRAK, VIEWER_BANLAENG, EDITOR_DEMO, NEWCOMER] = DEMO_USERS.map(
  (u) => u.lineUserId,
) as [string, string, string, string];

export interface World {
  db: DbHandle["db"];
  fake: FakeLinePlatform;
  app: App;
  log: ReturnType<typeof memoryLogger>;
  secret: string;
  sign(body: string): string;
  post(body: string, signature?: string): Promise<Response>;
  textEvent(userId: string, text: string, extra?: Record<string, unknown>): Record<string, unknown>;
  /** Sends events through the signed webhook and returns what LINE delivered to `userId`. */
  send(
    userId: string,
    events: Record<string, unknown>[],
  ): Promise<{ status: number; messages: Record<string, unknown>[] }>;
  say(userId: string, text: string): Promise<Record<string, unknown>[]>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The whole bot on PGlite with demo data, talking to a fake LINE platform through the real SDK. */
export async function openWorld(options: { secret?: string; demo?: boolean } = {}): Promise<World> {
  const secret = options.secret ?? "test-channel-secret";
  const h = await openTestDb("pglite");
  if (options.demo !== false) await loadDemoData(h.db, { now: NOW });
  const fake = await startFakeLinePlatform({
    channelAccessToken: TOKEN,
    profiles: Object.fromEntries(DEMO_USERS.map((u) => [u.lineUserId, { displayName: u.displayName }])),
  });
  const tracker = deferTracker();
  const log = memoryLogger();
  const line = createLineClient({ channelAccessToken: TOKEN, baseURL: fake.url });
  const app = createApp({
    db: () => h.db,
    frameworks: freshFrameworks(),
    production: false,
    log,
    webhook: {
      channelSecrets: [secret],
      chat: { line, now: () => NOW, log, reports: REPORT_LINKER },
      defer: (_c, work) => tracker.defer(work),
    },
  });
  const sign = (body: string) => createHmac("sha256", secret).update(body).digest("base64");
  const post = async (body: string, signature?: string): Promise<Response> =>
    app.request("/webhook", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        ...(signature ? { "x-line-signature": signature } : {}),
      },
    });
  const textEvent = (userId: string, text: string, extra: Record<string, unknown> = {}) => ({
    type: "message",
    mode: "active",
    timestamp: NOW.getTime(),
    source: { type: "user", userId },
    webhookEventId: randomUUID(),
    deliveryContext: { isRedelivery: false },
    replyToken: fake.issueReplyToken(userId),
    message: { id: String(Math.random()).slice(2), type: "text", quoteToken: "q", text },
    ...extra,
  });
  const send = async (userId: string, events: Record<string, unknown>[]) => {
    const before = fake.messagesTo(userId).length;
    const body = JSON.stringify({ destination: "Ubot", events });
    const res = await post(body, sign(body));
    await tracker.settle();
    return {
      status: res.status,
      messages: fake
        .messagesTo(userId)
        .slice(before)
        .map((d) => d.message as Record<string, unknown>),
    };
  };
  return {
    db: h.db,
    fake,
    app,
    log,
    secret,
    sign,
    post,
    textEvent,
    send,
    say: async (userId, text) => (await send(userId, [textEvent(userId, text)])).messages,
    settle: () => tracker.settle(),
    close: async () => {
      await fake.close();
      await h.close();
    },
  };
}

/** What a person sees of a message: its text, or a Flex message's alt text and every text in it. */
export function visibleText(message: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.text === "string") parts.push(o.text);
    if (typeof o.altText === "string") parts.push(o.altText);
    for (const [k, v] of Object.entries(o))
      if (k !== "quickReply") Array.isArray(v) ? v.forEach(walk) : walk(v);
  };
  walk(message);
  return parts.join("\n");
}
