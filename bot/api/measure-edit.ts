import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import {
  dueOutsidePeriod,
  formFieldErrors,
  measureCreateSchema,
  measureEditSchema,
  periodProblems,
  stepPlanPatchSchema,
  stepPlanSchema,
} from "../../core/schemas/measure-form.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../db/errors.ts";
import { NotMembersError } from "../../db/repositories/measure-owners.ts";
import {
  addStep,
  deleteStep,
  getStep,
  StepInUseError,
  updateStep,
} from "../../db/repositories/measure-steps.ts";
import { createMeasure, getMeasure, updateMeasure } from "../../db/repositories/measures.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import type { ApiEnv } from "./context.ts";
import { FIX_FIELDS, formJson } from "./form-json.ts";
import { frameworkAtOrBefore } from "./frameworks.ts";

// Creating and editing measures and their steps' plans (title, due date, owners) from the LIFF app.
// Admins and editors only; every write goes through the repository, which audits it in the same
// transaction. Inputs are checked with the forms' own schemas, answered with Thai field messages.

const agencyParam = z.object({ agencyId: z.coerce.number().int().positive() });
const measureParam = agencyParam.extend({ measureId: z.coerce.number().int().positive() });
const stepParam = agencyParam.extend({ stepId: z.coerce.number().int().positive() });

const NOT_MEMBER = { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" };
const VIEWER = { error: "บทบาทผู้ดูแก้ไขมาตรการไม่ได้ ติดต่อผู้ดูแลของหน่วยงานหากต้องการสิทธิ์แก้ไข" };
const NO_MEASURE = { error: "ไม่พบมาตรการนี้ในหน่วยงานของท่าน" };
const NO_STEP = { error: "ไม่พบขั้นตอนนี้ในหน่วยงานของท่าน" };
const STEP_IN_USE = {
  error: "ขั้นตอนนี้บันทึกผลการดำเนินงานไว้แล้ว จึงลบไม่ได้ หากไม่ทำแล้วให้อัปเดตสถานะเป็น “ยกเลิก”",
};
const NOT_MEMBERS_TH = "มีผู้ที่เลือกไม่ได้เป็นสมาชิกของหน่วยงานแล้ว กรุณาเลือกใหม่";

/** The caller's writing membership of the agency, or the 403 to answer. */
function writer(c: Context<ApiEnv>, agencyId: number) {
  const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
  if (!membership) return { refused: NOT_MEMBER } as const;
  if (membership.role === "viewer") return { refused: VIEWER } as const;
  return { membership } as const;
}

const actorOf = (c: Context<ApiEnv>, m: Membership) => ({
  label: `line:${c.get("identity").userId}`,
  memberId: m.memberId,
});

/** Which fields named the members that are not (or no longer) the agency's. */
function ownerFields(missing: number[], fields: Record<string, number[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, ids] of Object.entries(fields)) {
    if (ids.some((id) => missing.includes(id))) out[field] = NOT_MEMBERS_TH;
  }
  return Object.keys(out).length ? out : { ownerIds: NOT_MEMBERS_TH };
}

/** The repository's refusals, in the API's words; anything else is a server error. */
function refusal(error: unknown, notFound: { error: string }, owners: Record<string, number[]>) {
  if (error instanceof NotFoundError) return { status: 404, body: notFound } as const;
  if (error instanceof ForbiddenError) return { status: 403, body: VIEWER } as const;
  if (error instanceof StepInUseError) return { status: 409, body: STEP_IN_USE } as const;
  if (error instanceof NotMembersError) {
    return { status: 400, body: { error: FIX_FIELDS, fields: ownerFields(error.missing, owners) } } as const;
  }
  if (error instanceof ValidationError)
    return { status: 400, body: { error: FIX_FIELDS, fields: {} } } as const;
  throw error;
}

/** Indicators the fiscal year's framework (or the newest before it) does not have, as a field error. */
async function unknownIndicators(
  c: Context<ApiEnv>,
  fiscalYear: number,
  indicators: readonly number[],
): Promise<{ error: string; fields: Record<string, string> } | undefined> {
  if (indicators.length === 0) return undefined;
  const framework = frameworkAtOrBefore(await c.get("frameworks")(), fiscalYear);
  const missing = indicators.filter((no) => framework && !framework.indicator(no));
  if (missing.length === 0) return undefined;
  return {
    error: FIX_FIELDS,
    fields: { indicators: `กรอบการประเมินปี ${framework!.year} ไม่มีตัวชี้วัดที่ ${missing.join(", ")}` },
  };
}

export function measureEditApi() {
  return new Hono<ApiEnv>()
    .post(
      "/agencies/:agencyId/measures",
      zValidator("param", agencyParam),
      formJson(measureCreateSchema, formFieldErrors),
      async (c) => {
        const w = writer(c, c.req.valid("param").agencyId);
        if (w.refused) return c.json(w.refused, 403);
        const input = c.req.valid("json");
        const unknown = await unknownIndicators(c, input.fiscalYear, input.indicators);
        if (unknown) return c.json(unknown, 400);
        try {
          const measure = await createMeasure(c.get("db"), scopeOf(w.membership), actorOf(c, w.membership), {
            ...input,
            steps: input.steps.map((s) => ({ title: s.title, dueOn: s.dueOn, ownerIds: s.ownerIds })),
          });
          return c.json({ measure }, 201);
        } catch (error) {
          const owners = Object.fromEntries([
            ["ownerIds", input.ownerIds],
            ...input.steps.map((s, i) => [`steps.${i}.ownerIds`, s.ownerIds]),
          ]);
          const r = refusal(error, NO_MEASURE, owners);
          return c.json(r.body, r.status);
        }
      },
    )
    .patch(
      "/agencies/:agencyId/measures/:measureId",
      zValidator("param", measureParam),
      formJson(measureEditSchema, formFieldErrors),
      async (c) => {
        const { agencyId, measureId } = c.req.valid("param");
        const w = writer(c, agencyId);
        if (w.refused) return c.json(w.refused, 403);
        const input = c.req.valid("json");
        const db = c.get("db");
        const scope = scopeOf(w.membership);
        const current = await getMeasure(db, scope, measureId);
        if (!current) return c.json(NO_MEASURE, 404);
        const unknown = await unknownIndicators(c, current.fiscalYear, input.indicators ?? []);
        if (unknown) return c.json(unknown, 400);
        // The period as it will be: what is sent, else what is stored.
        const period = {
          periodStart: input.periodStart === undefined ? current.periodStart : input.periodStart,
          periodEnd: input.periodEnd === undefined ? current.periodEnd : input.periodEnd,
        };
        const problems = periodProblems(period, current.steps);
        if (Object.keys(problems).length) return c.json({ error: FIX_FIELDS, fields: problems }, 400);
        try {
          const measure = await updateMeasure(db, scope, actorOf(c, w.membership), measureId, input);
          return c.json({ measure }, 200);
        } catch (error) {
          const r = refusal(error, NO_MEASURE, { ownerIds: input.ownerIds ?? [] });
          return c.json(r.body, r.status);
        }
      },
    )
    .post(
      "/agencies/:agencyId/measures/:measureId/steps",
      zValidator("param", measureParam),
      formJson(stepPlanSchema, formFieldErrors),
      async (c) => {
        const { agencyId, measureId } = c.req.valid("param");
        const w = writer(c, agencyId);
        if (w.refused) return c.json(w.refused, 403);
        const input = c.req.valid("json");
        const db = c.get("db");
        const scope = scopeOf(w.membership);
        const measure = await getMeasure(db, scope, measureId);
        if (!measure) return c.json(NO_MEASURE, 404);
        const outside = dueOutsidePeriod(input.dueOn, measure);
        if (outside) return c.json({ error: FIX_FIELDS, fields: { dueOn: outside } }, 400);
        try {
          const step = await addStep(db, scope, actorOf(c, w.membership), measureId, input, {
            recomputeMeasure: true,
          });
          return c.json({ step }, 201);
        } catch (error) {
          const r = refusal(error, NO_MEASURE, { ownerIds: input.ownerIds });
          return c.json(r.body, r.status);
        }
      },
    )
    .patch(
      "/agencies/:agencyId/steps/:stepId",
      zValidator("param", stepParam),
      formJson(stepPlanPatchSchema, formFieldErrors),
      async (c) => {
        const { agencyId, stepId } = c.req.valid("param");
        const w = writer(c, agencyId);
        if (w.refused) return c.json(w.refused, 403);
        const input = c.req.valid("json");
        const db = c.get("db");
        const scope = scopeOf(w.membership);
        const current = await getStep(db, scope, stepId);
        const measure = current && (await getMeasure(db, scope, current.measureId));
        if (!measure) return c.json(NO_STEP, 404);
        const outside = input.dueOn === undefined ? undefined : dueOutsidePeriod(input.dueOn, measure);
        if (outside) return c.json({ error: FIX_FIELDS, fields: { dueOn: outside } }, 400);
        try {
          const step = await updateStep(db, scope, actorOf(c, w.membership), stepId, input);
          return c.json({ step }, 200);
        } catch (error) {
          const r = refusal(error, NO_STEP, { ownerIds: input.ownerIds ?? [] });
          return c.json(r.body, r.status);
        }
      },
    )
    .delete("/agencies/:agencyId/steps/:stepId", zValidator("param", stepParam), async (c) => {
      const { agencyId, stepId } = c.req.valid("param");
      const w = writer(c, agencyId);
      if (w.refused) return c.json(w.refused, 403);
      try {
        await deleteStep(c.get("db"), scopeOf(w.membership), actorOf(c, w.membership), stepId, {
          recomputeMeasure: true,
        });
        return c.json({ deleted: stepId }, 200);
      } catch (error) {
        const r = refusal(error, NO_STEP, {});
        return c.json(r.body, r.status);
      }
    });
}
