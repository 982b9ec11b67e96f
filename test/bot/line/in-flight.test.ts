import { describe, expect, it } from "vitest";
import { inFlightLimit } from "../../../bot/line/in-flight.ts";

/** A call that runs until the test settles it. */
function gate<T = string>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe("inFlightLimit", () => {
  it("runs at most the limit at once and queues the rest", async () => {
    const limit = inFlightLimit(3);
    const gates = Array.from({ length: 10 }, () => gate());
    let started = 0;
    let most = 0;
    let now = 0;
    const results = gates.map((g, i) =>
      limit.run(async () => {
        started++;
        now++;
        most = Math.max(most, now);
        try {
          return `${i}:${await g.promise}`;
        } finally {
          now--;
        }
      }),
    );
    await turns();
    expect(started).toBe(3);
    expect([limit.running, limit.waiting]).toEqual([3, 7]);
    for (const g of gates) {
      g.resolve("ok");
      await turns();
      expect(limit.running).toBeLessThanOrEqual(3);
    }
    expect(await Promise.all(results)).toEqual(gates.map((_, i) => `${i}:ok`));
    expect(most).toBe(3);
    expect([limit.running, limit.waiting]).toEqual([0, 0]);
  });

  it("starts waiting calls in the order they came", async () => {
    const limit = inFlightLimit(1);
    const order: number[] = [];
    const first = gate();
    const done = [
      limit.run(() => first.promise),
      ...[1, 2, 3, 4].map((i) => limit.run(async () => order.push(i))),
    ];
    await turns();
    expect(order).toEqual([]);
    first.resolve("go");
    await Promise.all(done);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("passes a failure to its caller and frees the place for the next call", async () => {
    const limit = inFlightLimit(1);
    const failing = gate();
    const failed = limit.run(() => failing.promise);
    const next = limit.run(async () => "next ran");
    failing.reject(new Error("LINE said 500"));
    await expect(failed).rejects.toThrow("LINE said 500");
    await expect(next).resolves.toBe("next ran");
    expect(limit.running).toBe(0);
  });

  it("counts a call that throws before returning a promise as failed, not as running", async () => {
    const limit = inFlightLimit(1);
    await expect(
      limit.run(() => {
        throw new Error("bad request body");
      }),
    ).rejects.toThrow("bad request body");
    await expect(limit.run(async () => 42)).resolves.toBe(42);
    expect(limit.running).toBe(0);
  });

  it("keeps its order over a long queue (the queue's storage is compacted as it drains)", async () => {
    const limit = inFlightLimit(2);
    const order: number[] = [];
    const blockers = [gate(), gate()];
    const blocked = blockers.map((g) => limit.run(() => g.promise));
    const queued = Array.from({ length: 5000 }, (_, i) => limit.run(async () => order.push(i)));
    expect(limit.waiting).toBe(5000);
    for (const g of blockers) g.resolve("done");
    await Promise.all([...blocked, ...queued]);
    expect(order).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(limit.waiting).toBe(0);
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(() => inFlightLimit(0)).toThrow(RangeError);
    expect(() => inFlightLimit(1.5)).toThrow(RangeError);
  });
});
