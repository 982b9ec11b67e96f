import { Hono } from "hono";
import { z } from "zod";
import { textAnswer } from "../../core/chat/flex/index.ts";
import { STATUS_TH } from "../../core/measures/model.ts";
import { stepStatusSchema } from "../../core/schemas/step-status.ts";
import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import { reachableLineUserIds } from "../../db/repositories/line-users.ts";
import { effectiveStepOwners } from "../../db/repositories/measure-owners.ts";
import { getStep, updateStep } from "../../db/repositories/measure-steps.ts";
import { getMeasure, listMeasures } from "../../db/repositories/measures.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import { enqueueMessage } from "../../db/repositories/outbox.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiDeps, ApiEnv } from "./context.ts";
import { measureEditApi } from "./measure-edit.ts";
import { dbId, formJson, validParams, validQuery } from "./validate.ts";

const stepParam = z.object({ stepId: dbId });
const listQuery = z.object({
  filter: z.enum(["all", "mine", "overdue"]).default("all"),
  year: z.coerce.number().int().optional(),
  indicator: z.coerce.number().int().min(1).max(99).optional(),
});

/**
 * /api/agencies/:agencyId/measures and the step status form, scoped to the caller's agency and role;
 * creating and editing measures and step plans is measure-edit.ts.
 */
export function measuresApi(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .get("/agencies/:agencyId/measures", agencyGuard("viewer"), validQuery(listQuery), async (c) => {
      const membership = c.get("membership");
      const { filter, year, indicator } = c.req.valid("query");
      const measures = await listMeasures(c.get("db"), c.get("scope"), {
        ...(year ? { fiscalYear: year } : {}),
        ...(indicator ? { indicator } : {}),
        ...(filter === "mine" ? { ownerMemberId: membership.memberId } : {}),
        ...(filter === "overdue" ? { overdueOn: bangkokDate(deps.now()) } : {}),
      });
      return c.json({ role: membership.role, measures });
    })
    .post(
      "/agencies/:agencyId/steps/:stepId/status",
      agencyGuard("editor", "บทบาทผู้ดูแก้ไขไม่ได้"),
      validParams(stepParam),
      formJson(stepStatusSchema),
      async (c) => {
        const { stepId } = c.req.valid("param");
        const input = c.req.valid("json");
        const membership = c.get("membership");
        const identity = c.get("identity");
        const today = bangkokDate(deps.now());
        const db = c.get("db");
        const step = await db.transaction().execute(async (trx) => {
          const updated = await updateStep(
            trx,
            c.get("scope"),
            c.get("actor"),
            stepId,
            {
              status: input.status,
              progress: input.status === "done" ? 100 : input.progress,
              note: input.note,
              evidenceUrl: input.evidenceUrl || null,
              ...(input.doneOn ? { doneOn: input.doneOn } : {}),
              today,
            },
            { recomputeMeasure: true },
          );
          await notifyOwners(trx, membership, identity.userId, identity.name, updated.id, deps.now());
          return updated;
        });
        return c.json({ step });
      },
    )
    .route("/", measureEditApi());
}

/**
 * Those who answer for the step (effectiveStepOwners: the rule the reminders follow) hear about a
 * status change in LINE through the outbox, but for whoever made it.
 */
async function notifyOwners(
  trx: Parameters<typeof getStep>[0],
  membership: Membership,
  actorLineId: string,
  actorName: string | undefined,
  stepId: number,
  now: Date,
): Promise<void> {
  const scope = scopeOf(membership);
  const step = await getStep(trx, scope, stepId);
  if (!step) return;
  const measure = await getMeasure(trx, scope, step.measureId);
  if (!measure) return;
  const ownerIds = (await effectiveStepOwners(trx, scope, stepId)) ?? [];
  const recipients = (await reachableLineUserIds(trx, scope, ownerIds)).filter((id) => id !== actorLineId);
  if (recipients.length === 0) return;
  const who = actorName ?? "สมาชิก";
  const text = `📌 ${who} อัปเดต "${step.title}" (มาตรการ ${measure.title}) เป็น ${STATUS_TH[step.status]} ${step.progress}%${
    step.note ? `\nหมายเหตุ: ${step.note}` : ""
  }${step.evidenceUrl ? `\nหลักฐาน: ${step.evidenceUrl}` : ""}`;
  await enqueueMessage(trx, {
    agencyId: membership.agencyId,
    recipients,
    kind: "status_update",
    day: bangkokDate(now),
    payload: [textAnswer(text, ["งานของฉัน", "มาตรการ"])],
    sendAt: now,
    naturalKey: `status|${stepId}|${now.toISOString()}`,
  });
}
