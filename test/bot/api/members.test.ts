import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  NEWCOMER,
  NOW,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  visibleText,
  type World,
} from "../world.ts";
import { API_CHANNEL, apiCaller, apiFor, demoAgencyIds } from "./harness.ts";

const _CHANNEL = API_CHANNEL;

describe("members and invites API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  let laeng: number;
  let demo: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri, laeng, demo } = await demoAgencyIds(w));
  });
  afterAll(async () => {
    await w.close();
  });

  const call = (userId: string, method: string, path: string, body?: unknown) =>
    apiCaller(w, api, { name: "ทดสอบ" })(userId, method, path, body);
  const memberIdOf = async (agencyId: number, lineUserId: string) =>
    (
      await w.db
        .selectFrom("members")
        .select("id")
        .where("agency_id", "=", agencyId)
        .where("line_user_id", "=", lineUserId)
        .executeTakeFirstOrThrow()
    ).id;
  const addMember = async (agencyId: number, lineUserId: string, role: "admin" | "editor" | "viewer") =>
    (
      await w.db
        .insertInto("members")
        .values({ agency_id: agencyId, line_user_id: lineUserId, role, display_name: "เพื่อนร่วมงาน" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const memberRow = (id: number) =>
    w.db.selectFrom("members").select(["role", "active"]).where("id", "=", id).executeTakeFirstOrThrow();

  it("lists the agency's active members to admins and editors, with role and joined date", async () => {
    const r = await call(SRI, "GET", `/agencies/${sri}/members`);
    expect(r.status).toBe(200);
    const me = await memberIdOf(sri, SRI);
    expect(r.json).toMatchObject({ role: "admin", myMemberId: me });
    expect(r.json.members).toContainEqual({
      id: me,
      displayName: expect.stringContaining("สมชาย"),
      role: "admin",
      active: true,
      joinedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const editor = await call(EDITOR, "GET", `/agencies/${demo}/members`);
    expect(editor.status).toBe(200);
    expect(editor.json.role).toBe("editor");
  });

  it("refuses the list to viewers and to members of another agency", async () => {
    const viewer = await call(LAENG, "GET", `/agencies/${laeng}/members`);
    expect(viewer.status).toBe(403);
    expect(viewer.json.error).toContain("ผู้ดู");
    expect((await call(LAENG, "GET", `/agencies/${sri}/members`)).status).toBe(403);
    expect((await call(NEWCOMER, "GET", `/agencies/${sri}/members`)).status).toBe(403);
  });

  it("lets an admin change a member's role, audited with before and after", async () => {
    const colleague = await addMember(sri, `U${"a".repeat(32)}`, "viewer");
    const r = await call(SRI, "PATCH", `/agencies/${sri}/members/${colleague}`, { role: "editor" });
    expect(r.status).toBe(200);
    expect(r.json.member).toMatchObject({ id: colleague, role: "editor", active: true });
    expect(await memberRow(colleague)).toEqual({ role: "editor", active: true });
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["actor", "member_id", "agency_id", "before", "after"])
      .where("action", "=", "member.update")
      .where("entity_id", "=", String(colleague))
      .execute();
    expect(audit).toEqual([
      {
        actor: `line:${SRI}`,
        member_id: await memberIdOf(sri, SRI),
        agency_id: sri,
        before: { role: "viewer" },
        after: { role: "editor" },
      },
    ]);
    // The same role again changes nothing and writes no audit row.
    expect(
      (await call(SRI, "PATCH", `/agencies/${sri}/members/${colleague}`, { role: "editor" })).status,
    ).toBe(200);
    const rows = await w.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "member.update")
      .where("entity_id", "=", String(colleague))
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("lets an admin deactivate a member, who then leaves the list and loses access", async () => {
    const leaver = `U${"b".repeat(32)}`;
    const id = await addMember(sri, leaver, "editor");
    expect((await call(leaver, "GET", `/agencies/${sri}/members`)).status).toBe(200);
    const r = await call(SRI, "PATCH", `/agencies/${sri}/members/${id}`, { active: false });
    expect(r.status).toBe(200);
    expect(await memberRow(id)).toEqual({ role: "editor", active: false });
    const list = await call(SRI, "GET", `/agencies/${sri}/members`);
    expect((list.json.members as { id: number }[]).map((m) => m.id)).not.toContain(id);
    expect((await call(leaver, "GET", `/agencies/${sri}/members`)).status).toBe(403);
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "member.update")
      .where("entity_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ before: { active: true }, after: { active: false } });
  });

  it("refuses member changes from editors, viewers and other agencies", async () => {
    const other = await addMember(demo, `U${"d".repeat(32)}`, "viewer");
    const byEditor = await call(EDITOR, "PATCH", `/agencies/${demo}/members/${other}`, { role: "admin" });
    expect(byEditor.status).toBe(403);
    expect(byEditor.json.error).toContain("ผู้ดูแล");
    const laengViewer = await memberIdOf(laeng, LAENG);
    expect(
      (await call(LAENG, "PATCH", `/agencies/${laeng}/members/${laengViewer}`, { role: "admin" })).status,
    ).toBe(403);
    // Someone of another agency naming ours is refused; our admin naming their member finds nothing.
    expect((await call(EDITOR, "PATCH", `/agencies/${sri}/members/${other}`, { role: "admin" })).status).toBe(
      403,
    );
    expect((await call(SRI, "PATCH", `/agencies/${sri}/members/${other}`, { role: "admin" })).status).toBe(
      404,
    );
    expect(await memberRow(other)).toEqual({ role: "viewer", active: true });
    expect(await memberRow(laengViewer)).toEqual({ role: "viewer", active: true });
  });

  it("answers a bad body with Thai messages per field", async () => {
    const me = await memberIdOf(sri, SRI);
    const bad = await call(SRI, "PATCH", `/agencies/${sri}/members/${me}`, { role: "boss" });
    expect(bad.status).toBe(400);
    expect((bad.json.fields as Record<string, string>).role).toContain("ผู้ดูแล");
    expect((await call(SRI, "PATCH", `/agencies/${sri}/members/${me}`, {})).status).toBe(400);
  });

  it("creates an invite code that a newcomer uses in chat with เชื่อมต่อ", async () => {
    const r = await call(SRI, "POST", `/agencies/${sri}/invites`, { role: "editor", maxUses: 2, hours: 48 });
    expect(r.status).toBe(201);
    const code = r.json.code as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(r.json.expiresAt).toBe(new Date(NOW.getTime() + 48 * 3600_000).toISOString());
    const audit = await w.db
      .selectFrom("audit_log")
      .select(["actor", "after"])
      .where("action", "=", "invite.create")
      .where("agency_id", "=", sri)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: `line:${SRI}`, after: { role: "editor", maxUses: 2 } });

    const replies = await w.say(NEWCOMER, `เชื่อมต่อ ${code}`);
    expect(replies.map(visibleText).join("\n")).toContain("ในบทบาทผู้แก้ไข");
    const me = await call(NEWCOMER, "GET", "/me");
    expect(me.json.memberships).toMatchObject([{ agencyId: sri, role: "editor" }]);
    const list = await call(SRI, "GET", `/agencies/${sri}/members`);
    expect(list.json.members).toContainEqual(
      expect.objectContaining({ role: "editor", displayName: expect.stringContaining("ผู้ใช้ใหม่") }),
    );
  });

  it("refuses invites from non-admins and out-of-range invites", async () => {
    expect(
      (await call(EDITOR, "POST", `/agencies/${demo}/invites`, { role: "viewer", maxUses: 1, hours: 1 }))
        .status,
    ).toBe(403);
    expect(
      (await call(LAENG, "POST", `/agencies/${sri}/invites`, { role: "admin", maxUses: 1, hours: 1 })).status,
    ).toBe(403);
    const bad = await call(SRI, "POST", `/agencies/${sri}/invites`, {
      role: "editor",
      maxUses: 0,
      hours: 721,
    });
    expect(bad.status).toBe(400);
    const fields = bad.json.fields as Record<string, string>;
    expect(fields.maxUses).toContain("1");
    expect(fields.hours).toContain("720");
  });

  it("never leaves an agency without an admin: the last admin cannot demote or deactivate themselves", async () => {
    const me = await memberIdOf(sri, SRI);
    for (const change of [{ role: "editor" }, { active: false }, { role: "viewer", active: true }]) {
      const r = await call(SRI, "PATCH", `/agencies/${sri}/members/${me}`, change);
      expect(r.status).toBe(400);
      expect(r.json.error).toContain("ผู้ดูแลอย่างน้อย 1 คน");
    }
    expect(await memberRow(me)).toEqual({ role: "admin", active: true });
    expect(
      await w.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "member.update")
        .where("entity_id", "=", String(me))
        .execute(),
    ).toEqual([]);

    // With a second admin, the first may step down.
    const deputy = await addMember(sri, `U${"e".repeat(32)}`, "editor");
    expect((await call(SRI, "PATCH", `/agencies/${sri}/members/${deputy}`, { role: "admin" })).status).toBe(
      200,
    );
    const down = await call(SRI, "PATCH", `/agencies/${sri}/members/${me}`, { role: "editor" });
    expect(down.status).toBe(200);
    expect(await memberRow(me)).toEqual({ role: "editor", active: true });
    // Now the deputy is the last admin.
    const deputyLine = `U${"e".repeat(32)}`;
    expect(
      (await call(deputyLine, "PATCH", `/agencies/${sri}/members/${deputy}`, { active: false })).status,
    ).toBe(400);
  });
});
