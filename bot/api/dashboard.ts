import { Hono } from "hono";
import { z } from "zod";
import { comparisonView, scoreCardView } from "../../core/chat/views.ts";
import { NotFoundError } from "../../db/errors.ts";
import { directResults } from "../../db/repositories/results-cache.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { validQuery } from "./validate.ts";

const query = z.object({ year: z.coerce.number().int().min(2500).max(2700).optional() });

/** GET /api/agencies/:agencyId/dashboard: the score card and the year-over-year view, as the chat builds them. */
export function dashboardApi() {
  return new Hono<ApiEnv>().get(
    "/agencies/:agencyId/dashboard",
    agencyGuard("viewer"),
    validQuery(query),
    async (c) => {
      const membership = c.get("membership");
      const db = c.get("db");
      const scope = c.get("scope");
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
      if (!framework) throw new NotFoundError("framework", year);
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
