import { Hono } from "hono";
import { undeliveredFor } from "../../db/repositories/outbox.ts";
import { errorHandler, notFoundHandler } from "../http/errors.ts";
import { auditApi } from "./audit.ts";
import { requireLineUser } from "./auth.ts";
import { calendarApi } from "./calendar.ts";
import type { ApiDeps, ApiEnv } from "./context.ts";
import { dashboardApi } from "./dashboard.ts";
import { frameworksApi } from "./frameworks.ts";
import { measuresApi } from "./measures.ts";
import { membersApi } from "./members.ts";
import { recommendationsApi } from "./recommendations.ts";
import { reportFontApi } from "./report-font.ts";
import { reportsApi } from "./reports.ts";
import { resultsApi } from "./results.ts";
import { settingsApi } from "./settings.ts";

/** The LIFF app's JSON API: every route behind a verified LINE ID token, one sub-app per resource. */
export function apiApp(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .onError(errorHandler(deps.log))
    .notFound(notFoundHandler)
    .use("*", requireLineUser(deps))
    .get("/me", async (c) => {
      const userId = c.get("identity").userId;
      // Reminders held back because the month's push quota ran out are shown here as well as in chat.
      const held = await undeliveredFor(c.get("db"), userId);
      return c.json({
        userId,
        name: c.get("identity").name ?? null,
        memberships: c
          .get("memberships")
          .map((m) => ({ agencyId: m.agencyId, agencyName: m.agencyName, role: m.role })),
        held: held.map((h) => ({ id: h.id, text: summaryOf(h.payload) })),
      });
    })
    .route("/", dashboardApi())
    .route("/", frameworksApi(deps.now))
    .route("/", calendarApi(deps.now))
    .route("/", measuresApi(deps))
    .route("/", auditApi())
    .route("/", resultsApi(deps.readResults))
    .route("/", membersApi(deps))
    .route("/", settingsApi(deps.now))
    .route("/", reportsApi({ ...(deps.reports ? { linker: deps.reports } : {}), now: deps.now }))
    .route("/", recommendationsApi())
    .route("/", reportFontApi());
}

export type ApiType = ReturnType<typeof apiApp>;

/** A stored LINE message's text: its alt text (Flex) or its text. */
function summaryOf(payload: unknown): string {
  const first = Array.isArray(payload) ? (payload[0] as { altText?: unknown; text?: unknown }) : undefined;
  const text = first?.altText ?? first?.text;
  return typeof text === "string" ? text : "ข้อความแจ้งเตือน";
}
