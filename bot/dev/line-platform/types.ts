/** What the fake LINE platform offers its users (tests, the dev console, benchmarks) and what it records. */
import type { messagingApi } from "@line/bot-sdk";

export interface FakeProfile {
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
  language?: string;
}

export interface Quota {
  /** Monthly target limit; "none" = no limit set. */
  limit: number | "none";
  /** Messages counted so far this month (one per recipient of each push or multicast). */
  used: number;
}

export interface FakeLinePlatformOptions {
  channelAccessToken: string;
  /** 0 (default) = a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  hostname?: string;
  profiles?: Record<string, FakeProfile>;
  /** Starting quota, and what `reset()` returns to; default `{ limit: "none", used: 0 }`. */
  quota?: Quota;
  /** LINE's messaging-api.yml; default the vendored `bot/dev/openapi/spec/messaging-api.yml`. */
  specPath?: string | URL;
  /** Clock in epoch ms (reply-token expiry, retry-key window, timestamps); default Date.now. */
  now?: () => number;
  /** How long an issued reply token stays usable; default 60 s. */
  replyTokenTtlMs?: number;
  /**
   * Keep every request and delivery (default). Benchmarks turn it off: only `stats` counts then,
   * so a long run does not grow memory.
   */
  record?: boolean;
  /**
   * Requests per second each endpoint accepts, as LINE limits every channel (its reference: push 2,000,
   * multicast 200). Over it: 429 with Retry-After, and the request is not processed. Default: no limit.
   */
  rateLimits?: Partial<Record<MessagingEndpoint, number>>;
}

/** The Messaging API endpoints the platform answers. */
export type MessagingEndpoint =
  | "reply"
  | "push"
  | "multicast"
  | "profile"
  | "loading"
  | "quota"
  | "consumption";

export interface FakeStats {
  requests: number;
  deliveries: number;
  byStatus: Record<string, number>;
}

export type DeliveryVia = "reply" | "push" | "multicast";

export interface DeliveredMessage {
  /** Recipient: the user (or group/room) id. */
  to: string;
  via: DeliveryVia;
  /** As sent; it passed LINE's schema, so it is a valid SDK `Message`. */
  message: messagingApi.Message;
  /** The id answered in `sentMessages` (push/reply); multicast messages get one too, not answered. */
  messageId: string;
  retryKey?: string;
  replyToken?: string;
  notificationDisabled: boolean;
  /** `x-line-request-id` of the request that delivered it. */
  requestId: string;
  time: number;
}

export interface RecordedRequest {
  /** The `x-line-request-id` answered. */
  requestId: string;
  method: string;
  path: string;
  /** Query string without "?", "" when none. */
  query: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body; undefined when there was none or it did not parse (see rawBody). */
  body: unknown;
  rawBody: string;
  status: number;
  /** The JSON answered. */
  response: unknown;
  time: number;
}

export interface ReplyRecord {
  replyToken: string;
  userId: string;
  messages: messagingApi.Message[];
  requestId: string;
  time: number;
}

export interface FailNextOptions {
  /** Adds `Retry-After: <seconds>`. */
  retryAfterSeconds?: number;
  /** Only requests whose path matches; default every request. */
  paths?: RegExp;
  /** Error message; default LINE's wording for the status. */
  message?: string;
  /**
   * Process the request normally (deliver, accept its retry key, count quota), then answer the failure anyway:
   * "accepted, but the response was lost". A retry with the same retry key then gets 409.
   */
  afterProcessing?: boolean;
}

export interface FakeLinePlatform {
  /** Base URL for the SDK's `baseURL`, e.g. "http://127.0.0.1:41234". */
  readonly url: string;
  readonly port: number;
  /** Every request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Every delivered message, in order. */
  readonly deliveries: readonly DeliveredMessage[];
  /** Counts, kept even when `record` is off. */
  readonly stats: FakeStats;
  /** Accepted replies by reply token. */
  readonly replies: ReadonlyMap<string, ReplyRecord>;
  /** Read or replace (or mutate) at any time. */
  quota: Quota;
  /** Messages delivered to this user by reply, push or multicast, in order. */
  messagesTo(userId: string): DeliveredMessage[];
  /** Answer the next `count` (matching) requests with `status` and LINE's error body. */
  failNext(count: number, status: number, options?: FailNextOptions): void;
  /** A fresh reply token for a webhook event from this user: accepted once, within the TTL (60 s). */
  issueReplyToken(userId: string): string;
  /**
   * A LIFF ID token as LINE Login issues it: ES256, iss https://access.line.me, aud the channel id,
   * signed with this platform's key (served at /oauth2/v2.1/certs like LINE's).
   */
  issueIdToken(
    userId: string,
    options: { channelId: string; name?: string; expiresInSeconds?: number },
  ): Promise<string>;
  setProfile(userId: string, profile: FakeProfile | undefined): void;
  /** Called on every delivered message (e.g. for a console to print it); returns an unsubscribe function. */
  onDelivery(listener: (delivery: DeliveredMessage) => void): () => void;
  /** Forget requests, deliveries, replies, tokens, retry keys and pending failures; quota back to the start. */
  reset(): void;
  /** Rich menus created through the API, by id, with their uploaded image. */
  readonly richMenus: ReadonlyMap<string, FakeRichMenu>;
  /** The rich menu every user sees unless linked to another (POST /v2/bot/user/all/richmenu/{id}). */
  readonly defaultRichMenuId: string | undefined;
  close(): Promise<void>;
}

export interface FakeRichMenu {
  richMenuId: string;
  /** As sent; it passed LINE's RichMenuRequest schema and the size and area rules. */
  menu: messagingApi.RichMenuRequest;
  image?: { contentType: string; bytes: number; width?: number; height?: number };
}
