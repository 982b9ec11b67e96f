import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { firstLeadOf, leadDaysFrom, settingsSchema } from "../../core/schemas/settings.ts";
import {
  type ReminderSettings,
  reminderSettings,
  updateReminderSettings,
} from "../../db/repositories/member-prefs.ts";
import { scopeOf } from "../../db/repositories/members.ts";
import type { ApiEnv } from "./context.ts";
import { formJson } from "./form-json.ts";

const query = z.object({ agencyId: z.coerce.number().int().positive() });

const FORBIDDEN = { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" };

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

/** /api/me/settings: the caller's own reminder settings in one of their agencies (audited when changed). */
export function settingsApi() {
  return new Hono<ApiEnv>()
    .get("/me/settings", zValidator("query", query), async (c) => {
      const { agencyId } = c.req.valid("query");
      const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
      if (!membership) return c.json(FORBIDDEN, 403);
      const settings = await reminderSettings(c.get("db"), scopeOf(membership), membership.memberId);
      return c.json(view(agencyId, settings));
    })
    .put("/me/settings", formJson(settingsSchema), async (c) => {
      const input = c.req.valid("json");
      const membership = c.get("memberships").find((m) => m.agencyId === input.agencyId);
      if (!membership) return c.json(FORBIDDEN, 403);
      const settings = await updateReminderSettings(
        c.get("db"),
        scopeOf(membership),
        { label: `line:${c.get("identity").userId}`, memberId: membership.memberId },
        membership.memberId,
        { muted: input.muted, frequency: input.frequency, leadDays: leadDaysFrom(input.firstLeadDays) },
      );
      return c.json(view(input.agencyId, settings));
    });
}
