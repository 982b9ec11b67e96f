import { HTTPFetchError, messagingApi } from "@line/bot-sdk";

export type Message = messagingApi.Message;

/** What the bot needs from LINE; the SDK client behind it talks to LINE or to the fake platform. */
export interface LineClient {
  reply(replyToken: string, messages: Message[]): Promise<void>;
  push(to: string, messages: Message[], retryKey?: string): Promise<void>;
  showLoading(chatId: string, seconds?: number): Promise<void>;
  displayName(userId: string): Promise<string | undefined>;
}

export function createLineClient(options: { channelAccessToken: string; baseURL: string }): LineClient {
  const client = new messagingApi.MessagingApiClient(options);
  return {
    async reply(replyToken, messages) {
      await client.replyMessage({ replyToken, messages });
    },
    async push(to, messages, retryKey) {
      await client.pushMessage({ to, messages }, retryKey);
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
