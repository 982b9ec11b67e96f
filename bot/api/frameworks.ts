import { Hono } from "hono";
import { z } from "zod";
import type { FrameworkSummary } from "../../core/api/frameworks.ts";
import { type Framework, type FrameworkCatalog, provisionalLabel } from "../../core/ita/catalog.ts";
import { fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { Refusal } from "../http/errors.ts";
import type { ApiEnv } from "./context.ts";
import { validQuery } from "./validate.ts";

const query = z.object({ year: z.coerce.number().int().min(2500).max(2700).optional() });

/** A fiscal year's framework, or the newest before it when the NACC has not published one yet. */
export function frameworkAtOrBefore(catalog: FrameworkCatalog, year: number): Framework | undefined {
  for (let i = catalog.years.length - 1; i >= 0; i--) {
    if (catalog.years[i]! <= year) return catalog.get(catalog.years[i]!);
  }
  return catalog.all()[0];
}

/**
 * GET /api/framework?year=2570: the tools and indicators the app's forms and filters offer for a
 * fiscal year (this one by default), as the loaded framework defines them.
 */
export function frameworksApi(now: () => Date) {
  return new Hono<ApiEnv>().get("/framework", validQuery(query), async (c) => {
    const catalog = await c.get("frameworks")();
    const year = c.req.valid("query").year ?? fiscalYearAt(now());
    const framework = frameworkAtOrBefore(catalog, year);
    if (!framework) throw new Refusal(404, { error: "ยังไม่มีกรอบการประเมินในระบบ" });
    const summary: FrameworkSummary = {
      year: framework.year,
      provisional: provisionalLabel(framework) ?? null,
      tools: framework.tools.map((t) => ({ code: t.code, nameTh: t.nameTh, weightPercent: t.weightPercent })),
      indicators: framework.indicators.map((i) => ({ no: i.no, nameTh: i.nameTh, tool: i.tool })),
    };
    return c.json(summary);
  });
}
