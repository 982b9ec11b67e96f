import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { inviteSchema, memberUpdateSchema } from "../../core/schemas/members.ts";
import { NotFoundError } from "../../db/errors.ts";
import { createInvite } from "../../db/repositories/invites.ts";
import { LastAdminError, listMembers, scopeOf, updateMember } from "../../db/repositories/members.ts";
import type { ApiDeps, ApiEnv } from "./context.ts";
import { formJson } from "./form-json.ts";

const agencyParam = z.object({ agencyId: z.coerce.number().int().positive() });
const memberParam = agencyParam.extend({ memberId: z.coerce.number().int().positive() });

const FORBIDDEN = { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" };
const ADMINS_ONLY = { error: "เฉพาะผู้ดูแลของหน่วยงานจัดการสมาชิกและรหัสเชิญได้" };
const NOT_FOR_VIEWERS = { error: "บทบาทผู้ดูไม่เห็นรายชื่อสมาชิก" };
export const LAST_ADMIN_TH =
  "หน่วยงานต้องมีผู้ดูแลอย่างน้อย 1 คน กรุณาแต่งตั้งสมาชิกอื่นเป็นผู้ดูแลก่อน จึงจะเปลี่ยนบทบาทหรือนำผู้ดูแลคนสุดท้ายออกได้";

/** Members and invite codes of an agency: admins manage, editors see the list, viewers neither. */
export function membersApi(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .get("/agencies/:agencyId/members", zValidator("param", agencyParam), async (c) => {
      const { agencyId } = c.req.valid("param");
      const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
      if (!membership) return c.json(FORBIDDEN, 403);
      if (membership.role === "viewer") return c.json(NOT_FOR_VIEWERS, 403);
      const members = await listMembers(c.get("db"), scopeOf(membership));
      return c.json({ role: membership.role, myMemberId: membership.memberId, members });
    })
    .patch(
      "/agencies/:agencyId/members/:memberId",
      zValidator("param", memberParam),
      formJson(memberUpdateSchema),
      async (c) => {
        const { agencyId, memberId } = c.req.valid("param");
        const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
        if (!membership) return c.json(FORBIDDEN, 403);
        if (membership.role !== "admin") return c.json(ADMINS_ONLY, 403);
        const actor = { label: `line:${c.get("identity").userId}`, memberId: membership.memberId };
        try {
          const member = await updateMember(
            c.get("db"),
            scopeOf(membership),
            actor,
            memberId,
            c.req.valid("json"),
          );
          return c.json({ member });
        } catch (error) {
          if (error instanceof NotFoundError) return c.json({ error: "ไม่พบสมาชิกนี้ในหน่วยงานของท่าน" }, 404);
          if (error instanceof LastAdminError) return c.json({ error: LAST_ADMIN_TH }, 400);
          throw error;
        }
      },
    )
    .post(
      "/agencies/:agencyId/invites",
      zValidator("param", agencyParam),
      formJson(inviteSchema),
      async (c) => {
        const { agencyId } = c.req.valid("param");
        const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
        if (!membership) return c.json(FORBIDDEN, 403);
        if (membership.role !== "admin") return c.json(ADMINS_ONLY, 403);
        const { role, maxUses, hours } = c.req.valid("json");
        const actor = { label: `line:${c.get("identity").userId}`, memberId: membership.memberId };
        const invite = await createInvite(c.get("db"), agencyId, role, actor, deps.now(), {
          maxUses,
          ttlHours: hours,
        });
        return c.json({ code: invite.code, expiresAt: invite.expiresAt.toISOString() }, 201);
      },
    );
}
