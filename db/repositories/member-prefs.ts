import { type Kysely, sql } from "kysely";
import { DEFAULT_PREFS, type MemberPrefs } from "../../core/measures/model.ts";
import { changedFields, recordChange } from "../audit.ts";
import type { Database } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";

export interface ReminderSettings {
  muted: boolean;
  leadDays: number[];
  quietStart: string;
  quietEnd: string;
  frequency: "daily" | "weekly";
  weeklyDay: number;
}

export type SettingsPatch = Partial<Pick<ReminderSettings, "muted" | "leadDays" | "frequency" | "weeklyDay">>;

const defaults = (): ReminderSettings => ({ ...DEFAULT_PREFS, leadDays: [...DEFAULT_PREFS.leadDays] });

/** A member's own reminder settings (defaults until changed). */
export async function reminderSettings(
  db: Kysely<Database>,
  scope: AgencyScope,
  memberId: number,
): Promise<ReminderSettings> {
  const row = await db
    .selectFrom("member_prefs")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("agency_id", "=", scope.agencyId)
    .executeTakeFirst();
  if (!row) return defaults();
  return {
    muted: row.muted,
    leadDays: row.lead_days,
    quietStart: row.quiet_start,
    quietEnd: row.quiet_end,
    frequency: row.frequency,
    weeklyDay: row.weekly_day,
  };
}

/** Changes a member's own settings, audited; only what differs is written. */
export async function updateReminderSettings(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  memberId: number,
  patch: SettingsPatch,
): Promise<ReminderSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await reminderSettings(trx, scope, memberId);
    const after: ReminderSettings = { ...before, ...patch };
    const changes = changedFields(before, after);
    if (changes.keys.length === 0) return before;
    const values = {
      muted: after.muted,
      lead_days: after.leadDays,
      frequency: after.frequency,
      weekly_day: after.weeklyDay,
    };
    await trx
      .insertInto("member_prefs")
      .values({ member_id: memberId, agency_id: scope.agencyId, ...values })
      .onConflict((oc) => oc.column("member_id").doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    await recordChange(trx, actor, {
      agencyId: scope.agencyId,
      action: "reminder_settings.update",
      entity: "member",
      entityId: memberId,
      before: changes.before,
      after: changes.after,
    });
    return after;
  });
}

export interface ReminderRecipient {
  prefs: MemberPrefs;
  agencyId: number;
  agencyName: string;
}

/**
 * SYSTEM USE ONLY (the planner): the reminder settings of the active members among `memberIds`,
 * across agencies, with each member's agency. Members who left are not in the map.
 */
export async function reminderRecipients(
  db: Kysely<Database>,
  memberIds: readonly number[],
): Promise<Map<number, ReminderRecipient>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("members as m")
    .innerJoin("agencies as g", "g.id", "m.agency_id")
    .leftJoin("member_prefs as p", "p.member_id", "m.id")
    .leftJoin("line_users as u", "u.line_user_id", "m.line_user_id")
    .select([
      "m.id",
      "m.line_user_id",
      "m.agency_id",
      "g.name_th",
      "p.muted",
      "p.lead_days",
      "p.quiet_start",
      "p.quiet_end",
      "p.frequency",
      "p.weekly_day",
      "u.following",
    ])
    // One array parameter, however many members: a national tick names tens of thousands.
    .where(sql<boolean>`m.id = any(${memberIds}::int[])`)
    .where("m.active", "=", true)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        agencyId: r.agency_id,
        agencyName: r.name_th,
        prefs: {
          memberId: r.id,
          lineUserId: r.line_user_id,
          // Someone who blocked the account gets nothing pushed; their notices wait.
          muted: (r.muted ?? DEFAULT_PREFS.muted) || r.following === false,
          leadDays: r.lead_days ?? DEFAULT_PREFS.leadDays,
          quietStart: r.quiet_start ?? DEFAULT_PREFS.quietStart,
          quietEnd: r.quiet_end ?? DEFAULT_PREFS.quietEnd,
          frequency: r.frequency ?? DEFAULT_PREFS.frequency,
          weeklyDay: r.weekly_day ?? DEFAULT_PREFS.weeklyDay,
        },
      },
    ]),
  );
}

/**
 * SYSTEM USE ONLY (the planner): every pair of quiet hours members use ("HH:MM" start, end), the
 * defaults included, so that each member's digest day can be worked out once per pair.
 */
export async function quietHourSettings(
  db: Kysely<Database>,
): Promise<{ quietStart: string; quietEnd: string }[]> {
  const rows = await db.selectFrom("member_prefs").select(["quiet_start", "quiet_end"]).distinct().execute();
  const pairs = new Map<string, { quietStart: string; quietEnd: string }>();
  for (const { quietStart, quietEnd } of [
    DEFAULT_PREFS,
    ...rows.map((r) => ({ quietStart: r.quiet_start, quietEnd: r.quiet_end })),
  ]) {
    pairs.set(`${quietStart}-${quietEnd}`, { quietStart, quietEnd });
  }
  return [...pairs.values()];
}

/**
 * Sets the reminder frequency of every active member of the agency, each change audited as the
 * member's own would be. Returns how many members there are.
 */
export async function setAgencyReminderFrequency(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  frequency: ReminderSettings["frequency"],
): Promise<number> {
  const members = await db
    .selectFrom("members")
    .select("id")
    .where("agency_id", "=", scope.agencyId)
    .where("active", "=", true)
    .execute();
  for (const m of members) await updateReminderSettings(db, scope, actor, m.id, { frequency });
  return members.length;
}
