/**
 * Token buckets keyed by caller (a LINE user id, an IP address): each key may burst up to
 * `capacity` requests, then gets `refillPerSecond` more per second. The clock is passed in.
 * State lives in the caller's memory, so on Workers every isolate counts on its own.
 */
export interface BucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Keys kept at most; the least recently seen are forgotten first (a full bucket is the default). */
  maxKeys?: number;
}

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface Limiter {
  take(key: string, nowMs: number): Take;
  readonly size: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function tokenBuckets(options: BucketOptions): Limiter {
  const { capacity, refillPerSecond } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) throw new Error("capacity ≥ 1 and refillPerSecond > 0");
  const maxKeys = options.maxKeys ?? 10_000;
  // A Map iterates in insertion order: re-inserting on every take keeps it least-recent first.
  const buckets = new Map<string, Bucket>();
  return {
    take(key, nowMs) {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: nowMs };
      buckets.delete(key);
      const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
      bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond);
      bucket.at = Math.max(bucket.at, nowMs);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true, remaining: Math.floor(bucket.tokens) };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
    },
    get size() {
      return buckets.size;
    },
  };
}
