import type { Kysely } from "kysely";
import { changedFields, recordChange } from "../audit.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import type { Database } from "../schema.ts";
import type { Actor, AgencyScope, Role } from "../scope.ts";

export interface Membership {
  memberId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  role: Role;
}

/** The agencies a LINE user belongs to, most recently joined first. */
export async function membershipsOf(db: Kysely<Database>, lineUserId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom("members as m")
    .innerJoin("agencies as g", "g.id", "m.agency_id")
    .select(["m.id", "m.agency_id", "g.code", "g.name_th", "m.role"])
    .where("m.line_user_id", "=", lineUserId)
    .where("m.active", "=", true)
    .orderBy("m.created_at", "desc")
    .orderBy("m.id", "desc")
    .execute();
  return rows.map((r) => ({
    memberId: r.id,
    agencyId: r.agency_id,
    agencyCode: r.code,
    agencyName: r.name_th,
    role: r.role,
  }));
}

export function scopeOf(m: Membership): AgencyScope {
  return { agencyId: m.agencyId, role: m.role, memberId: m.memberId };
}

/** One member as the members page shows them. */
export interface MemberSummary {
  id: number;
  displayName: string | null;
  role: Role;
  active: boolean;
  joinedAt: string;
}

/** The agency's active members, earliest joined first; the name LINE gave at join or follow. */
export async function listMembers(db: Kysely<Database>, scope: AgencyScope): Promise<MemberSummary[]> {
  const rows = await db
    .selectFrom("members as m")
    .leftJoin("line_users as u", "u.line_user_id", "m.line_user_id")
    .select(["m.id", "m.display_name", "u.display_name as line_name", "m.role", "m.active", "m.created_at"])
    .where("m.agency_id", "=", scope.agencyId)
    .where("m.active", "=", true)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name ?? r.line_name ?? null,
    role: r.role,
    active: r.active,
    joinedAt: new Date(r.created_at).toISOString(),
  }));
}

/** The change would leave the agency without an active admin. */
export class LastAdminError extends ValidationError {
  constructor() {
    super("an agency keeps at least one active admin");
  }
}

export interface MemberPatch {
  role?: Role;
  active?: boolean;
}

/**
 * An admin changes a member's role or deactivates them, audited with before and after.
 * The agency's admins are locked first (in id order) so two admins demoting each other at once
 * cannot leave it with none: the last active admin cannot be demoted or deactivated.
 */
export async function updateMember(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  memberId: number,
  patch: MemberPatch,
): Promise<MemberSummary> {
  if (scope.role !== "admin" && scope.role !== "system")
    throw new ForbiddenError("only admins manage members");
  return db.transaction().execute(async (trx) => {
    const admins = await trx
      .selectFrom("members")
      .select("id")
      .where("agency_id", "=", scope.agencyId)
      .where("role", "=", "admin")
      .where("active", "=", true)
      .orderBy("id")
      .forUpdate()
      .execute();
    const current = await trx
      .selectFrom("members")
      .select(["id", "display_name", "role", "active", "created_at"])
      .where("id", "=", memberId)
      .where("agency_id", "=", scope.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new NotFoundError("member", memberId);
    const next = { role: patch.role ?? current.role, active: patch.active ?? current.active };
    const changes = changedFields({ role: current.role, active: current.active }, next);
    const summary = (m: typeof next): MemberSummary => ({
      id: current.id,
      displayName: current.display_name,
      ...m,
      joinedAt: new Date(current.created_at).toISOString(),
    });
    if (changes.keys.length === 0) return summary(current);
    const losesAdmin = current.active && current.role === "admin" && !(next.active && next.role === "admin");
    if (losesAdmin && admins.every((a) => a.id === memberId)) throw new LastAdminError();
    await trx.updateTable("members").set(next).where("id", "=", memberId).execute();
    await recordChange(trx, actor, {
      agencyId: scope.agencyId,
      action: "member.update",
      entity: "member",
      entityId: memberId,
      before: changes.before,
      after: changes.after,
    });
    return summary(next);
  });
}
