import type { Kysely } from "kysely";
import {
  claimDueMessages,
  type OutboxRow,
  type Settlement,
  settleMessage,
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
  /** After this many attempts a message is moved to dead-letter. */
  maxAttempts?: number;
  /** A claim older than this belonged to a sender that died; the row is taken again. */
  staleMs?: number;
  /** Stop after this many rounds (a tick sends what is due, it does not loop forever). */
  maxRounds?: number;
}

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

/** Sends what is due in the outbox, each message with its own fixed X-Line-Retry-Key. */
export async function sendDue(deps: SenderDeps, options: SendOptions = {}): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, held: 0, dead: 0 };
  const batch = options.batch ?? 50;
  const maxAttempts = options.maxAttempts ?? 8;
  for (let round = 0; round < (options.maxRounds ?? 20); round++) {
    const rows = await claimDueMessages(deps.db, deps.now(), {
      limit: batch,
      staleMs: options.staleMs ?? 10 * 60_000,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      let outcome: Settlement;
      if (row.kind === "digest" && (await staleDigests(deps.db, [row.id])).has(row.id)) {
        await settleMessage(deps.db, row.id, {
          status: "dead",
          error: "not sent: every item was done before sending",
        });
        continue;
      }
      try {
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
      await settleMessage(deps.db, row.id, outcome);
      if (outcome.status === "sent") report.sent++;
      else if (outcome.status === "retry") report.retried++;
      else report[outcome.status]++;
    }
    if (rows.length < batch) break;
  }
  return report;
}
