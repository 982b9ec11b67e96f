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
      const retryAfter = Number(error.headers.get("retry-after"));
      let message = error.body;
      try {
        message = (JSON.parse(error.body) as { message?: string }).message ?? error.body;
      } catch {}
      throw new LineApiError(
        error.status,
        message,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    throw error;
  }
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

export function createLineClient(options: { channelAccessToken: string; baseURL: string }): LineClient {
  const client = new messagingApi.MessagingApiClient(options);
  return {
    async reply(replyToken, messages) {
      await translated(() => client.replyMessage({ replyToken, messages }));
    },
    async push(to, messages, retryKey) {
      await translated(() => client.pushMessage({ to, messages }, retryKey));
    },
    async multicast(to, messages, retryKey) {
      await translated(() => client.multicast({ to, messages }, retryKey));
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
