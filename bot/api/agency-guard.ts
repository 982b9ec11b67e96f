import { createMiddleware } from "hono/factory";
import type { Membership } from "../../db/repositories/members.ts";
import type { Actor, AgencyScope, Role } from "../../db/scope.ts";
import { Refusal } from "../http/errors.ts";
import type { ApiEnv } from "./context.ts";
import { BAD_ADDRESS, dbId } from "./validate.ts";

export const NOT_MEMBER = "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้";
const BAD_AGENCY = { agencyId: "รหัสหน่วยงานไม่ถูกต้อง" };

/** What each role may do includes what the roles below it may. */
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** Said to a member whose role is below what the route needs, when the route has no words of its own. */
const BELOW: Record<Role, string> = {
  // No member's role is below a viewer's: only non-members are refused there.
  viewer: NOT_MEMBER,
  editor: "ส่วนนี้สำหรับผู้ดูแลและผู้แก้ไขของหน่วยงาน บทบาทผู้ดูใช้ไม่ได้",
  admin: "ส่วนนี้สำหรับผู้ดูแลของหน่วยงานเท่านั้น",
};

/** The caller in the agency a route acts on: a member's scope, so repositories see who asks. */
export interface AgencyAccess {
  membership: Membership;
  scope: AgencyScope & { role: Role; memberId: number };
  /** The member as the audit log names them. */
  actor: Actor;
}

export type AgencyEnv = ApiEnv & { Variables: AgencyAccess };

/**
 * The caller's access to `agencyId` (as sent: a path or query string, or a number from a body),
 * or the refusal: 404 for an id that is not one, 403 for a non-member or a role below `minRole`
 * (with `below`, the route's own words for what that role cannot do).
 */
export function agencyAccess(
  c: { var: Pick<ApiEnv["Variables"], "memberships" | "identity"> },
  agencyId: unknown,
  minRole: Role,
  below = BELOW[minRole],
): AgencyAccess {
  const parsed = dbId.safeParse(typeof agencyId === "number" ? String(agencyId) : agencyId);
  if (!parsed.success) throw new Refusal(404, { error: BAD_ADDRESS, fields: BAD_AGENCY });
  const membership = c.var.memberships.find((m) => m.agencyId === parsed.data);
  if (!membership) throw new Refusal(403, { error: NOT_MEMBER });
  if (RANK[membership.role] < RANK[minRole]) throw new Refusal(403, { error: below });
  return {
    membership,
    scope: { agencyId: membership.agencyId, role: membership.role, memberId: membership.memberId },
    actor: { label: `line:${c.var.identity.userId}`, memberId: membership.memberId },
  };
}

/**
 * Every /agencies/:agencyId route starts with this: the id is read once, the caller must be a
 * member with at least `minRole`, and the handler gets `membership`, `scope` and `actor`. It runs
 * before any body is read, so a refused caller's upload is never parsed.
 */
export function agencyGuard(minRole: Role, below?: string) {
  return createMiddleware<AgencyEnv>(async (c, next) => {
    const access = agencyAccess(c, c.req.param("agencyId"), minRole, below);
    c.set("membership", access.membership);
    c.set("scope", access.scope);
    c.set("actor", access.actor);
    await next();
  });
}
