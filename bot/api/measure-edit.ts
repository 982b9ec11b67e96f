import { Hono } from "hono";
import { z } from "zod";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import {
  dueOutsidePeriod,
  formFieldErrors,
  measureCreateSchema,
  measureEditSchema,
  periodProblems,
  stepPlanPatchSchema,
  stepPlanSchema,
} from "../../core/schemas/measure-form.ts";
import { NotFoundError } from "../../db/errors.ts";
import { NotMembersError } from "../../db/repositories/measure-owners.ts";
import { addStep, deleteStep, getStep, updateStep } from "../../db/repositories/measure-steps.ts";
import { createMeasure, getMeasure, updateMeasure } from "../../db/repositories/measures.ts";
import { badFields, NOT_MEMBERS_TH } from "../http/errors.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { frameworkAtOrBefore } from "./frameworks.ts";
import { dbId, formJson, validParams } from "./validate.ts";

// Creating and editing measures and their steps' plans (title, due date, owners) from the LIFF app.
// Admins and editors only; every write goes through the repository, which audits it in the same
// transaction. Inputs are checked with the forms' own schemas, answered with Thai field messages.

const measureParam = z.object({ measureId: dbId });
const stepParam = z.object({ stepId: dbId });

const VIEWER = "บทบาทผู้ดูแก้ไขมาตรการไม่ได้ ติดต่อผู้ดูแลของหน่วยงานหากต้องการสิทธิ์แก้ไข";

/**
 * A repository write whose owners are not (or no longer) the agency's members: said on the fields
 * of the form that named them (`fields`: each owner field with the ids it sent).
 */
async function ownersChecked<T>(work: Promise<T>, fields: Record<string, readonly number[]>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof NotMembersError)) throw error;
    const named = Object.entries(fields)
      .filter(([, ids]) => ids.some((id) => error.missing.includes(id)))
      .map(([field]) => [field, NOT_MEMBERS_TH]);
    throw badFields(named.length ? Object.fromEntries(named) : { ownerIds: NOT_MEMBERS_TH });
  }
}

/** Indicators the fiscal year's framework (or the newest before it) does not have, as a field error. */
function checkIndicators(catalog: FrameworkCatalog, fiscalYear: number, indicators: readonly number[]): void {
  if (indicators.length === 0) return;
  const framework = frameworkAtOrBefore(catalog, fiscalYear);
  const missing = indicators.filter((no) => framework && !framework.indicator(no));
  if (missing.length === 0) return;
  throw badFields({
    indicators: `กรอบการประเมินปี ${framework!.year} ไม่มีตัวชี้วัดที่ ${missing.join(", ")}`,
  });
}

export function measureEditApi() {
  return new Hono<ApiEnv>()
    .post(
      "/agencies/:agencyId/measures",
      agencyGuard("editor", VIEWER),
      formJson(measureCreateSchema, formFieldErrors),
      async (c) => {
        const input = c.req.valid("json");
        checkIndicators(await c.get("frameworks")(), input.fiscalYear, input.indicators);
        const owners = Object.fromEntries([
          ["ownerIds", input.ownerIds],
          ...input.steps.map((s, i) => [`steps.${i}.ownerIds`, s.ownerIds]),
        ]);
        const measure = await ownersChecked(
          createMeasure(c.get("db"), c.get("scope"), c.get("actor"), {
            ...input,
            steps: input.steps.map((s) => ({ title: s.title, dueOn: s.dueOn, ownerIds: s.ownerIds })),
          }),
          owners,
        );
        return c.json({ measure }, 201);
      },
    )
    .patch(
      "/agencies/:agencyId/measures/:measureId",
      agencyGuard("editor", VIEWER),
      validParams(measureParam),
      formJson(measureEditSchema, formFieldErrors),
      async (c) => {
        const { measureId } = c.req.valid("param");
        const input = c.req.valid("json");
        const db = c.get("db");
        const scope = c.get("scope");
        const current = await getMeasure(db, scope, measureId);
        if (!current) throw new NotFoundError("measure", measureId);
        checkIndicators(await c.get("frameworks")(), current.fiscalYear, input.indicators ?? []);
        // The period as it will be: what is sent, else what is stored.
        const period = {
          periodStart: input.periodStart === undefined ? current.periodStart : input.periodStart,
          periodEnd: input.periodEnd === undefined ? current.periodEnd : input.periodEnd,
        };
        const problems = periodProblems(period, current.steps);
        if (Object.keys(problems).length) throw badFields(problems);
        const measure = await ownersChecked(updateMeasure(db, scope, c.get("actor"), measureId, input), {
          ownerIds: input.ownerIds ?? [],
        });
        return c.json({ measure }, 200);
      },
    )
    .post(
      "/agencies/:agencyId/measures/:measureId/steps",
      agencyGuard("editor", VIEWER),
      validParams(measureParam),
      formJson(stepPlanSchema, formFieldErrors),
      async (c) => {
        const { measureId } = c.req.valid("param");
        const input = c.req.valid("json");
        const db = c.get("db");
        const scope = c.get("scope");
        const measure = await getMeasure(db, scope, measureId);
        if (!measure) throw new NotFoundError("measure", measureId);
        const outside = dueOutsidePeriod(input.dueOn, measure);
        if (outside) throw badFields({ dueOn: outside });
        const step = await ownersChecked(
          addStep(db, scope, c.get("actor"), measureId, input, { recomputeMeasure: true }),
          { ownerIds: input.ownerIds },
        );
        return c.json({ step }, 201);
      },
    )
    .patch(
      "/agencies/:agencyId/steps/:stepId",
      agencyGuard("editor", VIEWER),
      validParams(stepParam),
      formJson(stepPlanPatchSchema, formFieldErrors),
      async (c) => {
        const { stepId } = c.req.valid("param");
        const input = c.req.valid("json");
        const db = c.get("db");
        const scope = c.get("scope");
        const current = await getStep(db, scope, stepId);
        const measure = current && (await getMeasure(db, scope, current.measureId));
        if (!measure) throw new NotFoundError("step", stepId);
        const outside = input.dueOn === undefined ? undefined : dueOutsidePeriod(input.dueOn, measure);
        if (outside) throw badFields({ dueOn: outside });
        const step = await ownersChecked(updateStep(db, scope, c.get("actor"), stepId, input), {
          ownerIds: input.ownerIds ?? [],
        });
        return c.json({ step }, 200);
      },
    )
    .delete(
      "/agencies/:agencyId/steps/:stepId",
      agencyGuard("editor", VIEWER),
      validParams(stepParam),
      async (c) => {
        const { stepId } = c.req.valid("param");
        await deleteStep(c.get("db"), c.get("scope"), c.get("actor"), stepId, { recomputeMeasure: true });
        return c.json({ deleted: stepId }, 200);
      },
    );
}
