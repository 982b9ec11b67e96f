/**
 * A fake LINE Messaging API platform: a real HTTP server (Hono on @hono/node-server) that answers the endpoints the
 * bot uses the way api.line.me does, so tests and the local console drive it through the real SDK client:
 *
 *   const fake = await startFakeLinePlatform({ channelAccessToken: "token" });
 *   const client = new messagingApi.MessagingApiClient({ channelAccessToken: "token", baseURL: fake.url });
 *
 * It checks what LINE checks: the bearer token, JSON, every message against LINE's OpenAPI schema (see
 * ../openapi/) plus the size limits, single-use reply tokens that expire after 60 s, `X-Line-Retry-Key`
 * (UUID, push/multicast only, a repeat within 24 h → 409 without a second delivery), the monthly quota and,
 * when given (`rateLimits`), LINE's requests-per-second limits per endpoint. It records every request and every
 * delivered message, and can be told to fail the next requests (429/5xx).
 *
 * This file is its lifecycle and routing; messaging.ts, rich-menus.ts and login.ts are the endpoints.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { createLineMessagingValidator } from "../openapi/line-messaging.ts";
import { failureOutcome } from "./failures.ts";
import { type LoginKeys, makeLoginKeys } from "./login.ts";
import { type Call, type Endpoint, handleMessaging } from "./messaging.ts";
import { error, type Outcome } from "./outcomes.ts";
import { richMenuRoutes } from "./rich-menus.ts";
import { createState, type PlatformState, recordRequest, resetState } from "./state.ts";
import type {
  DeliveredMessage,
  FailNextOptions,
  FakeLinePlatform,
  FakeLinePlatformOptions,
  FakeProfile,
  Quota,
} from "./types.ts";

export type { FakeLinePlatform } from "./types.ts";

export async function startFakeLinePlatform(options: FakeLinePlatformOptions): Promise<FakeLinePlatform> {
  const state = createState(options, createLineMessagingValidator(options.specPath));
  const platform = new Platform(state, await makeLoginKeys());
  await platform.listen(options.port ?? 0, options.hostname ?? "127.0.0.1");
  return platform;
}

class Platform implements FakeLinePlatform {
  url = "";
  port = 0;
  readonly #state: PlatformState;
  readonly #login: LoginKeys;
  #server: ServerType | undefined;

  constructor(state: PlatformState, login: LoginKeys) {
    this.#state = state;
    this.#login = login;
  }

  // ---- public API -------------------------------------------------------------------------------------------

  get quota(): Quota {
    return this.#state.quota;
  }
  set quota(quota: Quota) {
    this.#state.quota = quota;
  }
  get requests() {
    return this.#state.requests;
  }
  get deliveries() {
    return this.#state.deliveries;
  }
  get stats() {
    return this.#state.stats;
  }
  get replies() {
    return this.#state.replies;
  }
  get richMenus() {
    return this.#state.richMenus;
  }
  get defaultRichMenuId() {
    return this.#state.defaultRichMenuId;
  }

  messagesTo(userId: string): DeliveredMessage[] {
    return this.#state.deliveries.filter((d) => d.to === userId);
  }

  failNext(count: number, status: number, options: FailNextOptions = {}): void {
    this.#state.failures.add(count, status, options);
  }

  issueIdToken(
    userId: string,
    options: { channelId: string; name?: string; expiresInSeconds?: number },
  ): Promise<string> {
    return this.#login.issueIdToken(userId, options, this.#state.now());
  }

  issueReplyToken(userId: string): string {
    return this.#state.replyTokens.issue(userId, this.#state.now());
  }

  setProfile(userId: string, profile: FakeProfile | undefined): void {
    if (profile) this.#state.profiles.set(userId, profile);
    else this.#state.profiles.delete(userId);
  }

  onDelivery(listener: (delivery: DeliveredMessage) => void): () => void {
    this.#state.listeners.add(listener);
    return () => this.#state.listeners.delete(listener);
  }

  reset(): void {
    resetState(this.#state);
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
    app.get("/__fake/stats", (c) => c.json(this.#state.stats));
    app.get("/oauth2/v2.1/certs", (c) => c.json(this.#login.jwks));
    richMenuRoutes(app, this.#state);
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
      time: this.#state.now(),
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
    recordRequest(this.#state, {
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
    if (!match || match[1] !== this.#state.options.channelAccessToken) {
      return error(
        401,
        "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.",
      );
    }

    const limited = this.#state.rateLimits.take(endpoint, call.time);
    if (limited) return limited;

    const failure = this.#state.failures.take(path);
    if (failure && !failure.options.afterProcessing) return failureOutcome(failure);

    const outcome = handleMessaging(this.#state, endpoint, call, rawBody);
    return failure ? failureOutcome(failure) : outcome;
  }
}
