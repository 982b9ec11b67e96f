/** The platform's memory, shared by its endpoints: what was asked and sent, and what is still usable. */
import type { SchemaValidator } from "../openapi/validator.ts";
import { Failures } from "./failures.ts";
import { RateLimits } from "./rate-limits.ts";
import { ReplyTokens, RetryKeys } from "./tokens.ts";
import type {
  DeliveredMessage,
  FakeLinePlatformOptions,
  FakeProfile,
  FakeRichMenu,
  FakeStats,
  Quota,
  RecordedRequest,
  ReplyRecord,
} from "./types.ts";

export interface PlatformState {
  readonly options: FakeLinePlatformOptions;
  readonly now: () => number;
  readonly validator: SchemaValidator;
  /** Keep every request and delivery; off, only `stats` counts (benchmarks). */
  readonly recording: boolean;
  readonly profiles: Map<string, FakeProfile>;
  quota: Quota;
  readonly requests: RecordedRequest[];
  readonly deliveries: DeliveredMessage[];
  readonly replies: Map<string, ReplyRecord>;
  readonly stats: FakeStats;
  readonly replyTokens: ReplyTokens;
  readonly retryKeys: RetryKeys;
  readonly failures: Failures;
  readonly rateLimits: RateLimits;
  readonly listeners: Set<(delivery: DeliveredMessage) => void>;
  readonly richMenus: Map<string, FakeRichMenu>;
  defaultRichMenuId: string | undefined;
  messageSeq: number;
}

export function createState(options: FakeLinePlatformOptions, validator: SchemaValidator): PlatformState {
  return {
    options,
    now: options.now ?? Date.now,
    validator,
    recording: options.record !== false,
    profiles: new Map(Object.entries(options.profiles ?? {})),
    quota: startingQuota(options),
    requests: [],
    deliveries: [],
    replies: new Map(),
    stats: { requests: 0, deliveries: 0, byStatus: {} },
    replyTokens: new ReplyTokens(),
    retryKeys: new RetryKeys(),
    failures: new Failures(),
    rateLimits: new RateLimits(options.rateLimits),
    listeners: new Set(),
    richMenus: new Map(),
    defaultRichMenuId: undefined,
    messageSeq: 0,
  };
}

/** Forgets requests, deliveries, replies, tokens, retry keys and pending failures; quota back to the start. */
export function resetState(state: PlatformState): void {
  state.requests.length = 0;
  state.deliveries.length = 0;
  state.replies.clear();
  state.replyTokens.clear();
  state.retryKeys.clear();
  state.failures.clear();
  state.rateLimits.clear();
  state.quota = startingQuota(state.options);
  Object.assign(state.stats, { requests: 0, deliveries: 0, byStatus: {} });
}

/** Counts an answered request, and keeps it when recording. */
export function recordRequest(state: PlatformState, request: RecordedRequest): void {
  state.stats.requests++;
  state.stats.byStatus[request.status] = (state.stats.byStatus[request.status] ?? 0) + 1;
  if (state.recording) state.requests.push(request);
}

function startingQuota(options: FakeLinePlatformOptions): Quota {
  return { ...(options.quota ?? { limit: "none", used: 0 }) };
}
