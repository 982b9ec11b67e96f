import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../../bot/dev/line-platform/server.ts";
import { retryDelayMs, sendDue } from "../../../bot/jobs/sender.ts";
import { createLineClient, type LineClient } from "../../../bot/line/client.ts";
import { memoryLogger } from "../../../bot/log.ts";
import type { DbHandle } from "../../../db/client.ts";
import { enqueueMessage, releaseHeld } from "../../../db/repositories/outbox.ts";
import { DIALECTS, openTestDb } from "../../db/harness.ts";

const TOKEN = "sender-test-token";
const T0 = new Date("2026-03-02T02:00:00Z");
let seq = 0;
const user = () => `U${String(seq++).padStart(32, "0")}`;

describe.each(DIALECTS)("outbox sender on %s", (dialect) => {
  let h: DbHandle;
  let fake: FakeLinePlatform;
  let agencyId: number;
  let clock: Date;
  const deps = () => ({
    db: h.db,
    line: createLineClient({ channelAccessToken: TOKEN, baseURL: fake.url }),
    now: () => clock,
    log: memoryLogger(),
  });

  beforeAll(async () => {
    h = await openTestDb(dialect);
    fake = await startFakeLinePlatform({ channelAccessToken: TOKEN });
    const a = await h.db
      .insertInto("agencies")
      .values({
        code: "OUT1",
        name_th: "เทศบาลตำบลทดสอบ",
        agency_type: "เทศบาลตำบล",
        province: "เลย",
        district: "ด่านซ้าย",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    agencyId = a.id;
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });
  beforeEach(async () => {
    fake.reset();
    clock = T0;
    await h.db.deleteFrom("outbox").execute();
  });

  const enqueue = async (n: number, recipients?: () => string[]) => {
    const users: string[][] = [];
    for (let i = 0; i < n; i++) {
      const to = recipients ? recipients() : [user()];
      users.push(to);
      await enqueueMessage(h.db, {
        agencyId,
        recipients: to,
        kind: "status_update",
        day: "2026-03-02",
        payload: [{ type: "text", text: `ข้อความที่ ${i}` }],
        sendAt: T0,
        naturalKey: `test|${dialect}|${to.join(",")}|${i}`,
      });
    }
    return users;
  };
  const deliveredOnce = (users: string[][]) => {
    for (const to of users) for (const u of to) expect(fake.messagesTo(u), u).toHaveLength(1);
  };
  const statuses = async () =>
    (await h.db.selectFrom("outbox").select("status").execute()).map((r) => r.status).sort();

  it("pushes each due message once with its retry key, and marks it sent", async () => {
    const users = await enqueue(5);
    const report = await sendDue(deps());
    expect(report).toEqual({ sent: 5, retried: 0, held: 0, dead: 0 });
    deliveredOnce(users);
    expect(new Set(fake.deliveries.map((d) => d.retryKey)).size).toBe(5);
    expect(await statuses()).toEqual(["sent", "sent", "sent", "sent", "sent"]);
    expect(await sendDue(deps())).toEqual({ sent: 0, retried: 0, held: 0, dead: 0 });
  });

  it("sends a message with several recipients by multicast", async () => {
    const group = [user(), user(), user()];
    await enqueue(1, () => group);
    await sendDue(deps());
    expect(fake.deliveries.map((d) => d.via)).toEqual(["multicast", "multicast", "multicast"]);
    deliveredOnce([group]);
  });

  it("waits for Retry-After on 429 and delivers later, once", async () => {
    const users = await enqueue(3);
    fake.failNext(2, 429, { retryAfterSeconds: 120 });
    const first = await sendDue(deps());
    expect(first).toMatchObject({ sent: 1, retried: 2 });
    clock = new Date(T0.getTime() + 60_000);
    expect((await sendDue(deps())).sent).toBe(0);
    clock = new Date(T0.getTime() + 121_000);
    expect((await sendDue(deps())).sent).toBe(2);
    deliveredOnce(users);
  });

  it("retries 500s with growing backoff and delivers each message once", async () => {
    const users = await enqueue(4);
    fake.failNext(3, 500);
    let rounds = 0;
    while ((await statuses()).some((s) => s !== "sent") && rounds++ < 10) {
      await sendDue(deps());
      clock = new Date(clock.getTime() + retryDelayMs(8));
    }
    deliveredOnce(users);
  });

  it("treats 409 as delivered when LINE accepted a push whose answer was lost", async () => {
    const users = await enqueue(1);
    fake.failNext(1, 500, { afterProcessing: true });
    expect((await sendDue(deps())).retried).toBe(1);
    clock = new Date(T0.getTime() + 31_000);
    expect((await sendDue(deps())).sent).toBe(1);
    deliveredOnce(users);
    expect(fake.requests.filter((r) => r.status === 409)).toHaveLength(1);
  });

  it("holds messages when the monthly quota is used up, and sends them when released", async () => {
    fake.quota = { limit: 2, used: 2 };
    const users = await enqueue(2);
    expect(await sendDue(deps())).toMatchObject({ sent: 0, held: 2 });
    expect(fake.deliveries).toHaveLength(0);
    expect(await statuses()).toEqual(["held", "held"]);
    fake.quota = { limit: 100, used: 2 };
    expect(await releaseHeld(h.db, clock)).toBe(2);
    expect((await sendDue(deps())).sent).toBe(2);
    deliveredOnce(users);
  });

  it("moves a message LINE refuses, or one that keeps failing, to dead-letter with the error kept", async () => {
    await enqueueMessage(h.db, {
      agencyId,
      recipients: [user()],
      kind: "status_update",
      day: "2026-03-02",
      payload: [{ type: "text", text: "" }],
      sendAt: T0,
      naturalKey: `bad|${dialect}`,
    });
    expect((await sendDue(deps())).dead).toBe(1);
    const row = await h.db.selectFrom("outbox").select(["status", "last_error"]).executeTakeFirstOrThrow();
    expect(row.status).toBe("dead");
    expect(row.last_error).toMatch(/^400/);

    await h.db.deleteFrom("outbox").execute();
    await enqueue(1);
    fake.failNext(100, 503);
    for (let i = 0; i < 5; i++) {
      await sendDue(deps(), { maxAttempts: 3 });
      clock = new Date(clock.getTime() + 3600_000);
    }
    expect(await statuses()).toEqual(["dead"]);
  });

  it("pushes several at once but never more than its concurrency, each message once", async () => {
    const users = await enqueue(40);
    const line = createLineClient({ channelAccessToken: TOKEN, baseURL: fake.url });
    let inFlight = 0;
    let most = 0;
    const counted: LineClient = {
      ...line,
      async push(to, messages, retryKey) {
        most = Math.max(most, ++inFlight);
        try {
          await line.push(to, messages, retryKey);
        } finally {
          inFlight--;
        }
      },
    };
    expect(await sendDue({ ...deps(), line: counted }, { batch: 15, concurrency: 4 })).toEqual({
      sent: 40,
      retried: 0,
      held: 0,
      dead: 0,
    });
    expect(most).toBeLessThanOrEqual(4);
    deliveredOnce(users);
  });

  it("starts no new round once its time budget is spent, and the next call goes on", async () => {
    const users = await enqueue(10);
    // Each reading of the clock is a second later: the first round alone fits a 1.5 s budget.
    const ticking = () => ({
      ...deps(),
      now: () => {
        clock = new Date(clock.getTime() + 1000);
        return clock;
      },
    });
    expect((await sendDue(ticking(), { batch: 4, budgetMs: 1500 })).sent).toBe(4);
    expect((await sendDue(ticking(), { batch: 4, budgetMs: 1500 })).sent).toBe(4);
    expect((await sendDue(ticking(), { batch: 4, budgetMs: 1500 })).sent).toBe(2);
    deliveredOnce(users);
  });

  it("keeps to the platform's rate instead of being refused", async () => {
    const limited = await startFakeLinePlatform({ channelAccessToken: TOKEN, rateLimits: { push: 20 } });
    try {
      const users = await enqueue(50);
      const line = createLineClient({ channelAccessToken: TOKEN, baseURL: limited.url });
      const report = await sendDue({ ...deps(), line }, { perSecond: { push: 20, multicast: 20 } });
      expect(report).toEqual({ sent: 50, retried: 0, held: 0, dead: 0 });
      expect(limited.requests.filter((r) => r.status === 429)).toEqual([]);
      for (const to of users) for (const u of to) expect(limited.messagesTo(u), u).toHaveLength(1);
    } finally {
      await limited.close();
    }
  });

  it("takes back a message left 'sending' by a sender that died, without sending it twice", async () => {
    const users = await enqueue(1);
    // A sender claimed it and pushed, then died before recording the result.
    await h.db.updateTable("outbox").set({ status: "sending", claimed_at: T0, attempts: 1 }).execute();
    const row = await h.db.selectFrom("outbox").select(["retry_key"]).executeTakeFirstOrThrow();
    await createLineClient({ channelAccessToken: TOKEN, baseURL: fake.url }).push(
      users[0]![0]!,
      [{ type: "text", text: "ข้อความที่ 0" }],
      row.retry_key,
    );
    clock = new Date(T0.getTime() + 11 * 60_000);
    expect((await sendDue(deps())).sent).toBe(1);
    deliveredOnce(users);
  });
});
