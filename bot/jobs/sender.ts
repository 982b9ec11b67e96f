import type { Kysely } from "kysely";
import {
  claimDueMessages,
  type OutboxRow,
  type Settlement,
  settleMessages,
  staleDigests,
} from "../../db/repositories/outbox.ts";
import type { Database } from "../../db/schema.ts";
import { LineApiError, type LineClient, type Message } from "../line/client.ts";
import type { Logger } from "../log.ts";

export interface SenderDeps {
  db: Kysely<Database>;
  line: LineClient;
  now: () => Date;
  log: Logger;
}

export interface SendOptions {
  /** Rows claimed per round. */
  batch?: number;
  /** Pushes in flight at once: enough to keep LINE's rate with the round trips in between, no more. */
  concurrency?: number;
  /** After this many attempts a message is moved to dead-letter. */
  maxAttempts?: number;
  /** A claim older than this belonged to a sender that died; the row is taken again. */
  staleMs?: number;
  /** Stop after this many rounds. */
  maxRounds?: number;
  /**
   * No new round once this long has passed since the call began (by `now`): a tick sends what it
   * can and leaves the rest to the next tick instead of running into it.
   */
  budgetMs?: number;
  /**
   * Requests per second this process makes, per endpoint: LINE's limits per channel (Messaging
   * API reference, "Rate limits"). Requests beyond them are refused with 429 and cost a retry.
   */
  perSecond?: { push: number; multicast: number };
}

/** LINE's per-channel limits: push 2,000 requests/s, multicast 200 requests/s. */
export const LINE_RATES = { push: 2000, multicast: 200 } as const;

export interface SendReport {
  sent: number;
  retried: number;
  held: number;
  dead: number;
}

const MONTHLY_LIMIT = /monthly limit/i;

/** Backoff for the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h, or LINE's Retry-After. */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  return Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

/** What to do with a message after LINE answered `error` on attempt `attempts`. */
export function settlementFor(error: unknown, attempts: number, maxAttempts: number, now: Date): Settlement {
  if (error instanceof LineApiError) {
    // 409: LINE already accepted a request with this retry key — it was delivered.
    if (error.status === 409) return { status: "sent", at: now };
    if (error.status === 429 && MONTHLY_LIMIT.test(error.message))
      return { status: "held", error: error.message };
    const retryable = error.status === 429 || error.status >= 500;
    if (!retryable) return { status: "dead", error: `${error.status} ${error.message}` };
    if (attempts >= maxAttempts)
      return { status: "dead", error: `${error.status} ${error.message} after ${attempts} tries` };
    return {
      status: "retry",
      at: new Date(now.getTime() + retryDelayMs(attempts, error.retryAfterSeconds)),
      error: `${error.status} ${error.message}`,
    };
  }
  // Timeouts and network errors: the push may or may not have reached LINE; the retry key decides.
  if (attempts >= maxAttempts) return { status: "dead", error: `${String(error)} after ${attempts} tries` };
  return { status: "retry", at: new Date(now.getTime() + retryDelayMs(attempts)), error: String(error) };
}

async function deliver(line: LineClient, row: OutboxRow): Promise<void> {
  const messages = row.payload as Message[];
  if (row.recipients.length === 1) await line.push(row.recipients[0]!, messages, row.retryKey);
  else await line.multicast(row.recipients, messages, row.retryKey);
}

/**
 * Spaces requests `1 / perSecond` apart, on the process's own clock (not `now`, which tests hold
 * still): a burst never goes over LINE's rate, and a sender that keeps up never waits.
 */
function pacer(perSecond: number): () => Promise<void> {
  const gap = 1000 / perSecond;
  let next = 0;
  return async () => {
    const at = performance.now();
    const slot = Math.max(at, next);
    next = slot + gap;
    if (slot - at >= 1) await new Promise((r) => setTimeout(r, slot - at));
  };
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/**
 * Sends what is due in the outbox, each message with its own fixed X-Line-Retry-Key.
 *
 * Each round claims a batch (marked "sending" and committed before any push), drops the stale
 * digests among it in one query, pushes the rest (with the other claimer, `concurrency` at a time), and records every
 * outcome of the round in one statement. A sender that dies mid-round leaves its rows "sending":
 * the next sender takes them again after `staleMs` and pushes with the same retry key, which LINE
 * answers 409 for a push it had accepted: each message is delivered once.
 */
export async function sendDue(deps: SenderDeps, options: SendOptions = {}): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, held: 0, dead: 0 };
  const batch = options.batch ?? 250;
  const concurrency = options.concurrency ?? 32;
  const maxAttempts = options.maxAttempts ?? 8;
  const budgetMs = options.budgetMs ?? 45_000;
  const rates = options.perSecond ?? LINE_RATES;
  const paced = { push: pacer(rates.push), multicast: pacer(rates.multicast) };
  const started = deps.now().getTime();
  let rounds = 0;
  // Two claimers, each with half the pushes in flight: while one waits on the database (claim,
  // stale check, settle) the other's pushes go on. SKIP LOCKED keeps their rows apart.
  const claimer = async (inFlight: number) => {
    for (;;) {
      if (rounds >= (options.maxRounds ?? Number.POSITIVE_INFINITY)) return;
      if (rounds > 0 && deps.now().getTime() - started >= budgetMs) return;
      rounds++;
      const rows = await claimDueMessages(deps.db, deps.now(), {
        limit: batch,
        staleMs: options.staleMs ?? 10 * 60_000,
      });
      if (rows.length === 0) return;
      const stale = await staleDigests(
        deps.db,
        rows.filter((r) => r.kind === "digest").map((r) => r.id),
      );
      const settled: { id: string; outcome: Settlement }[] = [];
      await pool(
        rows.filter((r) => !stale.has(r.id)),
        inFlight,
        async (row) => {
          let outcome: Settlement;
          try {
            await (row.recipients.length === 1 ? paced.push : paced.multicast)();
            await deliver(deps.line, row);
            outcome = { status: "sent", at: deps.now() };
          } catch (error) {
            outcome = settlementFor(error, row.attempts, maxAttempts, deps.now());
            deps.log.warn("outbox: push failed", {
              id: row.id,
              attempts: row.attempts,
              outcome: outcome.status,
              error: String(error),
            });
          }
          settled.push({ id: row.id, outcome });
        },
      );
      for (const id of stale)
        settled.push({
          id,
          outcome: { status: "dead", error: "not sent: every item was done before sending" },
        });
      await settleMessages(deps.db, settled);
      for (const { outcome } of settled) {
        if (outcome.status === "sent") report.sent++;
        else if (outcome.status === "retry") report.retried++;
        else report[outcome.status]++;
      }
      if (rows.length < batch) return;
    }
  };
  const half = Math.ceil(concurrency / 2);
  await Promise.all(concurrency > 1 ? [claimer(half), claimer(concurrency - half)] : [claimer(1)]);
  return report;
}
