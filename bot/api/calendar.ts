import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { Milestone } from "../../core/calendar/milestone.ts";
import { milestoneSchema } from "../../core/schemas/milestone.ts";
import { daysBetween } from "../../core/thai/date.ts";
import { bangkokDate, fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { NotFoundError, ValidationError } from "../../db/errors.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import {
  calendarFor,
  createAgencyMilestone,
  deleteAgencyMilestone,
  ensureNationalCalendar,
  type StoredMilestone,
  updateMilestone,
} from "../../db/repositories/milestones.ts";
import type { Actor } from "../../db/scope.ts";
import type { ApiEnv } from "./context.ts";
import { FIX_FIELDS, formJson } from "./form-json.ts";

const agencyParam = z.object({ agencyId: z.coerce.number().int().positive() });
const itemParam = agencyParam.extend({ milestoneId: z.coerce.number().int().positive().max(2_147_483_647) });
const query = z.object({ year: z.coerce.number().int().min(2500).max(2700).optional() });

const NOT_MEMBER = { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" };
const ADMINS_ONLY = { error: "วันสำคัญของหน่วยงานแก้ได้เฉพาะผู้ดูแลของหน่วยงาน" };
const NOT_FOUND = { error: "ไม่พบวันสำคัญนี้ในหน่วยงานของท่าน" };

export interface CalendarEntry {
  id: number;
  key: string | null;
  titleTh: string;
  startsOn: string | null;
  dueOn: string;
  kind: Milestone["kind"];
  provisional: boolean;
  /** Days from today (Bangkok) to the due date; negative when past. */
  daysLeft: number;
}

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
const refused = (error: ValidationError) => ({ error: FIX_FIELDS, fields: { dueOn: error.message } });

const actorOf = (userId: string, membership: Membership): Actor => ({
  label: `line:${userId}`,
  memberId: membership.memberId,
});

/**
 * The ITA calendar of a fiscal year for the app: the national dates (read-only; provisional until
 * the NACC's are entered) and the agency's own, which its admins add, move and remove (audited).
 */
export function calendarApi(now: () => Date) {
  return new Hono<ApiEnv>()
    .get(
      "/agencies/:agencyId/calendar",
      zValidator("param", agencyParam),
      zValidator("query", query),
      async (c) => {
        const membership = c.get("memberships").find((m) => m.agencyId === c.req.valid("param").agencyId);
        if (!membership) return c.json(NOT_MEMBER, 403);
        const today = bangkokDate(now());
        const current = fiscalYearAt(now());
        const year = c.req.valid("query").year ?? current;
        const db = c.get("db");
        // The usual dates of the years around now exist even before the first tick (a fresh server).
        if (Math.abs(year - current) <= 1) await ensureNationalCalendar(db, year);
        const all = await calendarFor(db, scopeOf(membership), [year]);
        return c.json({
          year,
          today,
          canEdit: membership.role === "admin",
          national: all.filter((m) => m.agencyId === null).map((m) => entryOf(m, today)),
          own: all.filter((m) => m.agencyId !== null).map((m) => entryOf(m, today)),
        });
      },
    )
    .post(
      "/agencies/:agencyId/calendar",
      zValidator("param", agencyParam),
      formJson(milestoneSchema),
      async (c) => {
        const membership = c.get("memberships").find((m) => m.agencyId === c.req.valid("param").agencyId);
        if (!membership) return c.json(NOT_MEMBER, 403);
        if (membership.role !== "admin") return c.json(ADMINS_ONLY, 403);
        const input = c.req.valid("json");
        try {
          const created = await createAgencyMilestone(
            c.get("db"),
            scopeOf(membership),
            actorOf(c.get("identity").userId, membership),
            input,
          );
          return c.json({ entry: entryOf(created, bangkokDate(now())) }, 201);
        } catch (error) {
          if (error instanceof ValidationError) return c.json(refused(error), 400);
          throw error;
        }
      },
    )
    .patch(
      "/agencies/:agencyId/calendar/:milestoneId",
      zValidator("param", itemParam),
      formJson(milestoneSchema),
      async (c) => {
        const { agencyId, milestoneId } = c.req.valid("param");
        const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
        if (!membership) return c.json(NOT_MEMBER, 403);
        if (membership.role !== "admin") return c.json(ADMINS_ONLY, 403);
        try {
          const updated = await updateMilestone(
            c.get("db"),
            scopeOf(membership),
            actorOf(c.get("identity").userId, membership),
            milestoneId,
            c.req.valid("json"),
          );
          return c.json({ entry: entryOf(updated, bangkokDate(now())) });
        } catch (error) {
          if (error instanceof NotFoundError) return c.json(NOT_FOUND, 404);
          if (error instanceof ValidationError) return c.json(refused(error), 400);
          throw error;
        }
      },
    )
    .delete("/agencies/:agencyId/calendar/:milestoneId", zValidator("param", itemParam), async (c) => {
      const { agencyId, milestoneId } = c.req.valid("param");
      const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
      if (!membership) return c.json(NOT_MEMBER, 403);
      if (membership.role !== "admin") return c.json(ADMINS_ONLY, 403);
      try {
        await deleteAgencyMilestone(
          c.get("db"),
          scopeOf(membership),
          actorOf(c.get("identity").userId, membership),
          milestoneId,
        );
        return c.json({ ok: true });
      } catch (error) {
        if (error instanceof NotFoundError) return c.json(NOT_FOUND, 404);
        throw error;
      }
    });
}
