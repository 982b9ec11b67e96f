import type { RenderedReport } from "./route.ts";

// Rendering a report takes a few hundred milliseconds of CPU; the same link opened again (a
// phone's preview, then the download; a second tap) would render it again. Reports are kept here
// by everything they are made from, so a change to the data or a new day makes a new key and the
// old entry ages out. In-flight renders are shared: two taps render once.

export interface ReportCacheOptions {
  /** Bytes kept at most; the least recently used go first. */
  maxBytes: number;
  /** How long an entry is served, in ms (a safety net if a change were ever not audited). */
  ttlMs: number;
  now: () => number;
}

export interface ReportCache {
  /** The report under `key`, rendered by `render` unless a fresh one is kept or being rendered. */
  get(
    key: string,
    render: () => Promise<RenderedReport>,
  ): Promise<{ report: RenderedReport; cached: boolean }>;
  readonly bytes: number;
  readonly size: number;
}

export function reportCache(options: ReportCacheOptions): ReportCache {
  // Map order is recency order: an entry is re-inserted when used.
  const kept = new Map<string, { report: RenderedReport; at: number }>();
  const rendering = new Map<string, Promise<RenderedReport>>();
  let bytes = 0;

  const drop = (key: string) => {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    bytes -= entry.report.bytes.length;
  };

  return {
    async get(key, render) {
      const entry = kept.get(key);
      if (entry && options.now() - entry.at < options.ttlMs) {
        kept.delete(key);
        kept.set(key, entry);
        return { report: entry.report, cached: true };
      }
      drop(key);
      const pending = rendering.get(key);
      if (pending) return { report: await pending, cached: true };
      const promise = render();
      rendering.set(key, promise);
      try {
        const report = await promise;
        if (report.bytes.length <= options.maxBytes) {
          kept.set(key, { report, at: options.now() });
          bytes += report.bytes.length;
          for (const oldest of kept.keys()) {
            if (bytes <= options.maxBytes) break;
            drop(oldest);
          }
        }
        return { report, cached: false };
      } finally {
        rendering.delete(key);
      }
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return kept.size;
    },
  };
}
