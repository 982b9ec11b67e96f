/** `failNext`: answer the next (matching) requests with an error, as LINE does under load or in an outage. */
import { error, type Outcome } from "./outcomes.ts";
import type { FailNextOptions } from "./types.ts";

export interface FailureRule {
  remaining: number;
  status: number;
  options: FailNextOptions;
}

const DEFAULT_ERROR_MESSAGES: Record<number, string> = {
  400: "The request body has 1 error(s)",
  401: "Authentication failed. Confirm that the access token in the authorization header is valid.",
  403: "Access to this API is not available for your account",
  404: "Not found",
  409: "The retry key is already accepted",
  410: "Gone",
  413: "Request Entity Too Large",
  415: "The content type is not supported",
  429: "The API rate limit has been exceeded. Try again later.",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

export class Failures {
  #rules: FailureRule[] = [];

  add(count: number, status: number, options: FailNextOptions): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`failNext: count must be a positive integer`);
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new Error(`failNext: ${status} is no error`);
    this.#rules.push({ remaining: count, status, options });
  }

  /** The first rule that matches `path`, one of its uses spent. */
  take(path: string): FailureRule | undefined {
    const rule = this.#rules.find((f) => !f.options.paths || f.options.paths.test(path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.#rules = this.#rules.filter((f) => f !== rule);
    return rule;
  }

  clear(): void {
    this.#rules = [];
  }
}

export function failureOutcome(rule: FailureRule): Outcome {
  const outcome = error(rule.status, rule.options.message ?? DEFAULT_ERROR_MESSAGES[rule.status] ?? "Error");
  if (rule.options.retryAfterSeconds !== undefined) {
    outcome.headers = { "retry-after": String(rule.options.retryAfterSeconds) };
  }
  return outcome;
}
