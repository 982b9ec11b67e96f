// The server under an upload, in its own process so that a blocked event loop shows in the
// answers it gives: "threaded" reads the file in a worker thread (bot/import/), as the Node server
// does; "inline" reads it on the event loop, as before (the peer).
import { serve } from "@hono/node-server";
import { createApp } from "../../bot/app.ts";
import { FRAMEWORKS_TTL_MS } from "../../bot/cache-ttl.ts";
import { deferTracker } from "../../bot/defer.ts";
import { startFakeLinePlatform } from "../../bot/dev/line-platform/server.ts";
import { threadedResultsReader } from "../../bot/import/threaded-reader.ts";
import { createLineClient } from "../../bot/line/client.ts";
import { createIdTokenVerifier } from "../../bot/line/id-token.ts";
import { memoryLogger } from "../../bot/log.ts";
import { createDb } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { DEMO_USERS } from "../../db/demo/users.ts";
import { migrate } from "../../db/migrate.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { frameworkSource } from "../../db/repositories/frameworks.ts";

const mode = process.argv[2] === "inline" ? "inline" : "threaded";
const TOKEN = "bench-upload-access-token";
const CHANNEL = "1650000099";
const secret = process.env.BENCH_SECRET!;

const handle = await createDb({});
await migrate(handle.db);
await loadDemoData(handle.db, { now: new Date() });
const fake = await startFakeLinePlatform({ channelAccessToken: TOKEN });
const log = { ...memoryLogger(), info: () => {}, warn: () => {} };
const tracker = deferTracker();
const app = createApp({
  db: () => handle.db,
  production: true,
  log,
  frameworks: frameworkSource({ ttlMs: FRAMEWORKS_TTL_MS, now: Date.now }),
  webhook: {
    channelSecrets: [secret],
    chat: {
      line: createLineClient({ channelAccessToken: TOKEN, baseURL: fake.url }),
      now: () => new Date(),
      log,
    },
    defer: (_c, work) => tracker.defer(work),
  },
  api: {
    verifyIdToken: createIdTokenVerifier({ channelId: CHANNEL, jwksUrl: `${fake.url}/oauth2/v2.1/certs` }),
    now: () => new Date(),
    ...(mode === "threaded" ? { readResults: threadedResultsReader() } : {}),
  },
});
const admin = DEMO_USERS[0]!;
const agency = (await findAgencyByCode(handle.db, admin.agencyCode!))!;
const idToken = await fake.issueIdToken(admin.lineUserId, { channelId: CHANNEL, expiresInSeconds: 3600 });
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${info.port}`, idToken, agencyId: agency.id, userId: admin.lineUserId })}\n`,
  );
});
process.on("SIGTERM", () => process.exit(0));
