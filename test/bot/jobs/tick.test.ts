import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../../bot/dev/line-platform/server.ts";
import { tick } from "../../../bot/jobs/tick.ts";
import { createLineClient } from "../../../bot/line/client.ts";
import { memoryLogger } from "../../../bot/log.ts";
import type { DbHandle } from "../../../db/client.ts";
import { loadReminderWorld, reminderWorld } from "../../../db/demo/national-reminders.ts";
import { updateStep } from "../../../db/repositories/measure-steps.ts";
import { createMeasure } from "../../../db/repositories/measures.ts";
import { systemScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../../db/harness.ts";

const TOKEN = "tick-test-token";
/** 10:00 in Bangkok on a Monday. */
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+07:00`);
let n = 0;

describe.each(DIALECTS)("reminder tick on %s", (dialect) => {
  let h: DbHandle;
  let fake: FakeLinePlatform;
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
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });
  beforeEach(() => fake.reset());

  /** An agency with one member who owns one step due on `dueOn` (daily digests unless said). */
  const world = async (dueOn: string, frequency: "daily" | "weekly" = "daily") => {
    const i = n++;
    const agency = await h.db
      .insertInto("agencies")
      .values({
        code: `TCK${i}`,
        name_th: `เทศบาลตำบลทดสอบ${i}`,
        agency_type: "เทศบาลตำบล",
        province: "เลย",
        district: "ด่านซ้าย",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const lineUserId = `U${String(i).padStart(32, "a")}`;
    const member = await h.db
      .insertInto("members")
      .values({ agency_id: agency.id, line_user_id: lineUserId, role: "editor", display_name: "ผู้รับผิดชอบ" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto("member_prefs")
      .values({ member_id: member.id, agency_id: agency.id, frequency })
      .execute();
    const scope = { agencyId: agency.id, role: "admin" as const };
    const measure = await createMeasure(
      h.db,
      scope,
      { label: "test" },
      {
        fiscalYear: 2568,
        title: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
        steps: [{ title: "จัดทำคู่มือการใช้ทรัพย์สินของราชการ", dueOn, ownerIds: [member.id] }],
      },
    );
    return { lineUserId, stepId: measure.steps[0]!.id, agencyId: agency.id, memberId: member.id };
  };
  const texts = (userId: string) => fake.messagesTo(userId).map((d) => JSON.stringify(d.message));

  it("reminds 7 days before, the day before, on the day and weekly while overdue — each once", async () => {
    const w = await world("2025-03-31");
    const days = [
      "2025-03-24",
      "2025-03-24",
      "2025-03-30",
      "2025-03-31",
      "2025-04-07",
      "2025-04-07",
      "2025-04-14",
    ];
    for (const d of days) {
      clock = at(d);
      await tick(deps());
    }
    const got = texts(w.lineUserId);
    expect(got).toHaveLength(5);
    expect(got[0]).toContain("อีก 7 วันครบกำหนด");
    expect(got[1]).toContain("ครบกำหนดพรุ่งนี้");
    expect(got[2]).toContain("ครบกำหนดวันนี้");
    expect(got[3]).toContain("เลยกำหนดมา 7 วัน");
    expect(got[4]).toContain("เลยกำหนดมา 14 วัน");
    expect(got[0]).toContain(`a=done&s=${w.stepId}`);
  });

  it("by default holds early reminders for the weekly digest day but sends near and overdue ones daily", async () => {
    const w = await world("2025-11-14", "weekly"); // a Friday; Mondays are the weekly day
    const sent: string[] = [];
    for (const d of ["2025-11-07", "2025-11-08", "2025-11-10", "2025-11-11", "2025-11-13", "2025-11-14"]) {
      clock = at(d);
      await tick(deps());
      sent.push(`${d}:${texts(w.lineUserId).length}`);
    }
    // Friday's 7-day notice waits for Monday; then the day before and the day itself.
    expect(sent).toEqual([
      "2025-11-07:0",
      "2025-11-08:0",
      "2025-11-10:1",
      "2025-11-11:1",
      "2025-11-13:2",
      "2025-11-14:3",
    ]);
    expect(texts(w.lineUserId)[0]).toContain("อีก 4 วันครบกำหนด");
  });

  it("sends co-owners of the same steps one multicast, and each of them once", async () => {
    const w = await world("2025-12-12");
    const other = await h.db
      .insertInto("members")
      .values({
        agency_id: w.agencyId,
        line_user_id: `U${"b".repeat(31)}${n++}`.slice(0, 33),
        role: "editor",
        display_name: null,
      })
      .returning(["id", "line_user_id"])
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto("member_prefs")
      .values({ member_id: other.id, agency_id: w.agencyId, frequency: "daily" })
      .execute();
    await updateStep(h.db, systemScope(w.agencyId), { label: "test" }, w.stepId, {
      ownerIds: [w.memberId, other.id],
    });
    clock = at("2025-12-05");
    await tick(deps());
    await tick(deps());
    expect(texts(w.lineUserId)).toHaveLength(1);
    expect(texts(other.line_user_id)).toHaveLength(1);
    expect(fake.messagesTo(w.lineUserId)[0]!.via).toBe("multicast");
    clock = at("2025-12-11");
    await tick(deps());
    expect(texts(w.lineUserId)).toHaveLength(2);
    expect(texts(other.line_user_id)).toHaveLength(2);
  });

  it("waits for the end of quiet hours instead of pushing at night", async () => {
    const w = await world("2025-06-10");
    clock = at("2025-06-03", "21:30");
    await tick(deps());
    expect(texts(w.lineUserId)).toHaveLength(0);
    const waiting = await h.db
      .selectFrom("outbox")
      .select(["status", "send_at"])
      .where("member_id", "=", w.memberId)
      .executeTakeFirstOrThrow();
    expect(waiting.status).toBe("pending");
    expect(new Date(waiting.send_at).toISOString()).toBe("2025-06-04T01:00:00.000Z");
    clock = at("2025-06-04", "08:00");
    await tick(deps());
    expect(texts(w.lineUserId)).toHaveLength(1);
  });

  it("does not send a digest planned at night whose only step was done before morning", async () => {
    const w = await world("2025-06-20");
    clock = at("2025-06-13", "21:30");
    await tick(deps());
    await updateStep(h.db, systemScope(w.agencyId), { label: "test" }, w.stepId, {
      status: "done",
      today: "2025-06-13",
    });
    clock = at("2025-06-14", "08:05");
    await tick(deps());
    expect(texts(w.lineUserId)).toHaveLength(0);
    const row = await h.db
      .selectFrom("outbox")
      .select(["status", "last_error"])
      .where("member_id", "=", w.memberId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("dead");
    expect(row.last_error).toContain("done");
  });

  it("after a week with no tick, sends the overdue notice once and nothing older", async () => {
    const w = await world("2025-05-01");
    clock = at("2025-05-09");
    await tick(deps());
    await tick(deps());
    const got = texts(w.lineUserId);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("เลยกำหนดมา 8 วัน");
  });

  it("sends nothing twice when the clock jumps back", async () => {
    const w = await world("2025-07-01");
    clock = at("2025-07-09");
    await tick(deps());
    clock = at("2025-07-02");
    await tick(deps());
    clock = at("2025-07-09");
    await tick(deps());
    expect(texts(w.lineUserId)).toHaveLength(1);
  });

  it("stops reminding once the step is done", async () => {
    const w = await world("2025-08-08");
    clock = at("2025-08-01");
    await tick(deps());
    await updateStep(h.db, { ...systemScope(w.agencyId) }, { label: "test" }, w.stepId, {
      status: "done",
      today: "2025-08-02",
    });
    for (const d of ["2025-08-07", "2025-08-08", "2025-08-15"]) {
      clock = at(d);
      await tick(deps());
    }
    expect(texts(w.lineUserId)).toHaveLength(1);
  });

  it("plans each notice once when two ticks run at the same time", async () => {
    const w = await world("2025-09-10");
    clock = at("2025-09-03");
    await Promise.all([tick(deps()), tick(deps()), tick(deps())]);
    expect(texts(w.lineUserId)).toHaveLength(1);
  });

  it("holds reminders when the monthly quota is used up and says so in the tick report", async () => {
    const w = await world("2025-10-10");
    fake.quota = { limit: 10, used: 10 };
    clock = at("2025-10-03");
    const report = await tick(deps());
    expect(report.send!.held).toBeGreaterThanOrEqual(1);
    expect(report.send!.sent).toBe(0);
    expect(report.quota).toMatchObject({ used: 10, limit: 10, warned: true });
    expect(texts(w.lineUserId)).toHaveLength(0);
    const held = await h.db
      .selectFrom("outbox")
      .select("status")
      .where("member_id", "=", w.memberId)
      .execute();
    expect(held).toEqual([{ status: "held" }]);
    fake.quota = { limit: 500, used: 10 };
    await tick(deps());
    expect(texts(w.lineUserId)).toHaveLength(1);
  });

  it("plans a backlog bigger than one statement may carry, in batches, once", async () => {
    // Its own database: 250 agencies whose year nobody has touched, planned for the first time in
    // its middle — every step past due at once, more notices than one batch of INSERT holds.
    const big = await openTestDb(dialect);
    try {
      await loadReminderWorld(big.db, reminderWorld(250, 2570));
      const plan = (time: string) =>
        tick({ db: big.db, now: () => at("2027-04-01", time), log: memoryLogger() });
      const first = await plan("10:00");
      expect(first.notices).toBeGreaterThan(4_000);
      const counts = await big.db
        .selectFrom("notices")
        .select((eb) => [
          eb.fn.countAll<number>().as("notices"),
          eb.fn.count<number>("outbox_id").distinct().as("digests"),
        ])
        .executeTakeFirstOrThrow();
      expect({ notices: Number(counts.notices), digests: Number(counts.digests) }).toEqual({
        notices: first.notices,
        digests: first.digests,
      });
      expect(first.superseded).toBeGreaterThan(first.notices);
      expect(await plan("10:01")).toEqual({ digests: 0, notices: 0, superseded: 0 });
    } finally {
      await big.close();
    }
  }, 120_000);
});
