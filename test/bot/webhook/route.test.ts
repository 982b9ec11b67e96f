import { readFileSync } from "node:fs";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_SRISONGRAK, openWorld, visibleText, type World } from "../world.ts";

const SAMPLES = new URL("../../fixtures/line-samples/", import.meta.url);

describe("POST /webhook", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  const claimed = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from webhook_events`.execute(w.db)).rows[0]!.n,
    );

  it("answers a signed question with a reply through LINE", async () => {
    const { status, messages } = await w.send(ADMIN_SRISONGRAK, [w.textEvent(ADMIN_SRISONGRAK, "คะแนน ITA")]);
    expect(status).toBe(200);
    expect(messages).toHaveLength(1);
    expect(visibleText(messages[0]!)).toContain("97.15");
  });

  it("rejects a tampered body with 401 and changes nothing", async () => {
    const body = JSON.stringify({
      destination: "Ubot",
      events: [w.textEvent(ADMIN_SRISONGRAK, "คะแนน ITA")],
    });
    const signature = w.sign(body);
    const before = [await claimed(), w.fake.requests.length];
    const tampered = body.replace("คะแนน", "อันดับ");
    expect((await w.post(tampered, signature)).status).toBe(401);
    expect((await w.post(body)).status).toBe(401);
    expect((await w.post(body, "not-base64!!")).status).toBe(401);
    await w.settle();
    expect([await claimed(), w.fake.requests.length]).toEqual(before);
  });

  it("answers a redelivered event only once", async () => {
    const event = w.textEvent(ADMIN_SRISONGRAK, "จุดอ่อน");
    const first = await w.send(ADMIN_SRISONGRAK, [event]);
    const again = await w.send(ADMIN_SRISONGRAK, [{ ...event, deliveryContext: { isRedelivery: true } }]);
    expect(first.messages).toHaveLength(1);
    expect(again).toEqual({ status: 200, messages: [] });
  });

  it("answers an event id repeated inside one batch only once", async () => {
    const event = w.textEvent(ADMIN_SRISONGRAK, "อันดับ");
    const { messages } = await w.send(ADMIN_SRISONGRAK, [event, event]);
    expect(messages).toHaveLength(1);
  });

  it("handles each event on its own: a malformed one does not stop the others", async () => {
    const good = w.textEvent(ADMIN_SRISONGRAK, "ตัวชี้วัดที่ 4");
    const broken = { type: "message", webhookEventId: 42, source: "nobody" };
    const { status, messages } = await w.send(ADMIN_SRISONGRAK, [broken, good]);
    expect(status).toBe(200);
    expect(visibleText(messages[0]!)).toContain("66.67");
    expect(w.log.entries.some((e) => e.msg === "webhook: skipped an invalid event")).toBe(true);
  });

  it("refuses a signed body that is not LINE's shape with 400", async () => {
    for (const body of ["not json", JSON.stringify({ events: "nope" })]) {
      expect((await w.post(body, w.sign(body))).status).toBe(400);
    }
  });

  it("accepts LINE's own sample bodies with their published signatures", async () => {
    const signatures = Object.fromEntries(
      readFileSync(new URL("SIGNATURES.txt", SAMPLES), "utf8")
        .trim()
        .split("\n")
        .map((line) => line.split(" ") as [string, string]),
    );
    const sample = await openWorld({ secret: "test_channel_secret", demo: false });
    try {
      // Both samples carry the same webhookEventId: the second is dropped as a redelivery.
      for (const file of ["docs-unfollow.json", "docs-text-message-group.json"]) {
        const body = readFileSync(new URL(file, SAMPLES), "utf8");
        const res = await sample.post(body, signatures[file]);
        expect(res.status, file).toBe(200);
      }
      await sample.settle();
      expect(sample.fake.deliveries).toHaveLength(0);
      const unfollowed = await sample.db.selectFrom("line_users").select(["following"]).execute();
      expect(unfollowed).toEqual([{ following: false }]);
    } finally {
      await sample.close();
    }
  });
});

describe("POST /webhook when the database is down", () => {
  it("answers 503 so LINE redelivers, and logs it", async () => {
    const w = await openWorld({ demo: false });
    const body = JSON.stringify({ destination: "Ubot", events: [w.textEvent(ADMIN_SRISONGRAK, "คะแนน")] });
    await w.db.destroy();
    const res = await w.post(body, w.sign(body));
    expect(res.status).toBe(503);
    expect(w.log.entries.some((e) => e.level === "error" && e.msg.includes("redeliver"))).toBe(true);
    expect(w.fake.deliveries).toHaveLength(0);
    await w.fake.close();
  });
});

describe("group chats", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  const groupEvent = (text: string, mentionees: Record<string, unknown>[] = []) =>
    w.textEvent(ADMIN_SRISONGRAK, text, {
      source: { type: "group", groupId: "Cgroup0001", userId: ADMIN_SRISONGRAK },
      message: {
        id: "1",
        type: "text",
        quoteToken: "q",
        text,
        ...(mentionees.length ? { mention: { mentionees } } : {}),
      },
    });

  it("stays silent when not addressed", async () => {
    const { messages } = await w.send(ADMIN_SRISONGRAK, [groupEvent("คะแนน ITA ปีนี้ดีไหม")]);
    expect(messages).toEqual([]);
  });

  it("answers when mentioned", async () => {
    const { messages } = await w.send(ADMIN_SRISONGRAK, [
      groupEvent("@โปร่งใส คะแนน ITA", [{ index: 0, length: 8, type: "user", userId: "Ubot", isSelf: true }]),
    ]);
    expect(visibleText(messages[0]!)).toContain("97.15");
  });

  it("does not post report links into a group, and says to ask one to one", async () => {
    const { messages } = await w.send(ADMIN_SRISONGRAK, [groupEvent("โปร่งใส ขอรายงาน")]);
    expect(messages).toHaveLength(1);
    const text = visibleText(messages[0]!);
    expect(text).toContain("แชตส่วนตัว");
    expect(text).not.toContain("/r/");
  });

  it("answers when called by name", async () => {
    const { messages } = await w.send(ADMIN_SRISONGRAK, [groupEvent("โปร่งใส จุดอ่อน")]);
    expect(visibleText(messages[0]!)).toContain("66.67");
  });
});

describe("POST /webhook under signed junk", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it("answers signed junk without a 5xx and handles it without an unexpected error", async () => {
    const junk = fc.oneof(
      fc.constantFrom("\u0000", "เชื่อมต่อ \u0000ABC123", "ข้อ O\u0000", "\ud800", "9".repeat(300), "", " "),
      fc.string({ unit: "binary", maxLength: 30 }),
    );
    const anything = fc.oneof(
      junk,
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const event = fc.record({
      base: fc.constantFrom("text", "postback", "follow", "join", "memberJoined"),
      user: fc.oneof(fc.constant(ADMIN_SRISONGRAK), junk),
      text: fc.oneof(fc.constantFrom("คะแนน ITA", "เชื่อมต่อ ABC123", "ข้อ O12", "ตั้งค่า"), junk),
      field: fc.constantFrom(
        "webhookEventId",
        "replyToken",
        "type",
        "timestamp",
        "source",
        "message",
        "none",
      ),
      value: anything,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 3 }), async (specs) => {
        const events = specs.map((e) => {
          const base = w.textEvent(typeof e.user === "string" ? e.user : ADMIN_SRISONGRAK, e.text) as Record<
            string,
            unknown
          >;
          if (e.base === "postback") {
            delete base.message;
            Object.assign(base, { type: "postback", postback: { data: e.text } });
          } else if (e.base !== "text") {
            delete base.message;
            base.type = e.base;
          }
          if (e.field !== "none") base[e.field] = e.value;
          return base;
        });
        w.log.entries.length = 0;
        const body = JSON.stringify({ destination: "Ubot", events });
        const res = await w.post(body, w.sign(body));
        await w.settle();
        const where = `${body.slice(0, 300)} → ${res.status}`;
        expect(res.status, where).toBeLessThan(500);
        // A reply token LINE refuses fails the reply, which is logged as it should be.
        if (!specs.some((e) => e.field === "replyToken"))
          expect(
            w.log.entries.filter((l) => l.level === "error"),
            where,
          ).toEqual([]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261208) },
    );
  });
});
