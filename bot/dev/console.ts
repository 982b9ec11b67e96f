import { createHmac, randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { Kysely } from "kysely";
import { z } from "zod";
import { messageToHtml, quickRepliesOf } from "../../core/chat/flex/html.ts";
import { LINE_LIMITS } from "../../core/line/limits.ts";
import { DEMO_USERS } from "../../db/demo/users.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { createInvite } from "../../db/repositories/invites.ts";
import type { Database } from "../../db/schema.ts";
import { consolePage } from "./console-page.ts";
import type { FakeLinePlatform } from "./line-platform/types.ts";

export interface ConsoleDeps {
  db: Kysely<Database>;
  fake: FakeLinePlatform;
  channelSecret: string;
  /** Posts a request to this app's own /webhook (the full path, signature included). */
  webhook: (body: string, signature: string) => Promise<Response>;
  /** Waits until deferred webhook work is done, so the reply can be shown. */
  settle: () => Promise<void>;
  now: () => Date;
  /** The LINE Login channel the dev LIFF app's ID tokens are issued for. */
  loginChannelId: string;
}

const sendSchema = z.object({
  userId: z.string().regex(/^U[0-9a-z]{32}$/),
  text: z.string().max(LINE_LIMITS.textChars).optional(),
  event: z.enum(["message", "follow", "sticker"]).default("message"),
});

const inviteSchema = z.object({
  agencyCode: z.string().min(1).max(20),
  role: z.enum(["admin", "editor", "viewer"]),
});

/**
 * /dev/chat: type as a LINE user of a demo agency. Each message becomes a signed webhook event
 * posted to /webhook; the bot's replies are read back from the fake LINE platform.
 */
export function devConsole(deps: ConsoleDeps) {
  const app = new Hono();
  app.get("/chat", (c) => c.html(consolePage(DEMO_USERS)));

  app.post("/chat/send", async (c) => {
    const parsed = sendSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: "ข้อมูลไม่ถูกต้อง" }, 400);
    const { userId, text, event } = parsed.data;
    const before = deps.fake.messagesTo(userId).length;
    const body = JSON.stringify({
      destination: "Udevconsole",
      events: [eventFor(deps, userId, event, text ?? "")],
    });
    const signature = createHmac("sha256", deps.channelSecret).update(body).digest("base64");
    const res = await deps.webhook(body, signature);
    await deps.settle();
    const delivered = deps.fake.messagesTo(userId).slice(before);
    return c.json({
      webhookStatus: res.status,
      messages: delivered.map((d) => ({
        html: messageToHtml(d.message),
        quickReplies: quickRepliesOf(d.message),
      })),
    });
  });

  // The LIFF app in mock mode asks for a real, signed ID token of a demo user (dev only).
  app.get("/liff-token", async (c) => {
    const user = DEMO_USERS.find((u) => u.lineUserId === c.req.query("user")) ?? DEMO_USERS[0]!;
    const idToken = await deps.fake.issueIdToken(user.lineUserId, {
      channelId: deps.loginChannelId,
      name: user.displayName,
    });
    return c.json({ idToken, userId: user.lineUserId, displayName: user.displayName });
  });

  app.post("/chat/invite", async (c) => {
    const parsed = inviteSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: "ข้อมูลไม่ถูกต้อง" }, 400);
    const agency = await findAgencyByCode(deps.db, parsed.data.agencyCode);
    if (!agency) return c.json({ error: "ไม่พบหน่วยงาน" }, 404);
    const invite = await createInvite(
      deps.db,
      agency.id,
      parsed.data.role,
      { label: "dev:console" },
      deps.now(),
    );
    return c.json({ code: invite.code, agency: agency.nameTh, expiresAt: invite.expiresAt.toISOString() });
  });
  return app;
}

function eventFor(deps: ConsoleDeps, userId: string, kind: "message" | "follow" | "sticker", text: string) {
  const base = {
    timestamp: deps.now().getTime(),
    mode: "active",
    source: { type: "user", userId },
    webhookEventId: randomUUID().replaceAll("-", "").slice(0, 26).toUpperCase(),
    deliveryContext: { isRedelivery: false },
    replyToken: deps.fake.issueReplyToken(userId),
  };
  if (kind === "follow") return { ...base, type: "follow", follow: { isUnblocked: false } };
  const message =
    kind === "sticker"
      ? {
          id: String(Date.now()),
          type: "sticker",
          packageId: "446",
          stickerId: "1988",
          stickerResourceType: "STATIC",
        }
      : { id: String(Date.now()), type: "text", text, quoteToken: "dev" };
  return { ...base, type: "message", message };
}
