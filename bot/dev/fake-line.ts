/**
 * Development without LINE credentials: the fake LINE platform in place of api.line.me, knowing the demo users.
 * bot/node.ts loads this file with import() only then, so production never loads the fake platform.
 */
import { DEMO_USERS } from "../../db/demo/users.ts";
import { startFakeLinePlatform } from "./line-platform/server.ts";
import type { FakeLinePlatform } from "./line-platform/types.ts";

/** The fake platform's channel secret: development tools (the console, benchmarks) sign with it. */
export const DEV_CHANNEL_SECRET = "dev-channel-secret-not-for-production";
const DEV_CHANNEL_ACCESS_TOKEN = "dev-channel-access-token-not-for-production";

export interface DevLine {
  fake: FakeLinePlatform;
  channelSecret: string;
  channelAccessToken: string;
}

export async function startDevLine(): Promise<DevLine> {
  const fake = await startFakeLinePlatform({
    channelAccessToken: DEV_CHANNEL_ACCESS_TOKEN,
    port: 0,
    profiles: Object.fromEntries(DEMO_USERS.map((u) => [u.lineUserId, { displayName: u.displayName }])),
  });
  return { fake, channelSecret: DEV_CHANNEL_SECRET, channelAccessToken: DEV_CHANNEL_ACCESS_TOKEN };
}
