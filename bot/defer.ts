/**
 * Node's stand-in for Workers' waitUntil: work started after a response, tracked so shutdown
 * (and the local console) can wait for it to finish.
 */
const nextTurn: (f: () => void) => void =
  typeof setImmediate === "function" ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);

export function deferTracker() {
  const pending = new Set<Promise<unknown>>();
  return {
    /** Starts `work` on the next turn of the event loop, after the response has been written. */
    defer(work: () => Promise<unknown>): void {
      const tracked = new Promise<void>((resolve) => nextTurn(resolve))
        .then(work)
        .catch(() => {})
        .finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    async settle(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    get size() {
      return pending.size;
    },
  };
}

export type DeferTracker = ReturnType<typeof deferTracker>;
