import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgencyEnv, agencyGuard, NOT_MEMBER } from "../../../bot/api/agency-guard.ts";
import type { ApiEnv } from "../../../bot/api/context.ts";
import type { apiApp } from "../../../bot/api/index.ts";
import { errorHandler } from "../../../bot/http/errors.ts";
import { memoryLogger } from "../../../bot/log.ts";
import type { Membership } from "../../../db/repositories/members.ts";
import { NEWCOMER, openWorld, ADMIN_SRISONGRAK as SRI, type World } from "../world.ts";
import { apiCaller, apiFor, demoAgencyIds } from "./harness.ts";

const THAI = /[\u0E00-\u0E7F]/;
const USER = `U${"1".repeat(32)}`;

const membership = (agencyId: number, role: Membership["role"]): Membership => ({
  memberId: agencyId * 10,
  agencyId,
  agencyCode: `A${agencyId}`,
  agencyName: `หน่วยงาน ${agencyId}`,
  role,
});

/** The guard behind what requireLineUser gives every /api handler: the caller and their memberships. */
function guarded(memberships: Membership[]) {
  const app = new Hono<ApiEnv>();
  app.onError(errorHandler(memoryLogger()));
  app.use("*", async (c, next) => {
    c.set("identity", { userId: USER });
    c.set("memberships", memberships);
    await next();
  });
  const seen = (c: { var: AgencyEnv["Variables"] }) =>
    Response.json({ membership: c.var.membership, scope: c.var.scope, actor: c.var.actor });
  return app
    .get("/agencies/:agencyId/view", agencyGuard("viewer"), (c) => seen(c))
    .get("/agencies/:agencyId/edit", agencyGuard("editor"), (c) => seen(c))
    .get("/agencies/:agencyId/admin", agencyGuard("admin", "วันสำคัญของหน่วยงานแก้ได้เฉพาะผู้ดูแลของหน่วยงาน"), (c) =>
      seen(c),
    );
}

describe("the agency guard", () => {
  const app = guarded([membership(7, "viewer"), membership(8, "editor"), membership(9, "admin")]);
  const call = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it("gives the handler the caller's membership, scope and actor", async () => {
    const r = await call("/agencies/9/admin");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      membership: membership(9, "admin"),
      scope: { agencyId: 9, role: "admin", memberId: 90 },
      actor: { label: `line:${USER}`, memberId: 90 },
    });
  });

  it("lets each role do what the roles below it may", async () => {
    const statuses = async (agencyId: number) =>
      Promise.all(
        ["view", "edit", "admin"].map(async (r) => (await call(`/agencies/${agencyId}/${r}`)).status),
      );
    expect(await statuses(7)).toEqual([200, 403, 403]);
    expect(await statuses(8)).toEqual([200, 200, 403]);
    expect(await statuses(9)).toEqual([200, 200, 200]);
  });

  it("refuses a role below the route's with the route's own words, or plain Thai", async () => {
    expect((await call("/agencies/8/admin")).json).toEqual({
      error: "วันสำคัญของหน่วยงานแก้ได้เฉพาะผู้ดูแลของหน่วยงาน",
    });
    const viewer = await call("/agencies/7/edit");
    expect(viewer.json.error).toMatch(THAI);
    expect(viewer.json.error).toContain("ผู้ดู");
  });

  it("refuses an agency the caller is not a member of with 403", async () => {
    for (const agencyId of [1, 10, 2_147_483_647]) {
      expect(await call(`/agencies/${agencyId}/view`)).toEqual({ status: 403, json: { error: NOT_MEMBER } });
    }
    const none = guarded([]);
    expect((await none.request("/agencies/9/view")).status).toBe(403);
  });

  it("answers an agency id that is not one with a Thai 404 naming the field", async () => {
    // Thai digits too: the app writes ids in Arabic digits, and the path checks before the guard
    // (the upload size limits) read Arabic digits only, as the code before the guard did.
    for (const id of ["abc", "0", "-9", "9.0", "1e1", "0x9", "09", "+9", "%209", "2147483648", "๙"]) {
      const r = await call(`/agencies/${id}/view`);
      expect(r.status, id).toBe(404);
      expect(r.json.error, id).toMatch(THAI);
      expect(r.json.fields, id).toEqual({ agencyId: expect.stringMatching(THAI) });
    }
  });
});

describe("every agency route of the API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri } = await demoAgencyIds(w));
  });
  afterAll(async () => {
    await w.close();
  });

  const bodyFor = (method: string) => (method === "GET" ? undefined : { not: "a form" });

  /** The API's routes under /agencies/:agencyId, with their other path parameters filled in. */
  const agencyRoutes = () => {
    const routes = api.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/agencies/:agencyId/"))
      .map((r) => ({ method: r.method, path: r.path.replace(/:(?!agencyId)\w+/g, "1") }));
    return [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
  };

  it("is guarded: a non-member is refused before the body or anything else is looked at", async () => {
    const routes = agencyRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const call = apiCaller(w, api);
    for (const { method, path } of routes) {
      const r = await call(NEWCOMER, method, path.replace(":agencyId", String(sri)), bodyFor(method));
      expect({ route: `${method} ${path}`, ...r }).toEqual({
        route: `${method} ${path}`,
        status: 403,
        json: { error: NOT_MEMBER },
      });
    }
  });

  it("answers a malformed agency id in Thai with 404, not a zod error", async () => {
    const call = apiCaller(w, api);
    for (const { method, path } of agencyRoutes()) {
      const r = await call(SRI, method, path.replace(":agencyId", "abc"), bodyFor(method));
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(Object.keys(r.json).sort(), `${method} ${path}`).toEqual(["error", "fields"]);
      expect(r.json.error, `${method} ${path}`).toMatch(THAI);
    }
  });
});
