/**
 * The two kinds of one-time keys LINE checks: reply tokens (issued with a webhook event, usable once within
 * 60 s) and `X-Line-Retry-Key`s (a UUID the sender picks; a repeat within 24 h is answered 409, not delivered
 * again, with the id of the request that was accepted).
 */
import { randomBytes } from "node:crypto";
import { LINE_LIMITS } from "../../../core/line/limits.ts";
import { error, type Outcome } from "./outcomes.ts";

export const RETRY_KEY_HEADER = "x-line-retry-key";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ReplyTokens {
  readonly #issued = new Map<string, { userId: string; issuedAt: number; used: boolean }>();

  issue(userId: string, now: number): string {
    const token = randomBytes(16).toString("hex");
    this.#issued.set(token, { userId, issuedAt: now, used: false });
    return token;
  }

  /**
   * The user the token was issued for, and the token spent; undefined when it is unknown, used or older than
   * `ttlMs`. `forget` drops a spent token at once (a long benchmark would otherwise keep every one).
   */
  use(token: string, now: number, ttlMs: number, forget: boolean): string | undefined {
    const issued = this.#issued.get(token);
    if (!issued || issued.used || now - issued.issuedAt > ttlMs) return undefined;
    issued.used = true;
    if (forget) this.#issued.delete(token);
    return issued.userId;
  }

  clear(): void {
    this.#issued.clear();
  }
}

interface AcceptedRetry {
  requestId: string;
  time: number;
  sentMessages?: { id: string; quoteToken?: string }[];
}

export class RetryKeys {
  readonly #accepted = new Map<string, AcceptedRetry>();

  /** LINE's answer to a request carrying `key`: 400 for no UUID, 409 for a repeat; undefined to go ahead. */
  check(key: string, now: number): Outcome | undefined {
    if (!UUID.test(key)) return error(400, "The value of the X-Line-Retry-Key header is invalid");
    const accepted = this.#accepted.get(key);
    if (accepted && now - accepted.time < LINE_LIMITS.retryKeyWindowMs) {
      return {
        status: 409,
        body: {
          message: "The retry key is already accepted",
          ...(accepted.sentMessages ? { sentMessages: accepted.sentMessages } : {}),
        },
        headers: { "x-line-accepted-request-id": accepted.requestId },
      };
    }
    return undefined;
  }

  accept(key: string, accepted: AcceptedRetry): void {
    this.#accepted.set(key, accepted);
  }

  clear(): void {
    this.#accepted.clear();
  }
}
