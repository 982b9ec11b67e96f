import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { createInvite, redeemInvite } from "../../../db/repositories/invites.ts";
import { membershipsOf } from "../../../db/repositories/members.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

const NOW = new Date("2026-11-25T03:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
let n = 0;
const user = () => `U${String(process.pid).padStart(8, "0")}${String(n++).padStart(24, "0")}`;

describe.each(DIALECTS)("invites on %s", (dialect) => {
  let h: DbHandle;
  let agencyId: number;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const row = await h.db
      .insertInto("agencies")
      .values({
        code: "INV1",
        name_th: "เทศบาลตำบลทดสอบ",
        agency_type: "เทศบาลตำบล",
        province: "เลย",
        district: "ด่านซ้าย",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    agencyId = row.id;
  });
  afterAll(async () => {
    await h.close();
  });

  it("joins a LINE user to the agency with the invite's role, once, and audits it", async () => {
    const invite = await createInvite(h.db, agencyId, "editor", { label: "test" }, NOW);
    expect(invite.code).toMatch(/^\d{6}$/);
    const u = user();
    const joined = await redeemInvite(h.db, u, "สมชาย", invite.code, later(1));
    expect(joined).toMatchObject({ ok: true, agencyId, role: "editor", alreadyMember: false });
    expect(await membershipsOf(h.db, u)).toMatchObject([
      { agencyId, role: "editor", agencyName: "เทศบาลตำบลทดสอบ" },
    ]);
    const audit = await h.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("action", "=", "member.join")
      .execute();
    expect(audit.some((a) => a.actor === `line:${u}`)).toBe(true);
    // Single use: a second person cannot use it.
    expect(await redeemInvite(h.db, user(), null, invite.code, later(2))).toEqual({
      ok: false,
      reason: "used",
    });
    // The same person again is told they are already in.
    expect(await redeemInvite(h.db, u, "สมชาย", invite.code, later(2))).toMatchObject({
      ok: true,
      alreadyMember: true,
    });
  });

  it("refuses an expired code", async () => {
    const invite = await createInvite(h.db, agencyId, "viewer", { label: "test" }, NOW, { ttlHours: 1 });
    expect(await redeemInvite(h.db, user(), null, invite.code, later(2))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("lets a code with several uses be used that many times", async () => {
    const invite = await createInvite(h.db, agencyId, "viewer", { label: "test" }, NOW, { maxUses: 2 });
    expect((await redeemInvite(h.db, user(), null, invite.code, NOW)).ok).toBe(true);
    expect((await redeemInvite(h.db, user(), null, invite.code, NOW)).ok).toBe(true);
    expect(await redeemInvite(h.db, user(), null, invite.code, NOW)).toEqual({ ok: false, reason: "used" });
  });

  it("stores only a hash of the code", async () => {
    const invite = await createInvite(h.db, agencyId, "viewer", { label: "test" }, NOW);
    const rows = await h.db.selectFrom("invites").select("code_hash").execute();
    expect(rows.some((r) => r.code_hash.includes(invite.code))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash))).toBe(true);
  });

  it("locks a user out for an hour after five wrong codes", async () => {
    const u = user();
    const invite = await createInvite(h.db, agencyId, "viewer", { label: "test" }, NOW);
    const wrong = invite.code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++)
      expect(await redeemInvite(h.db, u, null, wrong, NOW)).toEqual({ ok: false, reason: "unknown" });
    expect(await redeemInvite(h.db, u, null, invite.code, NOW)).toEqual({ ok: false, reason: "locked" });
    expect((await redeemInvite(h.db, u, null, invite.code, later(1.1))).ok).toBe(true);
  });

  it("counts a hundred wrong codes sent at once one by one: five are tried, the rest are locked out", async () => {
    const u = user();
    const invite = await createInvite(h.db, agencyId, "viewer", { label: "test" }, NOW);
    const wrong = (i: number) => {
      const code = String(100000 + i);
      return code === invite.code ? String(900000 + i) : code;
    };
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => redeemInvite(h.db, u, null, wrong(i), NOW)),
    );
    const reasons = outcomes.map((o) => (o.ok ? "joined" : o.reason));
    expect(reasons.filter((r) => r === "unknown")).toHaveLength(5);
    expect(reasons.filter((r) => r === "locked")).toHaveLength(95);
    const attempts = await h.db
      .selectFrom("invite_attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("line_user_id", "=", u)
      .executeTakeFirstOrThrow();
    expect(Number(attempts.n)).toBe(5);
  });
});
