import { zValidator } from "@hono/zod-validator";
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { recommendationEntries, recommendationLabel } from "../../core/reports/recommendation-labels.ts";
import {
  defaultRecommendation,
  recommendationKeyOf,
  withItemRefs,
} from "../../core/reports/recommendations.ts";
import { recommendationTextSchema } from "../../core/schemas/recommendation.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import { listRecommendationOverrides, setRecommendation } from "../../db/repositories/recommendations.ts";
import type { Actor } from "../../db/scope.ts";
import type { ApiEnv } from "./context.ts";
import { formJson } from "./form-json.ts";

const params = z.object({ agencyId: z.coerce.number().int().positive() });
const keyParams = params.extend({ key: z.string() });
const NOT_MEMBER = { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" };
const NOT_ALLOWED = { error: "ข้อเสนอแนะในรายงานแก้ได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน" };
const UNKNOWN_KEY = { error: "ไม่พบหัวข้อข้อเสนอแนะนี้" };

type Env = ApiEnv & { Variables: { membership: Membership } };

/** Admins and editors of the agency in the path; checked before the body is read. */
const writersOnly: MiddlewareHandler<Env> = async (c, next) => {
  const agencyId = Number(c.req.param("agencyId"));
  const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
  if (!membership) return c.json(NOT_MEMBER, 403);
  if (membership.role === "viewer") return c.json(NOT_ALLOWED, 403);
  c.set("membership", membership);
  await next();
};

/** An unknown key is a missing page, before its text is judged. */
const knownKey: MiddlewareHandler<Env> = async (c, next) => {
  const key = c.req.param("key") ?? "";
  if (recommendationKeyOf(key, await c.get("frameworks")()) !== key) return c.json(UNKNOWN_KEY, 404);
  await next();
};

const textValidator = formJson(recommendationTextSchema);

const actorOf = (userId: string, membership: Membership): Actor => ({
  label: `line:${userId}`,
  memberId: membership.memberId,
});

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
  return new Hono<Env>()
    .get("/agencies/:agencyId/recommendations", zValidator("param", params), writersOnly, async (c) => {
      const overrides = await listRecommendationOverrides(c.get("db"), scopeOf(c.get("membership")));
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
      zValidator("param", keyParams),
      writersOnly,
      knownKey,
      textValidator,
      async (c) => {
        const { key } = c.req.valid("param");
        const { text } = c.req.valid("json");
        const membership = c.get("membership");
        const actor = actorOf(c.get("identity").userId, membership);
        const catalog = await c.get("frameworks")();
        await setRecommendation(c.get("db"), scopeOf(membership), actor, key, text, catalog);
        return c.json(entryOf(catalog, key, text));
      },
    )
    .delete(
      "/agencies/:agencyId/recommendations/:key",
      zValidator("param", keyParams),
      writersOnly,
      knownKey,
      async (c) => {
        const { key } = c.req.valid("param");
        const membership = c.get("membership");
        const actor = actorOf(c.get("identity").userId, membership);
        const catalog = await c.get("frameworks")();
        await setRecommendation(c.get("db"), scopeOf(membership), actor, key, null, catalog);
        return c.json(entryOf(catalog, key, null));
      },
    );
}
