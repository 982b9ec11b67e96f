import { describe, expect, it } from "vitest";
import { reportCache } from "../../../bot/downloads/report-cache.ts";
import type { RenderedReport } from "../../../bot/downloads/route.ts";

const report = (size: number, name = "r.pdf"): RenderedReport => ({
  bytes: new Uint8Array(size),
  filename: name,
  contentType: "application/pdf",
});

function renderer(size = 100) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    render: async () => {
      calls++;
      return report(size, `r${calls}.pdf`);
    },
  };
}

describe("rendered reports kept by what they are made from", () => {
  it("serves a kept report without rendering it again", async () => {
    const cache = reportCache({ maxBytes: 1000, ttlMs: 60_000, now: () => 0 });
    const r = renderer();
    const first = await cache.get("a", r.render);
    const second = await cache.get("a", r.render);
    expect([first.cached, second.cached, r.calls]).toEqual([false, true, 1]);
    expect(second.report.filename).toBe("r1.pdf");
  });

  it("renders once for two requests that arrive together", async () => {
    const cache = reportCache({ maxBytes: 1000, ttlMs: 60_000, now: () => 0 });
    const r = renderer();
    const [a, b] = await Promise.all([cache.get("a", r.render), cache.get("a", r.render)]);
    expect(r.calls).toBe(1);
    expect(a.report).toBe(b.report);
  });

  it("renders again under a new key, and once an entry is older than its time", async () => {
    let now = 0;
    const cache = reportCache({ maxBytes: 1000, ttlMs: 10_000, now: () => now });
    const r = renderer();
    await cache.get("version-1", r.render);
    await cache.get("version-2", r.render);
    now = 10_000;
    const stale = await cache.get("version-1", r.render);
    expect([stale.cached, r.calls]).toEqual([false, 3]);
  });

  it("drops the least recently used report to stay within its bytes, and keeps none too big", async () => {
    const cache = reportCache({ maxBytes: 250, ttlMs: 60_000, now: () => 0 });
    const r = renderer(100);
    await cache.get("a", r.render);
    await cache.get("b", r.render);
    await cache.get("a", r.render); // a is now the most recent
    await cache.get("c", r.render); // b goes
    expect([cache.size, cache.bytes]).toEqual([2, 200]);
    expect((await cache.get("a", r.render)).cached).toBe(true);
    expect((await cache.get("b", r.render)).cached).toBe(false);
    await cache.get("huge", async () => report(1000));
    expect(cache.bytes).toBeLessThanOrEqual(250);
  });

  it("keeps no failed render: the next request tries again", async () => {
    const cache = reportCache({ maxBytes: 1000, ttlMs: 60_000, now: () => 0 });
    await expect(cache.get("a", async () => Promise.reject(new Error("font missing")))).rejects.toThrow(
      "font missing",
    );
    const r = renderer();
    expect((await cache.get("a", r.render)).cached).toBe(false);
    expect(cache.size).toBe(1);
  });
});
