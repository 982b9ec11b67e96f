// The fake LINE platform in its own process, so its CPU is not counted as the bot's.
import { startFakeLinePlatform } from "../../bot/dev/line-platform/server.ts";

const fake = await startFakeLinePlatform({ channelAccessToken: process.env.BENCH_TOKEN!, record: false });
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
process.on("SIGTERM", () => fake.close().then(() => process.exit(0)));
