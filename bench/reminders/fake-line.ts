// The fake LINE platform in its own process for the reminders benchmark: held to LINE's rates,
// counting requests instead of keeping them.
import { startFakeLinePlatform } from "../../bot/dev/line-platform/server.ts";

const fake = await startFakeLinePlatform({
  channelAccessToken: process.env.BENCH_TOKEN!,
  record: false,
  rateLimits: {
    push: Number(process.env.BENCH_PUSH_RATE),
    multicast: Number(process.env.BENCH_MULTICAST_RATE),
  },
});
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
process.on("SIGTERM", () => fake.close().then(() => process.exit(0)));
