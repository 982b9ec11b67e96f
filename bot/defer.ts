/**
 * Node's stand-in for Workers' waitUntil: work started after a response, tracked so shutdown
 * (and the local console) can wait for it to finish.
 */
export function deferTracker() {
  const pending = new Set<Promise<unknown>>();
  return {
    defer(work: Promise<unknown>): void {
      const tracked = work.finally(() => pending.delete(tracked));
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
