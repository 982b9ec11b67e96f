// How long the servers' in-process caches may answer from memory, the same on Node and on Workers.

/** A framework year an operator loads is used everywhere within this time (docs/frameworks.md). */
export const FRAMEWORKS_TTL_MS = 30_000;
/** Chat answers see a results import from another process within this time. */
export const RESULTS_TTL_MS = 60_000;

/** Rendered reports are kept this long at most; a data change or a new day makes a new key anyway. */
export const REPORT_CACHE_TTL_MS = 10 * 60_000;
/** And this many bytes of them (a report is 50–400 KB): Node only, where reports are served. */
export const REPORT_CACHE_BYTES = 32 * 1024 * 1024;
