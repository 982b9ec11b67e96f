// How long the servers' in-process caches may answer from memory, the same on Node and on Workers.

/** A framework year an operator loads is used everywhere within this time (docs/frameworks.md). */
export const FRAMEWORKS_TTL_MS = 30_000;
/** Chat answers see a results import from another process within this time. */
export const RESULTS_TTL_MS = 60_000;
