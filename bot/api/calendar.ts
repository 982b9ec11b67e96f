import { Hono } from "hono";
import { z } from "zod";
import type { CalendarEntry } from "../../core/api/calendar.ts";
import { milestoneSchema } from "../../core/schemas/milestone.ts";
import { daysBetween } from "../../core/thai/date.ts";
import { bangkokDate, fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { ValidationError } from "../../db/errors.ts";
import {
  calendarFor,
  createAgencyMilestone,
  deleteAgencyMilestone,
  ensureNationalCalendar,
  type StoredMilestone,
  updateMilestone,
} from "../../db/repositories/milestones.ts";
import { badFields, inThai } from "../http/errors.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { dbId, formJson, validParams, validQuery } from "./validate.ts";

const itemParam = z.object({ milestoneId: dbId });
const query = z.object({ year: z.coerce.number().int().min(2500).max(2700).optional() });

const ADMINS_ONLY = "วันสำคัญของหน่วยงานแก้ได้เฉพาะผู้ดูแลของหน่วยงาน";

const entryOf = (m: StoredMilestone, today: string): CalendarEntry => ({
  id: m.id,
  key: m.key ?? null,
  titleTh: m.titleTh,
  startsOn: m.startsOn ?? null,
  dueOn: m.dueOn,
  kind: m.kind,
  provisional: m.provisional,
  daysLeft: daysBetween(today, m.dueOn),
});

/** A date the form's schema let through but the calendar cannot hold, said on the date field. */
async function onDueOn<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ValidationError) throw badFields({ dueOn: inThai(error) });
    throw error;
  }
}

/**
 * The ITA calendar of a fiscal year for the app: the national dates (read-only; provisional until
 * the NACC's are entered) and the agency's own, which its admins add, move and remove (audited).
 */
export function calendarApi(now: () => Date) {
  return new Hono<ApiEnv>()
    .get("/agencies/:agencyId/calendar", agencyGuard("viewer"), validQuery(query), async (c) => {
      const today = bangkokDate(now());
      const current = fiscalYearAt(now());
      const year = c.req.valid("query").year ?? current;
      const db = c.get("db");
      // The usual dates of the years around now exist even before the first tick (a fresh server).
      if (Math.abs(year - current) <= 1) await ensureNationalCalendar(db, year);
      const all = await calendarFor(db, c.get("scope"), [year]);
      return c.json({
        year,
        today,
        canEdit: c.get("membership").role === "admin",
        national: all.filter((m) => m.agencyId === null).map((m) => entryOf(m, today)),
        own: all.filter((m) => m.agencyId !== null).map((m) => entryOf(m, today)),
      });
    })
    .post(
      "/agencies/:agencyId/calendar",
      agencyGuard("admin", ADMINS_ONLY),
      formJson(milestoneSchema),
      async (c) => {
        const created = await onDueOn(
          createAgencyMilestone(c.get("db"), c.get("scope"), c.get("actor"), c.req.valid("json")),
        );
        return c.json({ entry: entryOf(created, bangkokDate(now())) }, 201);
      },
    )
    .patch(
      "/agencies/:agencyId/calendar/:milestoneId",
      agencyGuard("admin", ADMINS_ONLY),
      validParams(itemParam),
      formJson(milestoneSchema),
      async (c) => {
        const updated = await onDueOn(
          updateMilestone(
            c.get("db"),
            c.get("scope"),
            c.get("actor"),
            c.req.valid("param").milestoneId,
            c.req.valid("json"),
          ),
        );
        return c.json({ entry: entryOf(updated, bangkokDate(now())) });
      },
    )
    .delete(
      "/agencies/:agencyId/calendar/:milestoneId",
      agencyGuard("admin", ADMINS_ONLY),
      validParams(itemParam),
      async (c) => {
        await deleteAgencyMilestone(
          c.get("db"),
          c.get("scope"),
          c.get("actor"),
          c.req.valid("param").milestoneId,
        );
        return c.json({ ok: true });
      },
    );
}
