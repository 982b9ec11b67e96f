import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { recommendationEntries, recommendationLabel } from "../../core/reports/recommendation-labels.ts";
import {
  defaultRecommendation,
  recommendationKeyOf,
  withItemRefs,
} from "../../core/reports/recommendations.ts";
import { recommendationTextSchema } from "../../core/schemas/recommendation.ts";
import { listRecommendationOverrides, setRecommendation } from "../../db/repositories/recommendations.ts";
import { Refusal } from "../http/errors.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { formJson, validParams } from "./validate.ts";

const keyParams = z.object({ key: z.string() });
const NOT_ALLOWED = "ข้อเสนอแนะในรายงานแก้ได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน";
const UNKNOWN_KEY = { error: "ไม่พบหัวข้อข้อเสนอแนะนี้" };

/** An unknown key is a missing page, before its text is judged. */
const knownKey = createMiddleware<ApiEnv>(async (c, next) => {
  const key = c.req.param("key") ?? "";
  if (recommendationKeyOf(key, await c.get("frameworks")()) !== key) throw new Refusal(404, UNKNOWN_KEY);
  await next();
});

const textValidator = formJson(recommendationTextSchema);

const entryOf = (catalog: FrameworkCatalog, key: string, text: string | null) => ({
  key,
  label: recommendationLabel(key, catalog),
  defaultText: latestRefs(catalog, defaultRecommendation(key) ?? ""),
  text,
});

/** The library cites OIT items by concept: shown with the newest year's codes. */
const latestRefs = (catalog: FrameworkCatalog, text: string) =>
  withItemRefs(text, (concept) => catalog.latest()?.itemByConcept(concept)?.code);

/**
 * The analysis report's recommendations as an agency words them: every key with the library's
 * text and the agency's own (audited when changed), for admins and editors.
 */
export function recommendationsApi() {
  return new Hono<ApiEnv>()
    .get("/agencies/:agencyId/recommendations", agencyGuard("editor", NOT_ALLOWED), async (c) => {
      const overrides = await listRecommendationOverrides(c.get("db"), c.get("scope"));
      const catalog = await c.get("frameworks")();
      return c.json({
        entries: recommendationEntries(catalog, Object.keys(overrides)).map((e) => ({
          ...e,
          defaultText: latestRefs(catalog, e.defaultText),
          text: overrides[e.key] ?? null,
        })),
      });
    })
    .put(
      "/agencies/:agencyId/recommendations/:key",
      agencyGuard("editor", NOT_ALLOWED),
      validParams(keyParams),
      knownKey,
      textValidator,
      async (c) => {
        const { key } = c.req.valid("param");
        const { text } = c.req.valid("json");
        const catalog = await c.get("frameworks")();
        await setRecommendation(c.get("db"), c.get("scope"), c.get("actor"), key, text, catalog);
        return c.json(entryOf(catalog, key, text));
      },
    )
    .delete(
      "/agencies/:agencyId/recommendations/:key",
      agencyGuard("editor", NOT_ALLOWED),
      validParams(keyParams),
      knownKey,
      async (c) => {
        const { key } = c.req.valid("param");
        const catalog = await c.get("frameworks")();
        await setRecommendation(c.get("db"), c.get("scope"), c.get("actor"), key, null, catalog);
        return c.json(entryOf(catalog, key, null));
      },
    );
}
