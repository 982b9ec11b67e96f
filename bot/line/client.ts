import { HTTPFetchError, messagingApi } from "@line/bot-sdk";

export type Message = messagingApi.Message;

/** A refused or failed LINE call, with what a retry decision needs. */
export class LineApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "LineApiError";
  }
}

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HTTPFetchError) {
      throw apiError(error.status, error.body, error.headers.get("retry-after"));
    }
    throw error;
  }
}

/** One POST to the Messaging API (`path` from the API's root, e.g. "/v2/bot/message/reply"). */
export type LinePost = (
  path: string,
  body: string,
  headers: Readonly<Record<string, string>>,
) => Promise<LineAnswer>;

export interface LineAnswer {
  status: number;
  body: string;
  retryAfter: string | null;
}

/** A Messaging API error as LineApiError: LINE's message when it sent JSON, and Retry-After. */
function apiError(status: number, body: string, retryAfterHeader: string | null): LineApiError {
  const retryAfter = Number(retryAfterHeader);
  let message = body;
  try {
    message = (JSON.parse(body) as { message?: string }).message ?? body;
  } catch {}
  return new LineApiError(
    status,
    message,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** What the bot needs from LINE; the SDK client behind it talks to LINE or to the fake platform. */
export interface LineClient {
  reply(replyToken: string, messages: Message[]): Promise<void>;
  push(to: string, messages: Message[], retryKey?: string): Promise<void>;
  multicast(to: string[], messages: Message[], retryKey?: string): Promise<void>;
  /** Messages sent this month and the month's limit ("none" when the plan has no limit). */
  quota(): Promise<{ used: number; limit: number | "none" }>;
  showLoading(chatId: string, seconds?: number): Promise<void>;
  displayName(userId: string): Promise<string | undefined>;
}

export interface LineClientOptions {
  channelAccessToken: string;
  baseURL: string;
  /**
   * How replies, pushes and multicasts are sent. Node passes a keep-alive pool with a bound on
   * requests in flight (bot/line/keep-alive.ts); without it they go through the SDK's `fetch`,
   * which is what Workers have (and which opens a connection for every request waiting).
   */
  post?: LinePost;
}

export function createLineClient(options: LineClientOptions): LineClient {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseURL,
  });
  const sender = options.post ? messageSender(options.post, options.channelAccessToken) : undefined;
  return {
    async reply(replyToken, messages) {
      if (sender) await sender("/v2/bot/message/reply", { replyToken, messages });
      else await translated(() => client.replyMessage({ replyToken, messages }));
    },
    async push(to, messages, retryKey) {
      if (sender) await sender("/v2/bot/message/push", { to, messages }, retryKey);
      else await translated(() => client.pushMessage({ to, messages }, retryKey));
    },
    async multicast(to, messages, retryKey) {
      if (sender) await sender("/v2/bot/message/multicast", { to, messages }, retryKey);
      else await translated(() => client.multicast({ to, messages }, retryKey));
    },
    async quota() {
      const [limit, used] = await translated(() =>
        Promise.all([client.getMessageQuota(), client.getMessageQuotaConsumption()]),
      );
      return {
        used: used.totalUsage,
        limit: limit.type === "limited" && limit.value !== undefined ? limit.value : "none",
      };
    },
    async showLoading(chatId, seconds = 5) {
      await client.showLoadingAnimation({ chatId, loadingSeconds: seconds });
    },
    async displayName(userId) {
      try {
        return (await client.getProfile(userId)).displayName;
      } catch (error) {
        if (error instanceof HTTPFetchError && error.status === 404) return undefined;
        throw error;
      }
    },
  };
}

/** The SDK's requests for the three message calls, sent through `post`. */
function messageSender(post: LinePost, channelAccessToken: string) {
  const headers = {
    authorization: `Bearer ${channelAccessToken}`,
    "content-type": "application/json",
  };
  const withRetryKey = (key: string) => ({ ...headers, "x-line-retry-key": key });
  return async (path: string, request: object, retryKey?: string): Promise<void> => {
    const answer = await post(path, JSON.stringify(request), retryKey ? withRetryKey(retryKey) : headers);
    if (answer.status < 200 || answer.status > 299) {
      throw apiError(answer.status, answer.body, answer.retryAfter);
    }
  };
}
