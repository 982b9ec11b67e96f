import { Hono } from "hono";
import { z } from "zod";
import { firstLeadOf, leadDaysFrom, settingsSchema } from "../../core/schemas/settings.ts";
import {
  type ReminderSettings,
  reminderSettings,
  updateReminderSettings,
} from "../../db/repositories/member-prefs.ts";
import { adminQuotaNotes } from "../quota-notes.ts";
import { agencyAccess } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { formJson, validQuery } from "./validate.ts";

// The agency id is read and checked by agencyAccess, by the same rule as an agency route's path.
const query = z.object({ agencyId: z.string() });

function view(agencyId: number, s: ReminderSettings) {
  return {
    agencyId,
    muted: s.muted,
    frequency: s.frequency,
    firstLeadDays: firstLeadOf(s.leadDays),
    leadDays: s.leadDays,
    weeklyDay: s.weeklyDay,
    quietStart: s.quietStart,
    quietEnd: s.quietEnd,
  };
}

/**
 * /api/me/settings: the caller's own reminder settings in one of their agencies (audited when
 * changed); /api/me/quota: for an agency's admins, what they are told about the message quota.
 */
export function settingsApi(now: () => Date) {
  return new Hono<ApiEnv>()
    .get("/me/settings", validQuery(query), async (c) => {
      const { scope } = agencyAccess(c, c.req.valid("query").agencyId, "viewer");
      const settings = await reminderSettings(c.get("db"), scope, scope.memberId);
      return c.json(view(scope.agencyId, settings));
    })
    .put("/me/settings", formJson(settingsSchema), async (c) => {
      const input = c.req.valid("json");
      const { scope, actor } = agencyAccess(c, input.agencyId, "viewer");
      const settings = await updateReminderSettings(c.get("db"), scope, actor, scope.memberId, {
        muted: input.muted,
        frequency: input.frequency,
        leadDays: leadDaysFrom(input.firstLeadDays),
      });
      return c.json(view(scope.agencyId, settings));
    })
    .get("/me/quota", validQuery(query), async (c) => {
      const { scope } = agencyAccess(c, c.req.valid("query").agencyId, "admin");
      return c.json({ notes: await adminQuotaNotes(c.get("db"), scope.agencyId, now()) });
    });
}
