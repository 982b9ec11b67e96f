import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PREFS } from "../../../core/measures/model.ts";
import type { DbHandle } from "../../../db/client.ts";
import {
  reminderRecipients,
  reminderSettings,
  setAgencyReminderFrequency,
  updateReminderSettings,
} from "../../../db/repositories/member-prefs.ts";
import { systemScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("member reminder settings on %s", (dialect) => {
  let h: DbHandle;
  let n = 0;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  const agency = async (name: string) =>
    (
      await h.db
        .insertInto("agencies")
        .values({
          code: `PRF${n++}`,
          name_th: name,
          agency_type: "เทศบาลตำบล",
          province: "เลย",
          district: "ด่านซ้าย",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const member = async (agencyId: number, options: { active?: boolean } = {}) => {
    const lineUserId = `Uprefs${n++}`;
    const { id } = await h.db
      .insertInto("members")
      .values({
        agency_id: agencyId,
        line_user_id: lineUserId,
        role: "editor",
        active: options.active ?? true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id, lineUserId };
  };

  describe("reminderRecipients", () => {
    it("gives the defaults to a member who never changed them, with the member's agency", async () => {
      const agencyId = await agency("เทศบาลตำบลค่าตั้งต้น");
      const m = await member(agencyId);
      const recipients = await reminderRecipients(h.db, [m.id]);
      expect(recipients.get(m.id)).toEqual({
        agencyId,
        agencyName: "เทศบาลตำบลค่าตั้งต้น",
        prefs: { memberId: m.id, lineUserId: m.lineUserId, ...DEFAULT_PREFS },
      });
    });

    it("gives a member's own settings, across agencies", async () => {
      const first = await agency("เทศบาลตำบลหนึ่ง");
      const second = await agency("เทศบาลตำบลสอง");
      const a = await member(first);
      const b = await member(second);
      await updateReminderSettings(h.db, systemScope(second), { label: "test" }, b.id, {
        frequency: "daily",
        leadDays: [3, 0],
      });
      const recipients = await reminderRecipients(h.db, [a.id, b.id]);
      expect(recipients.get(a.id)?.prefs.frequency).toBe(DEFAULT_PREFS.frequency);
      expect(recipients.get(b.id)).toMatchObject({
        agencyId: second,
        prefs: { frequency: "daily", leadDays: [3, 0] },
      });
    });

    it("leaves out members who left, and mutes those who blocked the account", async () => {
      const agencyId = await agency("เทศบาลตำบลออก");
      const left = await member(agencyId, { active: false });
      const blocked = await member(agencyId);
      const following = await member(agencyId);
      await h.db
        .insertInto("line_users")
        .values([
          { line_user_id: blocked.lineUserId, following: false },
          { line_user_id: following.lineUserId, following: true },
        ])
        .execute();
      const recipients = await reminderRecipients(h.db, [left.id, blocked.id, following.id]);
      expect([...recipients.keys()].sort((x, y) => x - y)).toEqual([blocked.id, following.id]);
      expect(recipients.get(blocked.id)?.prefs.muted).toBe(true);
      expect(recipients.get(following.id)?.prefs.muted).toBe(false);
      expect(await reminderRecipients(h.db, [])).toEqual(new Map());
    });
  });

  describe("setAgencyReminderFrequency", () => {
    it("sets every active member of the agency, audits each change, and touches no one else", async () => {
      const agencyId = await agency("เทศบาลตำบลรายวัน");
      const elsewhere = await agency("เทศบาลตำบลอื่น");
      const a = await member(agencyId);
      const b = await member(agencyId);
      const left = await member(agencyId, { active: false });
      const outsider = await member(elsewhere);
      const count = await setAgencyReminderFrequency(
        h.db,
        systemScope(agencyId),
        { label: "cli:reminders" },
        "daily",
      );
      expect(count).toBe(2);
      for (const m of [a, b])
        expect((await reminderSettings(h.db, systemScope(agencyId), m.id)).frequency).toBe("daily");
      expect((await reminderSettings(h.db, systemScope(agencyId), left.id)).frequency).toBe(
        DEFAULT_PREFS.frequency,
      );
      expect((await reminderSettings(h.db, systemScope(elsewhere), outsider.id)).frequency).toBe(
        DEFAULT_PREFS.frequency,
      );
      const audits = await h.db
        .selectFrom("audit_log")
        .select(["entity_id", "actor"])
        .where("action", "=", "reminder_settings.update")
        .where("agency_id", "=", agencyId)
        .execute();
      expect(audits.map((r) => r.entity_id).sort()).toEqual([String(a.id), String(b.id)].sort());
      expect(audits.every((r) => r.actor === "cli:reminders")).toBe(true);
    });
  });
});
