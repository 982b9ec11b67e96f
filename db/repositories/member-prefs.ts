import type { Kysely } from "kysely";
import { DEFAULT_PREFS } from "../../core/measures/model.ts";
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
