import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenBuckets } from "../../../core/ratelimit/token-bucket.ts";

describe("token buckets", () => {
  it("allows a burst up to the capacity, then refuses with the seconds until the next token", () => {
    const limiter = tokenBuckets({ capacity: 3, refillPerSecond: 0.5 });
    expect([0, 0, 0].map((t) => limiter.take("U1", t).ok)).toEqual([true, true, true]);
    expect(limiter.take("U1", 0)).toEqual({ ok: false, retryAfterSeconds: 2 });
  });

  it("refills with time, never above the capacity", () => {
    const limiter = tokenBuckets({ capacity: 2, refillPerSecond: 1 });
    limiter.take("ip", 0);
    limiter.take("ip", 0);
    expect(limiter.take("ip", 999).ok).toBe(false);
    expect(limiter.take("ip", 1000)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("ip", 60_000)).toEqual({ ok: true, remaining: 1 });
  });

  it("counts each key on its own", () => {
    const limiter = tokenBuckets({ capacity: 1, refillPerSecond: 1 });
    expect(limiter.take("a", 0).ok).toBe(true);
    expect(limiter.take("a", 0).ok).toBe(false);
    expect(limiter.take("b", 0).ok).toBe(true);
  });

  it("is not fooled by a clock that goes backwards", () => {
    const limiter = tokenBuckets({ capacity: 1, refillPerSecond: 1 });
    limiter.take("a", 10_000);
    expect(limiter.take("a", 0).ok).toBe(false);
    expect(limiter.take("a", 10_500).ok).toBe(false);
    expect(limiter.take("a", 11_000).ok).toBe(true);
  });

  it("forgets the least recently seen keys beyond maxKeys", () => {
    const limiter = tokenBuckets({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("a", 0); // a is now the most recent
    limiter.take("c", 0);
    expect(limiter.size).toBe(2);
    expect(limiter.take("a", 0).ok).toBe(false); // still remembered
    expect(limiter.take("b", 0).ok).toBe(true); // forgotten: a fresh bucket
  });

  it("never lets more through than the capacity plus what refilled", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 200 }),
        (capacity, rate, gaps) => {
          const limiter = tokenBuckets({ capacity, refillPerSecond: rate });
          let t = 0;
          let allowed = 0;
          for (const gap of gaps) {
            t += gap;
            if (limiter.take("k", t).ok) allowed++;
          }
          return allowed <= capacity + Math.floor((t / 1000) * rate) + 1e-9;
        },
      ),
    );
  });
});
