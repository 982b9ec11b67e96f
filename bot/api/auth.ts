import { createMiddleware } from "hono/factory";
import { membershipsOf } from "../../db/repositories/members.ts";
import { Refusal } from "../http/errors.ts";
import { IdTokenError } from "../line/id-token.ts";
import type { ApiDeps, ApiEnv } from "./context.ts";

/** Every /api call carries the LIFF ID token; it is verified and mapped to the caller's memberships. */
export function requireLineUser(deps: ApiDeps) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const token = header?.startsWith("Bearer ") ? header.slice(7) : undefined;
    try {
      const identity = await deps.verifyIdToken(token);
      const db = deps.db(c);
      c.set("identity", identity);
      c.set("db", db);
      let catalog: ReturnType<typeof deps.frameworks.get> | undefined;
      c.set("frameworks", () => {
        catalog ??= deps.frameworks.get(db);
        return catalog;
      });
      c.set("memberships", await membershipsOf(db, identity.userId));
    } catch (error) {
      if (error instanceof IdTokenError) {
        const message =
          error.reason === "expired" ? "การเข้าสู่ระบบหมดอายุ กรุณาเปิดแอปใหม่จาก LINE" : "กรุณาเปิดแอปจาก LINE";
        throw new Refusal(401, { error: message, reason: error.reason });
      }
      throw error;
    }
    await next();
  });
}
