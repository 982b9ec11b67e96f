/**
 * A fake LINE Messaging API platform: a real HTTP server (Hono on @hono/node-server) that answers the endpoints the
 * bot uses the way api.line.me does, so tests and the local console drive it through the real SDK client:
 *
 *   const fake = await startFakeLinePlatform({ channelAccessToken: "token" });
 *   const client = new messagingApi.MessagingApiClient({ channelAccessToken: "token", baseURL: fake.url });
 *
 * It checks what LINE checks: the bearer token, JSON, every message against LINE's OpenAPI schema (see
 * openapi-validator.ts) plus the size limits, single-use reply tokens that expire after 60 s, `X-Line-Retry-Key`
 * (UUID, push/multicast only, a repeat within 24 h → 409 without a second delivery) and the monthly quota. It
 * records every request and every delivered message, and can be told to fail the next requests (429/5xx).
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { messagingApi } from "@line/bot-sdk";
import { type Context, Hono } from "hono";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import {
  createLineMessagingValidator,
  type SchemaValidator,
  type ValidationIssue,
} from "./openapi-validator.ts";

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
  /** LINE's messaging-api.yml; default the vendored `bot/line/spec/messaging-api.yml`. */
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
}

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

/** LINE's limits that are not schema keywords. */
export const LINE_LIMITS = {
  bodyBytes: 2 * 1024 * 1024,
  bubbleBytes: 30 * 1024,
  carouselBytes: 50 * 1024,
  replyTokenTtlMs: 60_000,
  retryKeyWindowMs: 24 * 60 * 60 * 1000,
} as const;

type Endpoint = "reply" | "push" | "multicast" | "profile" | "loading" | "quota" | "consumption";

interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Call {
  requestId: string;
  time: number;
  headers: Record<string, string>;
  body: unknown;
  params: Record<string, string>;
}

interface FailureRule {
  remaining: number;
  status: number;
  options: FailNextOptions;
}

interface AcceptedRetry {
  requestId: string;
  time: number;
  sentMessages?: { id: string; quoteToken?: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RETRY_KEY_HEADER = "x-line-retry-key";
const QUOTABLE = new Set(["text", "textV2", "sticker", "image", "video"]);

const DEFAULT_ERROR_MESSAGES: Record<number, string> = {
  400: "The request body has 1 error(s)",
  401: "Authentication failed. Confirm that the access token in the authorization header is valid.",
  403: "Access to this API is not available for your account",
  404: "Not found",
  409: "The retry key is already accepted",
  410: "Gone",
  413: "Request Entity Too Large",
  415: "The content type is not supported",
  429: "The API rate limit has been exceeded. Try again later.",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

export async function startFakeLinePlatform(options: FakeLinePlatformOptions): Promise<FakeLinePlatform> {
  const validator = createLineMessagingValidator(options.specPath);
  const platform = new Platform(options, validator);
  await platform.makeSigningKey();
  await platform.listen(options.port ?? 0, options.hostname ?? "127.0.0.1");
  return platform;
}

class Platform implements FakeLinePlatform {
  url = "";
  port = 0;
  quota: Quota;
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: DeliveredMessage[] = [];
  readonly replies = new Map<string, ReplyRecord>();
  readonly stats: FakeStats = { requests: 0, deliveries: 0, byStatus: {} };

  readonly #options: FakeLinePlatformOptions;
  readonly #validator: SchemaValidator;
  readonly #now: () => number;
  readonly #profiles: Map<string, FakeProfile>;
  readonly #replyTokens = new Map<string, { userId: string; issuedAt: number; used: boolean }>();
  readonly #retryKeys = new Map<string, AcceptedRetry>();
  readonly #listeners = new Set<(delivery: DeliveredMessage) => void>();
  #failures: FailureRule[] = [];
  #messageSeq = 0;
  readonly richMenus = new Map<string, FakeRichMenu>();
  defaultRichMenuId: string | undefined;
  #server: ServerType | undefined;

  constructor(options: FakeLinePlatformOptions, validator: SchemaValidator) {
    this.#options = options;
    this.#validator = validator;
    this.#now = options.now ?? Date.now;
    this.#profiles = new Map(Object.entries(options.profiles ?? {}));
    this.quota = { ...(options.quota ?? { limit: "none", used: 0 }) };
  }

  // ---- public API -------------------------------------------------------------------------------------------

  messagesTo(userId: string): DeliveredMessage[] {
    return this.deliveries.filter((d) => d.to === userId);
  }

  failNext(count: number, status: number, options: FailNextOptions = {}): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`failNext: count must be a positive integer`);
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new Error(`failNext: ${status} is no error`);
    this.#failures.push({ remaining: count, status, options });
  }

  #signingKey: CryptoKey | undefined;
  #jwk: Record<string, unknown> | undefined;

  async makeSigningKey(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    this.#signingKey = privateKey as CryptoKey;
    this.#jwk = { ...(await exportJWK(publicKey)), kid: "fake-line-1", alg: "ES256", use: "sig" };
  }

  async issueIdToken(
    userId: string,
    options: { channelId: string; name?: string; expiresInSeconds?: number },
  ): Promise<string> {
    const now = Math.floor(this.#now() / 1000);
    return new SignJWT({ ...(options.name ? { name: options.name } : {}) })
      .setProtectedHeader({ alg: "ES256", kid: "fake-line-1", typ: "JWT" })
      .setIssuer("https://access.line.me")
      .setSubject(userId)
      .setAudience(options.channelId)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(this.#signingKey!);
  }

  issueReplyToken(userId: string): string {
    const token = randomBytes(16).toString("hex");
    this.#replyTokens.set(token, { userId, issuedAt: this.#now(), used: false });
    return token;
  }

  setProfile(userId: string, profile: FakeProfile | undefined): void {
    if (profile) this.#profiles.set(userId, profile);
    else this.#profiles.delete(userId);
  }

  onDelivery(listener: (delivery: DeliveredMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  reset(): void {
    this.requests.length = 0;
    this.deliveries.length = 0;
    this.replies.clear();
    this.#replyTokens.clear();
    this.#retryKeys.clear();
    this.#failures = [];
    this.quota = { ...(this.#options.quota ?? { limit: "none", used: 0 }) };
    Object.assign(this.stats, { requests: 0, deliveries: 0, byStatus: {} });
  }

  close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
  }

  // ---- server -----------------------------------------------------------------------------------------------

  listen(port: number, hostname: string): Promise<void> {
    const app = new Hono();
    const on = (endpoint: Endpoint) => (c: Context) => this.#run(c, endpoint);
    app.post("/v2/bot/message/reply", on("reply"));
    app.post("/v2/bot/message/push", on("push"));
    app.post("/v2/bot/message/multicast", on("multicast"));
    app.get("/v2/bot/profile/:userId", on("profile"));
    app.post("/v2/bot/chat/loading/start", on("loading"));
    app.get("/v2/bot/message/quota", on("quota"));
    app.get("/v2/bot/message/quota/consumption", on("consumption"));
    // Control endpoints for a benchmark that runs this platform in its own process.
    app.post("/__fake/reply-tokens", async (c) => {
      const { userId, count } = (await c.req.json()) as { userId: string; count: number };
      return c.json({
        tokens: Array.from({ length: Math.min(count, 100_000) }, () => this.issueReplyToken(userId)),
      });
    });
    app.get("/__fake/stats", (c) => c.json(this.stats));
    app.get("/oauth2/v2.1/certs", (c) => c.json({ keys: [this.#jwk] }));
    this.#richMenuRoutes(app);
    app.notFound((c) => this.#run(c, undefined));
    app.onError((error, c) => c.json({ message: `Fake LINE platform error: ${error.message}` }, 500));

    return new Promise((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
        this.port = info.port;
        this.url = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${info.port}`;
        resolve();
      });
      server.once("error", reject);
      this.#server = server;
    });
  }

  async #run(c: Context, endpoint: Endpoint | undefined): Promise<Response> {
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const rawBody = c.req.method === "GET" || c.req.method === "HEAD" ? "" : await c.req.text();
    const url = new URL(c.req.url);
    const call: Call = {
      requestId: randomUUID(),
      time: this.#now(),
      headers,
      body: undefined,
      params: endpoint ? c.req.param() : {},
    };

    const outcome = this.#process(endpoint, call, rawBody, url.pathname);
    const responseHeaders = new Headers({
      "content-type": "application/json",
      "x-line-request-id": call.requestId,
      ...outcome.headers,
    });
    this.stats.requests++;
    this.stats.byStatus[outcome.status] = (this.stats.byStatus[outcome.status] ?? 0) + 1;
    if (this.#options.record !== false)
      this.requests.push({
        requestId: call.requestId,
        method: c.req.method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ""),
        headers,
        body: call.body,
        rawBody,
        status: outcome.status,
        response: outcome.body,
        time: call.time,
      });
    return new Response(JSON.stringify(outcome.body), { status: outcome.status, headers: responseHeaders });
  }

  #process(endpoint: Endpoint | undefined, call: Call, rawBody: string, path: string): Outcome {
    if (!endpoint) return error(404, "Not found");

    const authorization = call.headers.authorization;
    if (!authorization) {
      return error(
        401,
        "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'",
      );
    }
    const match = /^Bearer\s+(.+)$/i.exec(authorization);
    if (!match || match[1] !== this.#options.channelAccessToken) {
      return error(
        401,
        "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.",
      );
    }

    const failure = this.#takeFailure(path);
    if (failure && !failure.options.afterProcessing) return failureOutcome(failure);

    const outcome = this.#handle(endpoint, call, rawBody);
    return failure ? failureOutcome(failure) : outcome;
  }

  #takeFailure(path: string): FailureRule | undefined {
    const rule = this.#failures.find((f) => !f.options.paths || f.options.paths.test(path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.#failures = this.#failures.filter((f) => f !== rule);
    return rule;
  }

  #handle(endpoint: Endpoint, call: Call, rawBody: string): Outcome {
    const retryKey = call.headers[RETRY_KEY_HEADER];
    const retryable = endpoint === "push" || endpoint === "multicast";
    if (retryKey !== undefined && !retryable) {
      return error(400, "The X-Line-Retry-Key header is not supported by this API");
    }

    if (endpoint === "profile") return this.#profile(call.params.userId ?? "");
    if (endpoint === "quota") {
      const limit = this.quota.limit;
      return { status: 200, body: limit === "none" ? { type: "none" } : { type: "limited", value: limit } };
    }
    if (endpoint === "consumption") return { status: 200, body: { totalUsage: this.quota.used } };

    // POST endpoints: a JSON body.
    if (Buffer.byteLength(rawBody) > LINE_LIMITS.bodyBytes) return error(413, "Request Entity Too Large");
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
      if (!UUID.test(retryKey)) return error(400, "The value of the X-Line-Retry-Key header is invalid");
      const accepted = this.#retryKeys.get(retryKey);
      if (accepted && call.time - accepted.time < LINE_LIMITS.retryKeyWindowMs) {
        return {
          status: 409,
          body: {
            message: "The retry key is already accepted",
            ...(accepted.sentMessages ? { sentMessages: accepted.sentMessages } : {}),
          },
          headers: { "x-line-accepted-request-id": accepted.requestId },
        };
      }
    }

    const schema = {
      reply: "ReplyMessageRequest",
      push: "PushMessageRequest",
      multicast: "MulticastRequest",
      loading: "ShowLoadingAnimationRequest",
    }[endpoint];
    const issues = [...this.#validator.validate(schema, call.body), ...flexSizeIssues(call.body)];
    if (issues.length > 0) return invalid(issues);
    const body = call.body as Record<string, unknown>;

    if (endpoint === "loading") return { status: 202, body: {} };

    const messages = body.messages as messagingApi.Message[];
    const notificationDisabled = body.notificationDisabled === true;

    if (endpoint === "reply") {
      const token = String(body.replyToken);
      const issued = this.#replyTokens.get(token);
      if (!issued || issued.used || call.time - issued.issuedAt > this.#ttl()) {
        return error(400, "Invalid reply token");
      }
      issued.used = true;
      if (this.#options.record === false) this.#replyTokens.delete(token);
      const sent = this.#deliver([issued.userId], messages, {
        via: "reply",
        call,
        replyToken: token,
        notificationDisabled,
      });
      if (this.#options.record !== false)
        this.replies.set(token, {
          replyToken: token,
          userId: issued.userId,
          messages,
          requestId: call.requestId,
          time: call.time,
        });
      return { status: 200, body: { sentMessages: sent } };
    }

    const recipients = endpoint === "push" ? [String(body.to)] : (body.to as string[]);
    const limit = this.quota.limit;
    if (limit !== "none" && this.quota.used + recipients.length > limit) {
      return error(429, "You have reached your monthly limit.");
    }
    this.quota.used += recipients.length;
    const sent = this.#deliver(recipients, messages, { via: endpoint, call, retryKey, notificationDisabled });
    const accepted: AcceptedRetry = { requestId: call.requestId, time: call.time };
    if (endpoint === "push") accepted.sentMessages = sent;
    if (retryKey !== undefined) this.#retryKeys.set(retryKey, accepted);
    return { status: 200, body: endpoint === "push" ? { sentMessages: sent } : {} };
  }

  // ---- rich menus: create, upload its image (api-data.line.me; served here too), set as default ----

  #richMenuRoutes(app: Hono): void {
    const guarded = (handle: (c: Context) => Promise<Outcome> | Outcome) => async (c: Context) => {
      const authorization = c.req.header("authorization") ?? "";
      const match = /^Bearer\s+(.+)$/i.exec(authorization);
      const outcome =
        match?.[1] === this.#options.channelAccessToken
          ? await handle(c)
          : error(
              401,
              "Authentication failed. Confirm that the access token in the authorization header is valid.",
            );
      this.stats.requests++;
      this.stats.byStatus[outcome.status] = (this.stats.byStatus[outcome.status] ?? 0) + 1;
      if (this.#options.record !== false) {
        const url = new URL(c.req.url);
        this.requests.push({
          requestId: randomUUID(),
          method: c.req.method,
          path: url.pathname,
          query: url.search.replace(/^\?/, ""),
          headers: Object.fromEntries([...c.req.raw.headers].map(([k, v]) => [k.toLowerCase(), v])),
          body: undefined,
          rawBody: "",
          status: outcome.status,
          response: outcome.body,
          time: this.#now(),
        });
      }
      return c.json(outcome.body as object, outcome.status as 200);
    };
    app.post(
      "/v2/bot/richmenu",
      guarded(async (c) => {
        let body: unknown;
        try {
          body = JSON.parse(await c.req.text());
        } catch {
          return error(400, "The request body could not be parsed as JSON");
        }
        const issues = [...this.#validator.validate("RichMenuRequest", body), ...richMenuIssues(body)];
        if (issues.length > 0) return invalid(issues);
        const richMenuId = `richmenu-${randomBytes(16).toString("hex")}`;
        this.richMenus.set(richMenuId, { richMenuId, menu: body as messagingApi.RichMenuRequest });
        return { status: 200, body: { richMenuId } };
      }),
    );
    app.post(
      "/v2/bot/richmenu/:richMenuId/content",
      guarded(async (c) => {
        const menu = this.richMenus.get(c.req.param("richMenuId") ?? "");
        if (!menu) return error(404, "Not found");
        if (menu.image) return error(400, "An image has already been uploaded to the richmenu");
        const contentType = c.req.header("content-type") ?? "";
        if (!/^image\/(png|jpeg)$/.test(contentType)) return error(415, "The content type is not supported");
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        if (bytes.length > 1024 * 1024) return error(413, "Request Entity Too Large");
        const size = contentType === "image/png" ? pngSize(bytes) : undefined;
        if (contentType === "image/png" && !size) return error(400, "The image is not a PNG");
        const want = menu.menu.size;
        if (size && want && (size.width !== want.width || size.height !== want.height)) {
          return error(400, `The image size must be ${want.width}x${want.height}`);
        }
        menu.image = { contentType, bytes: bytes.length, ...size };
        return { status: 200, body: {} };
      }),
    );
    app.post(
      "/v2/bot/user/all/richmenu/:richMenuId",
      guarded((c) => {
        const menu = this.richMenus.get(c.req.param("richMenuId") ?? "");
        if (!menu) return error(404, "Not found");
        if (!menu.image) return error(400, "must upload richmenu image before applying it to user");
        this.defaultRichMenuId = menu.richMenuId;
        return { status: 200, body: {} };
      }),
    );
    app.get(
      "/v2/bot/user/all/richmenu",
      guarded(() =>
        this.defaultRichMenuId
          ? { status: 200, body: { richMenuId: this.defaultRichMenuId } }
          : error(404, "no default richmenu"),
      ),
    );
    app.delete(
      "/v2/bot/richmenu/:richMenuId",
      guarded((c) => {
        const id = c.req.param("richMenuId") ?? "";
        if (!this.richMenus.delete(id)) return error(404, "Not found");
        if (this.defaultRichMenuId === id) this.defaultRichMenuId = undefined;
        return { status: 200, body: {} };
      }),
    );
  }

  #profile(userId: string): Outcome {
    const profile = this.#profiles.get(userId);
    if (!profile) return error(404, "Not found");
    return { status: 200, body: { userId, ...profile } };
  }

  #ttl(): number {
    return this.#options.replyTokenTtlMs ?? LINE_LIMITS.replyTokenTtlMs;
  }

  #deliver(
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
    const ids = messages.map(() => this.#nextMessageId());
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
        this.stats.deliveries++;
        if (this.#options.record !== false) this.deliveries.push(delivery);
        for (const listener of this.#listeners) listener(delivery);
      });
    }
    return messages.map((message, i) => ({
      id: ids[i]!,
      ...(QUOTABLE.has(String(message.type)) ? { quoteToken: randomBytes(24).toString("base64url") } : {}),
    }));
  }

  #nextMessageId(): string {
    this.#messageSeq += 1;
    return String(500_000_000_000_000_000n + BigInt(this.#messageSeq));
  }
}

function error(status: number, message: string, details?: ValidationIssue[]): Outcome {
  return { status, body: details && details.length > 0 ? { message, details } : { message } };
}

function invalid(issues: ValidationIssue[]): Outcome {
  return error(400, `The request body has ${issues.length} error(s)`, issues);
}

function failureOutcome(rule: FailureRule): Outcome {
  const outcome = error(rule.status, rule.options.message ?? DEFAULT_ERROR_MESSAGES[rule.status] ?? "Error");
  if (rule.options.retryAfterSeconds !== undefined) {
    outcome.headers = { "retry-after": String(rule.options.retryAfterSeconds) };
  }
  return outcome;
}

/** LINE's rules for a rich menu beyond its schema: sizes, at most 20 areas, areas inside the image. */
function richMenuIssues(body: unknown): ValidationIssue[] {
  if (!isRecord(body)) return [];
  const issues: ValidationIssue[] = [];
  const size = isRecord(body.size) ? body.size : {};
  const width = Number(size.width);
  const height = Number(size.height);
  if (width < 800 || width > 2500 || height < 250 || width / height < 1.45) {
    issues.push({ property: "size", message: "width must be 800–2500 and width/height at least 1.45" });
  }
  for (const key of ["size", "selected", "name", "chatBarText", "areas"]) {
    if (body[key] === undefined) issues.push({ property: key, message: "Must be specified" });
  }
  const areas = Array.isArray(body.areas) ? body.areas : [];
  if (areas.length > 20) issues.push({ property: "areas", message: "Size must be between 0 and 20" });
  areas.forEach((area: unknown, i) => {
    const b = isRecord(area) && isRecord(area.bounds) ? area.bounds : {};
    const [x, y, w, h] = [b.x, b.y, b.width, b.height].map(Number) as [number, number, number, number];
    if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height)) {
      issues.push({ property: `areas[${i}].bounds`, message: "The area must lie inside the rich menu" });
    }
  });
  return issues;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Bubble ≤ 30 KB, carousel ≤ 50 KB (and each of its bubbles ≤ 30 KB), as JSON in UTF-8. */
function flexSizeIssues(body: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
  messages.forEach((message: unknown, i) => {
    if (!isRecord(message) || message.type !== "flex" || !isRecord(message.contents)) return;
    const contents = message.contents;
    const path = `messages[${i}].contents`;
    const bytes = jsonBytes(contents);
    if (contents.type === "bubble" && bytes > LINE_LIMITS.bubbleBytes) {
      issues.push({ property: path, message: `A bubble must be at most 30 KB as JSON (is ${bytes} bytes)` });
    }
    if (contents.type === "carousel") {
      if (bytes > LINE_LIMITS.carouselBytes) {
        issues.push({
          property: path,
          message: `A carousel must be at most 50 KB as JSON (is ${bytes} bytes)`,
        });
      }
      const bubbles = Array.isArray(contents.contents) ? contents.contents : [];
      bubbles.forEach((bubble: unknown, j) => {
        const size = jsonBytes(bubble);
        if (size > LINE_LIMITS.bubbleBytes) {
          issues.push({
            property: `${path}.contents[${j}]`,
            message: `A bubble must be at most 30 KB as JSON (is ${size} bytes)`,
          });
        }
      });
    }
  });
  return issues;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
