import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../../bot/dev/line-platform/server.ts";
import { sendDue } from "../../../bot/jobs/sender.ts";
import { createLineClient } from "../../../bot/line/client.ts";
import { memoryLogger } from "../../../bot/log.ts";
import type { DbHandle } from "../../../db/client.ts";
import { rng } from "../../../db/demo/generate.ts";
import { enqueueMessage } from "../../../db/repositories/outbox.ts";
import { openTestDb } from "../../db/harness.ts";

const TOKEN = "fault-test-token";
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CHILD = "test/bot/jobs/sender-child.ts";
const onPostgres = Boolean(process.env.DATABASE_URL);

// Several processes and real row locks need a real server: these run in the DB suite (CI).
describe.skipIf(!onPostgres)("outbox delivery under faults, on PostgreSQL", () => {
  let h: DbHandle;
  let fake: FakeLinePlatform;
  let url: string;
  let agencyId: number;

  beforeAll(async () => {
    h = await openTestDb("pg");
    // The handle's own URL is not exposed; the test database is the newest prongsai_test_ one.
    const name = (
      await h.db.selectNoFrom((eb) => eb.fn<string>("current_database").as("db")).executeTakeFirstOrThrow()
    ).db;
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
    fake = await startFakeLinePlatform({ channelAccessToken: TOKEN });
    const a = await h.db
      .insertInto("agencies")
      .values({
        code: "FLT1",
        name_th: "เทศบาลตำบลทดสอบ",
        agency_type: "เทศบาลตำบล",
        province: "เลย",
        district: "ด่านซ้าย",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    agencyId = a.id;
  });
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await fake?.close();
    await h?.close();
  });

  const enqueue = async (tag: string, n: number) => {
    const users: string[] = [];
    for (let i = 0; i < n; i++) {
      const u = `U${tag}${String(i).padStart(31 - tag.length, "0")}`;
      users.push(u);
      await enqueueMessage(h.db, {
        agencyId,
        recipients: [u],
        kind: "status_update",
        day: "2026-03-02",
        payload: [{ type: "text", text: `แจ้งเตือน ${i}` }],
        sendAt: new Date(Date.now() - 1000),
        naturalKey: `${tag}|${i}`,
      });
    }
    return users;
  };

  /** Kill the sender `afterMs` after it is ready, or the moment LINE accepts its `onDelivery`-th push. */
  const runChild = (kill: { afterMs?: number; onDelivery?: number } = {}) =>
    new Promise<"finished" | "killed">((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
        cwd: ROOT,
        env: { ...process.env, CHILD_DATABASE_URL: url, CHILD_FAKE_URL: fake.url, CHILD_TOKEN: TOKEN },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr!.on("data", (d) => {
        stderr += String(d);
      });
      let killed = false;
      const killNow = () => {
        if (killed) return;
        killed = true;
        child.kill("SIGKILL");
      };
      // The clock for a kill starts when the sender is connected and about to send.
      let timer: ReturnType<typeof setTimeout> | undefined;
      child.stdout!.once("data", () => {
        if (kill.afterMs !== undefined) timer = setTimeout(killNow, kill.afterMs);
      });
      // Killed as LINE accepts a push, before its answer reaches the sender: the push is delivered
      // and never recorded, the case the retry key exists for. Random timings on a busy machine
      // may never land there; this always does.
      let deliveries = 0;
      const stopListening = fake.onDelivery(() => {
        if (kill.onDelivery !== undefined && ++deliveries === kill.onDelivery) killNow();
      });
      child.on("exit", (code) => {
        stopListening();
        clearTimeout(timer);
        if (!killed && code !== 0) reject(new Error(`sender exited ${code}: ${stderr.slice(0, 2000)}`));
        resolve(killed ? "killed" : "finished");
      });
    });

  it("delivers every message exactly once when the sender is killed at random points, 20 times", async () => {
    const seed = 20261125;
    const random = rng(seed);
    const users: string[] = [];
    let kills = 0;
    for (let run = 0; run < 20; run++) {
      users.push(...(await enqueue(`k${String(run).padStart(2, "0")}`, 30)));
      const kill = run % 5 === 4 ? { onDelivery: 3 } : { afterMs: Math.floor(random() * 120) };
      if ((await runChild(kill)) === "killed") kills++;
      await new Promise((r) => setTimeout(r, 250)); // past the 200 ms stale-claim window
    }
    expect(await runChild()).toBe("finished");
    expect(kills, `seed ${seed}`).toBeGreaterThan(5);
    // Some kills landed between a push and its record: LINE answered the re-push with 409.
    expect(fake.requests.filter((r) => r.status === 409).length, `seed ${seed}`).toBeGreaterThan(0);
    for (const u of users) expect(fake.messagesTo(u), u).toHaveLength(1);
    const left = await h.db.selectFrom("outbox").select("status").where("status", "!=", "sent").execute();
    expect(left).toEqual([]);
  }, 120_000);

  it("delivers each message once when 429 and 500 come in bursts", async () => {
    const users = await enqueue("b", 60);
    const line = createLineClient({ channelAccessToken: TOKEN, baseURL: fake.url });
    let clock = new Date();
    const deps = { db: h.db, line, now: () => clock, log: memoryLogger() };
    for (let round = 0; round < 40; round++) {
      if (round % 3 === 0) fake.failNext(4, 429, { retryAfterSeconds: 1 });
      if (round % 3 === 1) fake.failNext(3, 500, { afterProcessing: round % 2 === 0 });
      await sendDue(deps, { batch: 7, maxRounds: 1 });
      clock = new Date(clock.getTime() + 3600_000);
    }
    await sendDue(deps);
    for (const u of users) expect(fake.messagesTo(u), u).toHaveLength(1);
  });

  it("delivers each message once with two senders running at the same time", async () => {
    const users = await enqueue("c", 80);
    const results = await Promise.all([runChild(), runChild()]);
    expect(results).toEqual(["finished", "finished"]);
    for (const u of users) expect(fake.messagesTo(u), u).toHaveLength(1);
  }, 60_000);
});
