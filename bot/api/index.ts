import { Hono } from "hono";
import { requireLineUser } from "./auth.ts";
import type { ApiDeps, ApiEnv } from "./context.ts";
import { dashboardApi } from "./dashboard.ts";
import { measuresApi } from "./measures.ts";

/** The LIFF app's JSON API: every route behind a verified LINE ID token, one sub-app per resource. */
export function apiApp(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .use("*", requireLineUser(deps))
    .get("/me", (c) =>
      c.json({
        userId: c.get("identity").userId,
        name: c.get("identity").name ?? null,
        memberships: c
          .get("memberships")
          .map((m) => ({ agencyId: m.agencyId, agencyName: m.agencyName, role: m.role })),
      }),
    )
    .route("/", dashboardApi())
    .route("/", measuresApi(deps));
}

export type ApiType = ReturnType<typeof apiApp>;
