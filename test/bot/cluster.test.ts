// The primary's side of WEB_CONCURRENCY, with stand-in workers and a held clock: restarts and their
// back-off, readiness, and the stop passed on to every worker.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  restartDelayMs,
  STABLE_AFTER_MS,
  type StopMessage,
  stopMessageOf,
  superviseWorkers,
  type WorkerLike,
} from "../../bot/cluster.ts";
import { memoryLogger } from "../../bot/log.ts";

class StandInWorker implements WorkerLike {
  readonly process: { pid: number };
  readonly told: StopMessage[] = [];
  killed: string | undefined;
  connected = true;
  constructor(readonly id: number) {
    this.process = { pid: 1000 + id };
  }
  isConnected() {
    return this.connected;
  }
  send(message: StopMessage, callback: (error: Error | null) => void) {
    this.told.push(message);
    callback(null);
    return true;
  }
  kill(signal?: string) {
    this.killed = signal;
  }
}

function supervised(count: number) {
  const workers: StandInWorker[] = [];
  const log = memoryLogger();
  const ready: number[] = [];
  const done: number[] = [];
  const supervisor = superviseWorkers({
    count,
    fork: () => {
      const w = new StandInWorker(workers.length + 1);
      workers.push(w);
      return w;
    },
    log,
    onReady: (port) => ready.push(port),
    onDone: (code) => done.push(code),
    backstopMs: 30_000,
  });
  return { supervisor, workers, log, ready, done };
}

describe("the cluster's primary", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("forks the workers and says it is ready once every one listens", () => {
    const { supervisor, workers, ready } = supervised(3);
    expect(workers.map((w) => w.id)).toEqual([1, 2, 3]);
    supervisor.listening(workers[0]!, { port: 3000 });
    supervisor.listening(workers[1]!, { port: 3000 });
    expect(ready).toEqual([]);
    supervisor.listening(workers[2]!, { port: 3000 });
    expect(ready).toEqual([3000]);
    supervisor.listening(workers[2]!, { port: 3000 });
    expect(ready).toEqual([3000]);
  });

  it("starts another worker for one that dies, backing off while they keep dying young", () => {
    const { supervisor, workers, log } = supervised(1);
    supervisor.exited(workers[0]!, 1, null);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(workers).toHaveLength(2);
    // A crash loop: each death waits twice as long as the one before, up to a minute.
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = workers.length;
      supervisor.exited(workers.at(-1)!, 1, null);
      let waited = 0;
      while (workers.length === before) {
        vi.advanceTimersByTime(500);
        waited += 500;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(log.entries.filter((e) => e.msg === "worker died, starting another")).toHaveLength(9);
    // A worker that served a while and then died starts the back-off again.
    vi.advanceTimersByTime(STABLE_AFTER_MS);
    const before = workers.length;
    supervisor.exited(workers.at(-1)!, null, "SIGKILL");
    vi.advanceTimersByTime(1000);
    expect(workers).toHaveLength(before + 1);
  });

  it("asks every worker to finish on a signal, restarts none, and exits 0 when all have", () => {
    const { supervisor, workers, done } = supervised(2);
    supervisor.exited(workers[0]!, 1, null);
    supervisor.stop("SIGTERM");
    vi.advanceTimersByTime(120_000);
    // The worker waiting to be restarted is not; the other one is asked over IPC, not signalled.
    expect(workers).toHaveLength(2);
    expect(workers[1]!.told).toEqual([{ type: "prongsai:stop", force: false }]);
    expect(done).toEqual([]);
    supervisor.exited(workers[1]!, 0, null);
    expect(done).toEqual([0]);
  });

  it("asks again a worker that was still starting when the stop came, and is not ready then", () => {
    const { supervisor, workers, done, ready } = supervised(2);
    supervisor.listening(workers[0]!, { port: 3000 });
    supervisor.stop("SIGTERM");
    supervisor.listening(workers[1]!, { port: 3000 });
    expect(ready).toEqual([]);
    expect(workers[1]!.told).toEqual([
      { type: "prongsai:stop", force: false },
      { type: "prongsai:stop", force: false },
    ]);
    expect(workers[0]!.told).toHaveLength(1);
    for (const w of workers) supervisor.exited(w, 0, null);
    expect(done).toEqual([0]);
  });

  it("passes a second signal on as 'now', and exits 1", () => {
    const { supervisor, workers, done } = supervised(2);
    supervisor.stop("SIGINT");
    supervisor.stop("SIGINT");
    supervisor.stop("SIGINT");
    for (const w of workers)
      expect(w.told).toEqual([
        { type: "prongsai:stop", force: false },
        { type: "prongsai:stop", force: true },
      ]);
    for (const w of workers) supervisor.exited(w, 1, null);
    expect(done).toEqual([1]);
  });

  it("kills a worker still running after the backstop and does not write to one already gone", () => {
    const { supervisor, workers, done, log } = supervised(2);
    workers[0]!.connected = false;
    supervisor.stop("SIGTERM");
    expect(workers[0]!.told).toEqual([]);
    supervisor.exited(workers[0]!, 0, null);
    vi.advanceTimersByTime(30_000);
    expect(workers[1]!.killed).toBe("SIGKILL");
    expect(log.entries.some((e) => e.msg === "shutdown: workers still running, killing them")).toBe(true);
    supervisor.exited(workers[1]!, null, "SIGKILL");
    expect(done).toEqual([1]);
  });

  it("waits 1 s, then twice as long after each young death, at most a minute", () => {
    expect([1, 2, 3, 4, 7, 8, 100].map(restartDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 60_000, 60_000, 60_000,
    ]);
  });

  it("reads only its own stop messages", () => {
    expect(stopMessageOf({ type: "prongsai:stop", force: false })).toEqual({
      type: "prongsai:stop",
      force: false,
    });
    expect(stopMessageOf({ type: "signal", signal: "SIGINT" })).toBeUndefined();
    expect(stopMessageOf("prongsai:stop")).toBeUndefined();
  });
});
