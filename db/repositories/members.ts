import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { AgencyScope, Role } from "../scope.ts";

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
