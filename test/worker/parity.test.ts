// The Worker, run in workerd by `wrangler dev` against the real PostgreSQL, answers exactly as
// the Node server does: a signed webhook, API calls with a test ID token, a scheduled tick.
// Needs DATABASE_URL (CI's PostgreSQL) and the LIFF build (dist/liff, the Worker's assets).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../bot/config.ts";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../bot/dev/line-platform/server.ts";
import { tick } from "../../bot/jobs/tick.ts";
import { createLineClient } from "../../bot/line/client.ts";
import { memoryLogger } from "../../bot/log.ts";
import { type RunningServer, startServer } from "../../bot/node.ts";
import { createDb, type DbHandle } from "../../db/client.ts";
import { DEMO_USERS } from "../../db/demo/users.ts";
import type { Database } from "../../db/schema.ts";

const run = promisify(execFile);
const BASE = process.env.DATABASE_URL;
const SECRET = "parity-channel-secret-0123456789";
const TOKEN = "parity-channel-access-token-0123456789";
const CHANNEL = "1650000000";
const [ADMIN, VIEWER, EDITOR] = DEMO_USERS.map((u) => u.lineUserId) as [string, string, string];
const REFORM = "test/fixtures/frameworks/reform-2570.yaml";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
    server.once("error", reject);
  });
}

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Audit times are when each database was filled: the same shape, not the same millisecond. */
function withoutTimes(value: unknown): unknown {
  if (typeof value === "string")
    return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) ? "<time>" : value;
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutTimes(v)]));
  return value;
}

interface Side {
  name: "node" | "worker";
  url: string;
  fake: FakeLinePlatform;
  db: DbHandle;
  dbUrl: string;
}

/** A fresh database next to DATABASE_URL, migrated and filled by the admin CLI's own commands. */
async function preparedDatabase(
  admin: Kysely<Database>,
  name: string,
): Promise<{ url: string; handle: DbHandle }> {
  await sql.raw(`drop database if exists ${name}`).execute(admin);
  await sql.raw(`create database ${name}`).execute(admin);
  const url = new URL(BASE!);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  for (const command of ["migrate", "demo"]) {
    await run("node_modules/.bin/tsx", ["bot/cli/main.ts", command], { env, timeout: 120_000 });
  }
  return { url: url.toString(), handle: await createDb({ databaseUrl: url.toString(), maxConnections: 2 }) };
}

describe.skipIf(!BASE)("the Worker in workerd answers as the Node server does", () => {
  const names = [`prongsai_parity_node_${process.pid}`, `prongsai_parity_worker_${process.pid}`];
  let admin: DbHandle;
  let node: Side;
  let worker: Side;
  let server: RunningServer;
  let wrangler: ChildProcess | undefined;
  let wranglerLog = "";
  const state = mkdtempSync(join(tmpdir(), "prongsai-workerd-"));

  beforeAll(async () => {
    if (!existsSync("dist/liff/index.html"))
      throw new Error("the Worker's assets are missing: npm run build:liff");
    admin = await createDb({ databaseUrl: BASE!, maxConnections: 1 });
    const [nodeDb, workerDb] = await Promise.all(names.map((n) => preparedDatabase(admin.db, n)));
    const profiles = Object.fromEntries(
      DEMO_USERS.map((u) => [u.lineUserId, { displayName: u.displayName }]),
    );
    const [nodeFake, workerFake] = await Promise.all([
      startFakeLinePlatform({ channelAccessToken: TOKEN, profiles }),
      startFakeLinePlatform({ channelAccessToken: TOKEN, profiles }),
    ]);

    const config = parseConfig({
      NODE_ENV: "production",
      DATABASE_URL: nodeDb!.url,
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: nodeFake.url,
      LINE_LOGIN_CHANNEL_ID: CHANNEL,
    });
    server = await startServer({ ...config, PORT: 0 }, memoryLogger());
    node = { name: "node", url: server.url, fake: nodeFake, db: nodeDb!.handle, dbUrl: nodeDb!.url };

    const port = await freePort();
    const vars = {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: workerFake.url,
      LINE_LOGIN_CHANNEL_ID: CHANNEL,
    };
    wrangler = spawn(
      "node_modules/.bin/wrangler",
      [
        "dev",
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
        "--test-scheduled",
        "--persist-to",
        join(state, "state"),
        "--log-level",
        "info",
        ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
      ],
      {
        env: {
          ...process.env,
          CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: workerDb!.url,
          WRANGLER_SEND_METRICS: "false",
          CI: "true",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    wrangler.stdout!.on("data", (d) => {
      wranglerLog += String(d);
    });
    wrangler.stderr!.on("data", (d) => {
      wranglerLog += String(d);
    });
    const url = `http://127.0.0.1:${port}`;
    worker = { name: "worker", url, fake: workerFake, db: workerDb!.handle, dbUrl: workerDb!.url };
    try {
      await eventually(
        "wrangler dev to answer /healthz",
        async () => {
          if (wrangler?.exitCode !== null) throw new Error("wrangler exited");
          const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3000) });
          return res.ok ? true : undefined;
        },
        120_000,
      );
    } catch (error) {
      throw new Error(`${String(error)}\n${wranglerLog.slice(-4000)}`);
    }
  }, 240_000);

  afterAll(async () => {
    if (wrangler?.pid && wrangler.exitCode === null) {
      const exited = new Promise((resolve) => wrangler!.once("exit", resolve));
      wrangler.kill("SIGTERM");
      const killer = setTimeout(() => wrangler?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    await server?.close();
    await node?.fake.close();
    await worker?.fake.close();
    await node?.db.close();
    await worker?.db.close();
    if (admin) {
      for (const name of names)
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    }
    rmSync(state, { recursive: true, force: true });
  }, 60_000);

  function textEvent(side: Side, userId: string, text: string) {
    return {
      type: "message",
      mode: "active",
      timestamp: Date.now(),
      source: { type: "user", userId },
      webhookEventId: randomUUID(),
      deliveryContext: { isRedelivery: false },
      replyToken: side.fake.issueReplyToken(userId),
      message: { id: String(Date.now()), type: "text", quoteToken: "q", text },
    };
  }

  async function ask(side: Side, userId: string, text: string) {
    const event = textEvent(side, userId, text);
    const body = JSON.stringify({ destination: "Ubot", events: [event] });
    const signature = createHmac("sha256", SECRET).update(body).digest("base64");
    const res = await fetch(`${side.url}/webhook`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-line-signature": signature },
    });
    const reply = await eventually(`${side.name}'s reply to "${text}"`, async () =>
      side.fake.replies.get(event.replyToken),
    );
    return { status: res.status, messages: reply.messages };
  }

  it("refuses a webhook with a wrong signature on both", async () => {
    for (const side of [node, worker]) {
      const res = await fetch(`${side.url}/webhook`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", "x-line-signature": "AAAA" },
      });
      expect(res.status, side.name).toBe(401);
    }
  });

  it("answers a signed webhook with the same LINE reply", async () => {
    for (const [user, text] of [
      [ADMIN, "คะแนน ITA ปี ๒๕๖๗"],
      [ADMIN, "จุดอ่อน"],
      [VIEWER, "อันดับ"],
      [ADMIN, "มาตรการ"],
    ] as const) {
      const [a, b] = await Promise.all([ask(node, user, text), ask(worker, user, text)]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(b.messages, text).toEqual(a.messages);
    }
  });

  it("answers API calls with a test ID token with the same JSON and headers", async () => {
    const call = async (side: Side, path: string) => {
      const token = await side.fake.issueIdToken(ADMIN, { channelId: CHANNEL, name: "สมชาย" });
      const res = await fetch(`${side.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return {
        status: res.status,
        body: withoutTimes(await res.json()),
        csp: res.headers.get("content-security-policy"),
      };
    };
    const me = await call(node, "/api/me");
    expect(me.status).toBe(200);
    const agencyId = (me.body as { memberships: { agencyId: number }[] }).memberships[0]!.agencyId;
    for (const path of [
      "/api/me",
      `/api/agencies/${agencyId}/dashboard`,
      `/api/agencies/${agencyId}/measures`,
      `/api/agencies/${agencyId}/audit`,
      `/api/me/settings?agencyId=${agencyId}`,
    ]) {
      const [a, b] = await Promise.all([call(node, path), call(worker, path)]);
      expect(a.status, path).toBe(200);
      expect(b, path).toEqual(a);
    }
    const noToken = await Promise.all([node, worker].map((s) => fetch(`${s.url}/api/me`)));
    expect(noToken.map((r) => r.status)).toEqual([401, 401]);
  });

  it("plans and sends the same reminders on a scheduled tick", async () => {
    await tick({
      db: server.db,
      line: createLineClient({ channelAccessToken: TOKEN, baseURL: node.fake.url }),
      now: () => new Date(),
      log: memoryLogger(),
    });
    const res = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(res.status).toBe(200);

    const outbox = (db: DbHandle) =>
      db.db
        .selectFrom("outbox")
        .select(["kind", sql<string>`day::text`.as("day"), "recipients", "payload", "status", "retry_key"])
        .orderBy("retry_key")
        .execute();
    const notices = (db: DbHandle) =>
      db.db
        .selectFrom("notices")
        .select(["dedupe_key", "kind", sql<string>`day::text`.as("day"), "superseded"])
        .orderBy("dedupe_key")
        .execute();
    const expected = await outbox(node.db);
    expect(expected.length).toBeGreaterThan(0);
    await eventually(
      "the Worker's tick to finish",
      async () => {
        const rows = await outbox(worker.db);
        const settled = rows.length === expected.length && rows.every((r) => r.status !== "sending");
        const sent = worker.fake.deliveries.length === node.fake.deliveries.length;
        return settled && sent ? true : undefined;
      },
      60_000,
    );
    expect(await outbox(worker.db)).toEqual(expected);
    expect(await notices(worker.db)).toEqual(await notices(node.db));
    const pushed = (fake: FakeLinePlatform) =>
      fake.deliveries
        .filter((d) => d.via !== "reply")
        .map((d) => ({ to: d.to, via: d.via, message: d.message, retryKey: d.retryKey }));
    expect(pushed(worker.fake)).toEqual(pushed(node.fake));
  });

  it("answers about a framework year an operator loads while both run, within the cache's time", async () => {
    // Both have read the frameworks already (the questions above); now the operator loads a year.
    const csvPath = join(state, "reform-2570.csv");
    const items = "p1,p2,p3,p4,p5,p6,p7,p8,p9,p10,p11,p12,d1,d2,d3,d4,d5,d6,d7,d8,d9,d10";
    const values =
      "90,85.5,80.25,70,66.67,0,100,95.55,100,88.88,77.77,66.66,100,100,100,100,100,0,100,100,0,100";
    const started: Record<string, number> = {};
    for (const side of [node, worker]) {
      const agency = await side.db.db
        .selectFrom("agencies")
        .selectAll()
        .where("code", "=", "DEMO00001")
        .executeTakeFirstOrThrow();
      const row = [agency.code, agency.name_th, agency.agency_type, agency.province, agency.district, "2570"];
      await writeFile(
        csvPath,
        `agency_code,agency_name,agency_type,province,district,fiscal_year,${items}\n${row.join(",")},${values}\n`,
      );
      const env = { ...process.env, DATABASE_URL: side.dbUrl };
      await run("node_modules/.bin/tsx", ["bot/cli/main.ts", "framework", "import", REFORM], {
        env,
        timeout: 120_000,
      });
      started[side.name] = Date.now();
      await run("node_modules/.bin/tsx", ["bot/cli/main.ts", "import", csvPath], { env, timeout: 120_000 });
    }
    const answered: Record<string, number> = {};
    const seen: Record<string, unknown> = {};
    await Promise.all(
      [node, worker].map((side) =>
        eventually(
          `${side.name} to answer with the 2570 total`,
          async () => {
            const { messages } = await ask(side, EDITOR, "คะแนนปี 2570");
            if (!JSON.stringify(messages).includes("77.98")) {
              await new Promise((r) => setTimeout(r, 2000));
              return undefined;
            }
            answered[side.name] = Date.now() - started[side.name]!;
            seen[side.name] = messages;
            return true;
          },
          90_000,
        ),
      ),
    );
    // The figure the README records: how long after the import an answer used the new year.
    console.log(
      `fresh framework year answered after: node ${(answered.node! / 1000).toFixed(1)} s, worker ${(answered.worker! / 1000).toFixed(1)} s`,
    );
    expect(seen.worker).toEqual(seen.node);
    expect(JSON.stringify(seen.node)).toContain("PERC");
  }, 180_000);

  it("serves the LIFF app from its assets under the same CSP", async () => {
    const [a, b] = await Promise.all([node, worker].map((s) => fetch(`${s.url}/liff/`)));
    expect(a!.status).toBe(200);
    expect(b!.status).toBe(200);
    expect(b!.headers.get("content-security-policy")).toBe(a!.headers.get("content-security-policy"));
    const html = await b!.text();
    const script = /src="(\/liff\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${worker.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
  });
});
