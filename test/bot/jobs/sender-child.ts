// A sender process for the crash tests: sends what is due in small batches until nothing is left.
import { sendDue } from "../../../bot/jobs/sender.ts";
import { createLineClient } from "../../../bot/line/client.ts";
import { memoryLogger } from "../../../bot/log.ts";
import { createDb } from "../../../db/client.ts";

const db = await createDb({ databaseUrl: process.env.CHILD_DATABASE_URL!, maxConnections: 2 });
const line = createLineClient({
  channelAccessToken: process.env.CHILD_TOKEN!,
  baseURL: process.env.CHILD_FAKE_URL!,
});
const deps = { db: db.db, line, now: () => new Date(), log: memoryLogger() };
await db.db.selectFrom("outbox").select("id").limit(1).execute();
process.stdout.write("ready\n");
for (;;) {
  const report = await sendDue(deps, {
    batch: 3,
    maxRounds: 1,
    staleMs: Number(process.env.CHILD_STALE_MS ?? "200"),
  });
  if (report.sent + report.retried + report.held + report.dead === 0) break;
}
await db.close();
process.exit(0);
