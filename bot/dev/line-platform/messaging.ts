/**
 * The Messaging API endpoints the bot uses: reply, push, multicast, profile, loading animation, quota. Each checks
 * what LINE checks, in LINE's order: body size, content type, JSON, retry key, schema and sizes, then the
 * endpoint's own rules (reply token, monthly quota) — and only then delivers.
 */
import { randomBytes } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import { LINE_LIMITS } from "../../../core/line/limits.ts";
import { flexSizeIssues } from "./checks.ts";
import { error, invalid, type Outcome } from "./outcomes.ts";
import type { PlatformState } from "./state.ts";
import { RETRY_KEY_HEADER } from "./tokens.ts";
import type { DeliveredMessage, DeliveryVia, MessagingEndpoint } from "./types.ts";

export type Endpoint = MessagingEndpoint;

/** One request as the endpoints see it; `body` is set once the JSON parses. */
export interface Call {
  requestId: string;
  time: number;
  headers: Record<string, string>;
  body: unknown;
  params: Record<string, string>;
}

const QUOTABLE = new Set(["text", "textV2", "sticker", "image", "video"]);

export function handleMessaging(
  state: PlatformState,
  endpoint: Endpoint,
  call: Call,
  rawBody: string,
): Outcome {
  const retryKey = call.headers[RETRY_KEY_HEADER];
  const retryable = endpoint === "push" || endpoint === "multicast";
  if (retryKey !== undefined && !retryable) {
    return error(400, "The X-Line-Retry-Key header is not supported by this API");
  }

  if (endpoint === "profile") return profile(state, call.params.userId ?? "");
  if (endpoint === "quota") {
    const limit = state.quota.limit;
    return { status: 200, body: limit === "none" ? { type: "none" } : { type: "limited", value: limit } };
  }
  if (endpoint === "consumption") return { status: 200, body: { totalUsage: state.quota.used } };

  // POST endpoints: a JSON body.
  if (Buffer.byteLength(rawBody) > LINE_LIMITS.requestBodyBytes)
    return error(413, "Request Entity Too Large");
  const contentType = call.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    return error(415, `The content type, ${contentType || "(none)"}, is not supported`);
  }
  try {
    call.body = JSON.parse(rawBody) as unknown;
  } catch (e) {
    return error(400, `The request body could not be parsed as JSON (${jsonErrorPosition(rawBody, e)})`);
  }

  if (retryKey !== undefined) {
    const refused = state.retryKeys.check(retryKey, call.time);
    if (refused) return refused;
  }

  const schema = {
    reply: "ReplyMessageRequest",
    push: "PushMessageRequest",
    multicast: "MulticastRequest",
    loading: "ShowLoadingAnimationRequest",
  }[endpoint];
  const issues = [...state.validator.validate(schema, call.body), ...flexSizeIssues(call.body)];
  if (issues.length > 0) return invalid(issues);
  const body = call.body as Record<string, unknown>;

  if (endpoint === "loading") return { status: 202, body: {} };

  const messages = body.messages as messagingApi.Message[];
  const notificationDisabled = body.notificationDisabled === true;

  if (endpoint === "reply") {
    const token = String(body.replyToken);
    const ttl = state.options.replyTokenTtlMs ?? LINE_LIMITS.replyTokenTtlMs;
    const userId = state.replyTokens.use(token, call.time, ttl, !state.recording);
    if (userId === undefined) return error(400, "Invalid reply token");
    const sent = deliver(state, [userId], messages, {
      via: "reply",
      call,
      replyToken: token,
      notificationDisabled,
    });
    if (state.recording)
      state.replies.set(token, {
        replyToken: token,
        userId,
        messages,
        requestId: call.requestId,
        time: call.time,
      });
    return { status: 200, body: { sentMessages: sent } };
  }

  const recipients = endpoint === "push" ? [String(body.to)] : (body.to as string[]);
  const limit = state.quota.limit;
  if (limit !== "none" && state.quota.used + recipients.length > limit) {
    return error(429, "You have reached your monthly limit.");
  }
  state.quota.used += recipients.length;
  const sent = deliver(state, recipients, messages, { via: endpoint, call, retryKey, notificationDisabled });
  if (retryKey !== undefined) {
    state.retryKeys.accept(retryKey, {
      requestId: call.requestId,
      time: call.time,
      ...(endpoint === "push" ? { sentMessages: sent } : {}),
    });
  }
  return { status: 200, body: endpoint === "push" ? { sentMessages: sent } : {} };
}

function profile(state: PlatformState, userId: string): Outcome {
  const found = state.profiles.get(userId);
  if (!found) return error(404, "Not found");
  return { status: 200, body: { userId, ...found } };
}

function deliver(
  state: PlatformState,
  recipients: string[],
  messages: messagingApi.Message[],
  how: {
    via: DeliveryVia;
    call: Call;
    replyToken?: string;
    retryKey?: string;
    notificationDisabled: boolean;
  },
): { id: string; quoteToken?: string }[] {
  const ids = messages.map(() => nextMessageId(state));
  for (const to of recipients) {
    messages.forEach((message, i) => {
      const delivery: DeliveredMessage = {
        to,
        via: how.via,
        message,
        messageId: ids[i]!,
        notificationDisabled: how.notificationDisabled,
        requestId: how.call.requestId,
        time: how.call.time,
        ...(how.retryKey !== undefined ? { retryKey: how.retryKey } : {}),
        ...(how.replyToken !== undefined ? { replyToken: how.replyToken } : {}),
      };
      state.stats.deliveries++;
      if (state.recording) state.deliveries.push(delivery);
      for (const listener of state.listeners) listener(delivery);
    });
  }
  return messages.map((message, i) => ({
    id: ids[i]!,
    ...(QUOTABLE.has(String(message.type)) ? { quoteToken: randomBytes(24).toString("base64url") } : {}),
  }));
}

/** Message ids look like LINE's: 18-digit decimal numbers. */
function nextMessageId(state: PlatformState): string {
  state.messageSeq += 1;
  return String(500_000_000_000_000_000n + BigInt(state.messageSeq));
}

/** "line: L, column: C" of a JSON.parse error, as LINE reports it; "-" when unknown. */
function jsonErrorPosition(text: string, e: unknown): string {
  const position = /position (\d+)/.exec(e instanceof Error ? e.message : "")?.[1];
  if (position === undefined) return "line: -, column: -";
  const before = text.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = Number(position) - before.lastIndexOf("\n");
  return `line: ${line}, column: ${column}`;
}
