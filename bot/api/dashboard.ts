import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { comparisonView, scoreCardView } from "../../core/chat/views.ts";
import { scopeOf } from "../../db/repositories/members.ts";
import { directResults } from "../../db/repositories/results-cache.ts";
import type { ApiEnv } from "./context.ts";

const params = z.object({ agencyId: z.coerce.number().int().positive() });
const query = z.object({ year: z.coerce.number().int().min(2500).max(2700).optional() });

/** GET /api/agencies/:agencyId/dashboard: the score card and the year-over-year view, as the chat builds them. */
export function dashboardApi() {
  return new Hono<ApiEnv>().get(
    "/agencies/:agencyId/dashboard",
    zValidator("param", params),
    zValidator("query", query),
    async (c) => {
      const { agencyId } = c.req.valid("param");
      const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
      if (!membership) return c.json({ error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" }, 403);
      const db = c.get("db");
      const scope = scopeOf(membership);
      const years = await directResults.years(db, scope);
      const year = c.req.valid("query").year ?? years[0];
      if (year === undefined || !years.includes(year)) {
        return c.json({
          agencyName: membership.agencyName,
          role: membership.role,
          years,
          card: null,
          comparison: null,
        });
      }
      const stored = await directResults.load(db, scope, year);
      const data = { ...stored!, agencyName: membership.agencyName };
      const frameworks = await c.get("frameworks")();
      const framework = frameworks.get(year);
      if (!framework) return c.json({ error: `ไม่มีกรอบการประเมินของปี ${year}` }, 404);
      const previousYear = years.find((y) => y < year && frameworks.get(y));
      const previous =
        previousYear === undefined ? undefined : await directResults.load(db, scope, previousYear);
      return c.json({
        agencyName: membership.agencyName,
        role: membership.role,
        years,
        card: scoreCardView(framework, data, years),
        comparison: previous
          ? comparisonView(
              frameworks.get(previousYear!)!,
              { ...previous, agencyName: membership.agencyName },
              framework,
              data,
            )
          : null,
      });
    },
  );
}
