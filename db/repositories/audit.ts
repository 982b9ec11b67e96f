import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { Actor } from "../scope.ts";

export interface AuditEntry {
  agencyId: number | null;
  action: string;
  entity: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

/** Writes audit rows; call inside the transaction that makes the change. */
export async function writeAudit(db: Kysely<Database>, actor: Actor, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 2000) {
    await db
      .insertInto("audit_log")
      .values(
        entries.slice(i, i + 2000).map((e) => ({
          agency_id: e.agencyId,
          member_id: actor.memberId ?? null,
          actor: actor.label,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId === undefined ? null : String(e.entityId),
          before: e.before === undefined ? null : JSON.stringify(e.before),
          after: e.after === undefined ? null : JSON.stringify(e.after),
        })),
      )
      .execute();
  }
}
