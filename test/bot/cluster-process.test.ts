// The Node server with WEB_CONCURRENCY=2 as a real process tree on PostgreSQL: both workers serve
// webhooks and each event is answered once; both tick at the same instants and each digest is
// planned and pushed once; SIGTERM to the primary stops both and exits 0.
// Needs DATABASE_URL (the DB suite); skipped without it.
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../bot/dev/line-platform/server.ts";
import { createDb, type DbHandle } from "../../db/client.ts";
import { DEMO_USERS } from "../../db/demo/users.ts";
import type { Database } from "../../db/schema.ts";

const BASE = process.env.DATABASE_URL;
const SECRET = "cluster-channel-secret-0123456789";
const TOKEN = "cluster-channel-access-token-0123456789";
const USERS = DEMO_USERS.map((u) => u.lineUserId);
const QUESTIONS = ["คะแนน ITA", "อันดับ", "มาตรการ", "งานของฉัน", "ช่วยเหลือ"];

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

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type LogLine = Record<string, unknown> & { msg: string };

describe.skipIf(!BASE)("the Node server with two workers (WEB_CONCURRENCY=2)", () => {
  const name = `prongsai_cluster_${process.pid}`;
  let admin: DbHandle;
  let db: DbHandle;
  let fake: FakeLinePlatform;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let out = "";
  let base = "";
  const logs = (): LogLine[] =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    admin = await createDb({ databaseUrl: BASE!, maxConnections: 1 });
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await sql.raw(`create database ${name}`).execute(admin.db);
    const url = new URL(BASE!);
    url.pathname = `/${name}`;
    fake = await startFakeLinePlatform({
      channelAccessToken: TOKEN,
      profiles: Object.fromEntries(DEMO_USERS.map((u) => [u.lineUserId, { displayName: u.displayName }])),
    });
    const port = await freePort();
    // Today at 09:00 in Bangkok: the demo's reminders fall due, and outside quiet hours they go out.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    child = spawn(process.execPath, ["--import", "tsx", "bot/node.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "test",
        WEB_CONCURRENCY: "2",
        DATABASE_URL: url.toString(),
        DEMO_DATA: "on",
        NOW: today,
        TICK_EVERY_MS: "1000",
        PORT: String(port),
        LINE_CHANNEL_SECRET: SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
        LINE_API_BASE_URL: fake.url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    child.stdout!.on("data", (d) => {
      out += String(d);
    });
    child.stderr!.on("data", (d) => {
      out += String(d);
    });
    try {
      await eventually(
        "both workers to listen",
        async () => {
          if (child.exitCode !== null) throw new Error("the server exited");
          return out.includes(`localhost:${port}`) ? true : undefined;
        },
        120_000,
      );
    } catch (error) {
      throw new Error(`${String(error)}\n${out.slice(-4000)}`);
    }
    base = `http://127.0.0.1:${port}`;
    db = await createDb({ databaseUrl: url.toString(), maxConnections: 2 });
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await db?.close();
    await fake?.close();
    if (admin) {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    }
  }, 60_000);

  function textEvent(userId: string, text: string) {
    return {
      type: "message",
      mode: "active",
      timestamp: Date.now(),
      source: { type: "user", userId },
      webhookEventId: randomUUID(),
      deliveryContext: { isRedelivery: false },
      replyToken: fake.issueReplyToken(userId),
      message: { id: randomUUID(), type: "text", quoteToken: "q", text },
    };
  }

  async function post(events: unknown[]) {
    const body = JSON.stringify({ destination: "Ubot", events });
    const signature = createHmac("sha256", SECRET).update(body).digest("base64");
    const res = await fetch(`${base}/webhook`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-line-signature": signature },
    });
    return res.status;
  }

  it("answers every webhook event exactly once, redeliveries included, from both workers", async () => {
    const events = Array.from({ length: 40 }, (_, i) =>
      textEvent(USERS[i % USERS.length]!, QUESTIONS[i % QUESTIONS.length]!),
    );
    // LINE redelivers an event it thinks was lost: same id and reply token, racing the original
    // onto whichever worker the connection lands on. One batch also carries an id twice.
    const redelivered = events
      .filter((_, i) => i % 4 === 0)
      .map((e) => ({ ...e, deliveryContext: { isRedelivery: true } }));
    const bodies: unknown[][] = [
      ...events.slice(0, 39).map((e) => [e]),
      ...redelivered.map((e) => [e]),
      [events[39], events[39]],
    ];
    const statuses = await Promise.all(bodies.map((b) => post(b)));
    expect(statuses.every((s) => s === 200)).toBe(true);

    const tokens = events.map((e) => e.replyToken);
    await eventually("a reply to every event", async () =>
      tokens.every((t) => fake.replies.has(t)) ? true : undefined,
    );
    // Time for a second answer to arrive, if the dedupe let one through.
    await new Promise((r) => setTimeout(r, 1500));
    const replyCalls = fake.requests.filter((r) => r.path === "/v2/bot/message/reply");
    const perToken = new Map<string, number>();
    for (const r of replyCalls) {
      const token = (r.body as { replyToken: string }).replyToken;
      perToken.set(token, (perToken.get(token) ?? 0) + 1);
    }
    expect(replyCalls).toHaveLength(events.length);
    expect([...perToken.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(perToken.keys())).toEqual(new Set(tokens));

    const lines = logs();
    const dropped = lines.filter((l) => l.msg === "webhook: duplicate event dropped");
    expect(dropped).toHaveLength(redelivered.length + 1);
    const served = new Set(
      lines.filter((l) => l.msg === "request" && l.path === "/webhook").map((l) => l.worker),
    );
    expect([...served].sort()).toEqual([1, 2]);
  }, 120_000);

  it("ticks in both workers at the same instants, planning and pushing each digest once", async () => {
    // Both workers tick every second on the same boundaries: one plans, the other skips planning.
    await eventually("a tick that skipped planning while the other worker planned", async () =>
      logs().some((l) => l.msg === "tick" && l.planningSkipped) ? true : undefined,
    );
    const outbox = (k: Kysely<Database>) =>
      k
        .selectFrom("outbox")
        .select(["retry_key", "recipients", "status"])
        .where("kind", "=", "digest")
        .execute();
    const digests = await eventually("the digests to be sent", async () => {
      const rows = await outbox(db.db);
      return rows.length > 0 && rows.every((r) => r.status === "sent") ? rows : undefined;
    });
    // A few more ticks: none may plan or push anything again.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await outbox(db.db)).toHaveLength(digests.length);

    const pushes = fake.requests.filter((r) => /^\/v2\/bot\/message\/(push|multicast)$/.test(r.path));
    for (const row of digests) {
      const calls = pushes.filter((r) => r.headers["x-line-retry-key"] === row.retry_key);
      expect(calls.map((c) => c.status)).toEqual([200]);
    }
    expect(pushes).toHaveLength(digests.length);
    const recipients = digests.flatMap((r) => r.recipients).sort();
    const delivered = fake.deliveries
      .filter((d) => d.via !== "reply")
      .map((d) => d.to)
      .sort();
    expect(delivered).toEqual(recipients);

    const { rows } = await sql<{ notices: number; keys: number; planned: number }>`
      select count(*)::int as notices, count(distinct dedupe_key)::int as keys,
             count(*) filter (where outbox_id is not null)::int as planned
      from notices`.execute(db.db);
    expect(rows[0]!.notices).toBe(rows[0]!.keys);
    expect(rows[0]!.planned).toBeGreaterThan(0);

    const lines = logs();
    const planned = lines
      .filter((l) => l.msg === "reminders planned")
      .reduce((n, l) => n + (l.digests as number), 0);
    expect(planned).toBe(digests.length);
    expect(lines.filter((l) => l.msg === "tick failed")).toEqual([]);
    const ticked = new Set(lines.filter((l) => l.msg === "tick").map((l) => l.worker));
    expect([...ticked].sort()).toEqual([1, 2]);
  }, 120_000);

  it("stops both workers gracefully on SIGTERM to the primary and exits 0", async () => {
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const lines = logs();
    const done = lines.filter((l) => l.msg === "shutdown: done").map((l) => l.worker);
    expect(done.sort()).toEqual([1, 2]);
    expect(lines.filter((l) => l.msg === "worker stopped").map((l) => l.code)).toEqual([0, 0]);
    for (const secret of [SECRET, TOKEN]) expect(out).not.toContain(secret);
  }, 60_000);
});
