import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { type BucketOptions, tokenBuckets } from "../../core/ratelimit/token-bucket.ts";
import type { IdTokenVerifier } from "../line/id-token.ts";

/**
 * Per IP address: generous, since many phones share one carrier address (CGNAT).
 * Per LINE user: a person tapping through the app never reaches it; a script does.
 */
export const IP_LIMIT: BucketOptions = { capacity: 300, refillPerSecond: 5 };
export const USER_LIMIT: BucketOptions = { capacity: 60, refillPerSecond: 1 };

function tooMany(c: Context | undefined, retryAfterSeconds: number): Response {
  const body = {
    error: `มีการใช้งานถี่เกินไป กรุณารอ ${retryAfterSeconds} วินาทีแล้วลองใหม่`,
    retryAfter: retryAfterSeconds,
  };
  const headers = { "retry-after": String(retryAfterSeconds) };
  return c ? c.json(body, 429, headers) : Response.json(body, { status: 429, headers });
}

/** The client's address: the entry knows where it comes from (Workers: cf-connecting-ip). */
export type ClientIp = (c: Context) => string | undefined;

/**
 * 429 with Retry-After once an address has used its bucket. Buckets live in this process (on
 * Workers, this isolate): a spread-out flood gets through more often, but one client cannot.
 */
export function ipRateLimit(options: { clientIp: ClientIp; now: () => number; limit?: BucketOptions }) {
  const buckets = tokenBuckets(options.limit ?? IP_LIMIT);
  const handler: MiddlewareHandler = async (c, next) => {
    const ip = options.clientIp(c);
    if (ip) {
      const taken = buckets.take(ip, options.now());
      if (!taken.ok) return tooMany(c, taken.retryAfterSeconds);
    }
    await next();
  };
  return handler;
}

/**
 * The same per LINE user, counted once the ID token is verified (an unverified token could name
 * someone else and use up their bucket). The 429 leaves through Hono's HTTPException.
 */
export function userRateLimited(
  verify: IdTokenVerifier,
  options: { now: () => number; limit?: BucketOptions },
): IdTokenVerifier {
  const buckets = tokenBuckets(options.limit ?? USER_LIMIT);
  return async (token) => {
    const identity = await verify(token);
    const taken = buckets.take(identity.userId, options.now());
    if (!taken.ok) throw new HTTPException(429, { res: tooMany(undefined, taken.retryAfterSeconds) });
    return identity;
  };
}

/** The address Node's socket saw, or the last hop a trusted reverse proxy appended. */
export function nodeClientIp(options: { trustProxy: boolean }): ClientIp {
  return (c) => {
    if (options.trustProxy) {
      const forwarded = c.req.header("x-forwarded-for");
      const last = forwarded?.split(",").pop()?.trim();
      if (last) return last;
    }
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    return incoming?.socket?.remoteAddress;
  };
}

/** Cloudflare sets cf-connecting-ip itself; a client cannot forge it past the edge. */
export const workerClientIp: ClientIp = (c) => c.req.header("cf-connecting-ip");
