/**
 * Several Node workers sharing one port (WEB_CONCURRENCY > 1): the primary's side. It forks the
 * workers, forks again for one that dies, and on a signal asks each to stop the way a lone server
 * stops. It holds no connections and serves nothing, so it has nothing of its own to finish.
 * node.ts wires it to node:cluster; this file takes the workers through `fork` so tests can drive it.
 */
import { z } from "zod";
import type { Logger } from "./log.ts";

/** What the primary needs of a worker (node:cluster's Worker has it). */
export interface WorkerLike {
  readonly id: number;
  readonly process: { readonly pid?: number | undefined };
  isConnected(): boolean;
  send(message: StopMessage, callback: (error: Error | null) => void): boolean;
  kill(signal?: string): void;
}

/**
 * The primary tells workers to stop over IPC rather than by signal: a terminal's Ctrl-C and
 * systemd's stop signal every process of the group, so a forwarded signal would arrive as the
 * worker's second and cut its graceful stop short. `force` is the primary's own second signal.
 */
const stopMessageSchema = z.object({ type: z.literal("prongsai:stop"), force: z.boolean() });
export type StopMessage = z.infer<typeof stopMessageSchema>;

/** A stop request from the primary, or undefined for any other message. */
export function stopMessageOf(message: unknown): StopMessage | undefined {
  const parsed = stopMessageSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** A worker that lived this long had been serving: its death starts the back-off from the beginning. */
export const STABLE_AFTER_MS = 60_000;
const RESTART_FIRST_MS = 1000;
const RESTART_MOST_MS = 60_000;

/**
 * How long to wait before forking again after the `streak`-th death in a row of workers that did
 * not live STABLE_AFTER_MS: 1 s, 2 s, 4 s … at most a minute, so a worker that cannot start (the
 * database unreachable, a bad deploy) does not spin the machine, and one that died after a long
 * life is back within a second.
 */
export function restartDelayMs(streak: number): number {
  return Math.min(RESTART_MOST_MS, RESTART_FIRST_MS * 2 ** Math.max(0, streak - 1));
}

export interface SupervisorOptions {
  count: number;
  fork: () => WorkerLike;
  log: Logger;
  /** Once every worker listens (the first time only): where. */
  onReady: (port: number) => void;
  /** After a stop, when the last worker has gone: the exit code for the primary. */
  onDone: (code: number) => void;
  /**
   * Each worker gives up on its own graceful stop after its grace; the primary waits this long
   * before killing one that still has not exited (stuck beyond its own timer).
   */
  backstopMs: number;
  now?: () => number;
}

export interface Supervisor {
  /** node:cluster's "listening" event. */
  listening(worker: WorkerLike, address: { port: number }): void;
  /** node:cluster's "exit" event. */
  exited(worker: WorkerLike, code: number | null, signal: string | null): void;
  /** SIGTERM or SIGINT reached the primary: stop every worker gracefully; a second one forces them. */
  stop(signal: string): void;
}

export function superviseWorkers(options: SupervisorOptions): Supervisor {
  const { log } = options;
  const now = options.now ?? Date.now;
  const live = new Map<number, { worker: WorkerLike; startedAt: number }>();
  const listened = new Set<number>();
  const restarts = new Set<ReturnType<typeof setTimeout>>();
  let ready = false;
  let streak = 0;
  let stopping: { code: number; forced: boolean } | undefined;

  const start = () => {
    const worker = options.fork();
    live.set(worker.id, { worker, startedAt: now() });
    log.info("worker started", { worker: worker.id, pid: worker.process.pid });
  };
  const tell = (worker: WorkerLike, message: StopMessage) => {
    if (!worker.isConnected()) return;
    // A worker that exits as the message goes would make send fail; its exit is handled anyway.
    worker.send(message, () => {});
  };
  const finish = () => {
    log.info("shutdown: every worker has stopped", { code: stopping!.code });
    options.onDone(stopping!.code);
  };

  for (let i = 0; i < options.count; i++) start();

  return {
    listening(worker, address) {
      if (!live.has(worker.id)) return;
      // A worker still loading its modules has no message listener yet and loses the stop; it
      // listens for it before it listens for connections, so it is asked again now.
      if (stopping) return tell(worker, { type: "prongsai:stop", force: stopping.forced });
      if (ready) return;
      listened.add(worker.id);
      if (listened.size < options.count) return;
      ready = true;
      options.onReady(address.port);
    },

    exited(worker, code, signal) {
      const entry = live.get(worker.id);
      live.delete(worker.id);
      listened.delete(worker.id);
      const fields = { worker: worker.id, pid: worker.process.pid, code, signal };
      if (stopping) {
        if (code !== 0) stopping.code = 1;
        log.info("worker stopped", fields);
        if (live.size === 0) finish();
        return;
      }
      const uptimeMs = entry ? now() - entry.startedAt : 0;
      streak = uptimeMs >= STABLE_AFTER_MS ? 1 : streak + 1;
      const delayMs = restartDelayMs(streak);
      log.error("worker died, starting another", { ...fields, uptimeMs, restartInMs: delayMs });
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (!stopping) start();
      }, delayMs);
      restarts.add(timer);
    },

    stop(signal) {
      if (stopping) {
        if (stopping.forced) return;
        stopping.forced = true;
        stopping.code = 1;
        log.warn("shutdown: second signal, workers exit now", { signal });
        for (const { worker } of live.values()) tell(worker, { type: "prongsai:stop", force: true });
        return;
      }
      stopping = { code: 0, forced: false };
      for (const timer of restarts) clearTimeout(timer);
      restarts.clear();
      log.info("shutdown: asking the workers to finish in-flight work", { signal, workers: live.size });
      if (live.size === 0) return finish();
      for (const { worker } of live.values()) tell(worker, { type: "prongsai:stop", force: false });
      setTimeout(() => {
        if (live.size === 0) return;
        log.error("shutdown: workers still running, killing them", {
          workers: [...live.keys()],
          backstopMs: options.backstopMs,
        });
        for (const { worker } of live.values()) worker.kill("SIGKILL");
      }, options.backstopMs).unref();
    },
  };
}
