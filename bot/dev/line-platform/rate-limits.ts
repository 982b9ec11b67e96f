/**
 * LINE's rate limits: each channel may call each endpoint so many times a second. Over the limit LINE answers
 * 429 and does nothing with the request (no delivery, no quota, the retry key stays unused).
 */
import { type Limiter, tokenBuckets } from "../../../core/ratelimit/token-bucket.ts";
import { error, type Outcome } from "./outcomes.ts";
import type { MessagingEndpoint } from "./types.ts";

export const RATE_LIMIT_MESSAGE = "The API rate limit has been exceeded. Try again later.";

export class RateLimits {
  readonly #limits: Partial<Record<MessagingEndpoint, number>>;
  #buckets = new Map<MessagingEndpoint, Limiter>();

  constructor(limits: Partial<Record<MessagingEndpoint, number>> = {}) {
    for (const [endpoint, perSecond] of Object.entries(limits)) {
      if (!(perSecond > 0)) throw new Error(`rateLimits.${endpoint}: requests per second must be > 0`);
    }
    this.#limits = limits;
  }

  /** 429 with Retry-After when `endpoint` has had its share of the last second, else undefined. */
  take(endpoint: MessagingEndpoint, nowMs: number): Outcome | undefined {
    const perSecond = this.#limits[endpoint];
    if (perSecond === undefined) return undefined;
    let bucket = this.#buckets.get(endpoint);
    if (!bucket) {
      // A second's worth of burst: a sender that keeps to the rate on average is never refused.
      bucket = tokenBuckets({ capacity: perSecond, refillPerSecond: perSecond, maxKeys: 1 });
      this.#buckets.set(endpoint, bucket);
    }
    const taken = bucket.take(endpoint, nowMs);
    if (taken.ok) return undefined;
    const outcome = error(429, RATE_LIMIT_MESSAGE);
    outcome.headers = { "retry-after": String(taken.retryAfterSeconds) };
    return outcome;
  }

  /** Every bucket full again. */
  clear(): void {
    this.#buckets = new Map();
  }
}
