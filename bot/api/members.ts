import { Hono } from "hono";
import { z } from "zod";
import { inviteSchema, memberUpdateSchema } from "../../core/schemas/members.ts";
import { createInvite } from "../../db/repositories/invites.ts";
import { listMembers, updateMember } from "../../db/repositories/members.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiDeps, ApiEnv } from "./context.ts";
import { dbId, formJson, validParams } from "./validate.ts";

const memberParam = z.object({ memberId: dbId });

const ADMINS_ONLY = "เฉพาะผู้ดูแลของหน่วยงานจัดการสมาชิกและรหัสเชิญได้";
const NOT_FOR_VIEWERS = "บทบาทผู้ดูไม่เห็นรายชื่อสมาชิก";

/** Members and invite codes of an agency: admins manage, editors see the list, viewers neither. */
export function membersApi(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .get("/agencies/:agencyId/members", agencyGuard("editor", NOT_FOR_VIEWERS), async (c) => {
      const membership = c.get("membership");
      const members = await listMembers(c.get("db"), c.get("scope"));
      return c.json({ role: membership.role, myMemberId: membership.memberId, members });
    })
    .patch(
      "/agencies/:agencyId/members/:memberId",
      agencyGuard("admin", ADMINS_ONLY),
      validParams(memberParam),
      formJson(memberUpdateSchema),
      async (c) => {
        const { memberId } = c.req.valid("param");
        const member = await updateMember(
          c.get("db"),
          c.get("scope"),
          c.get("actor"),
          memberId,
          c.req.valid("json"),
        );
        return c.json({ member });
      },
    )
    .post(
      "/agencies/:agencyId/invites",
      agencyGuard("admin", ADMINS_ONLY),
      formJson(inviteSchema),
      async (c) => {
        const { role, maxUses, hours } = c.req.valid("json");
        const invite = await createInvite(
          c.get("db"),
          c.get("scope").agencyId,
          role,
          c.get("actor"),
          deps.now(),
          {
            maxUses,
            ttlHours: hours,
          },
        );
        return c.json({ code: invite.code, expiresAt: invite.expiresAt.toISOString() }, 201);
      },
    );
}
