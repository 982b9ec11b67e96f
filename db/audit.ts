import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";
import type { Actor } from "./scope.ts";

// Every audited write in db/ records its change here, with the transaction that makes the change,
// so the change and its audit row commit or roll back together and every row has the same shape
// (the audit page, bot/api/audit.ts, reads them back).

/** One change to one thing, as its audit row shows it. */
export interface Change {
  /** null: nobody's own (a framework, a national date). */
  agencyId: number | null;
  /** "<entity>.<verb>": "measure.update", "member.join". */
  action: string;
  entity: string;
  entityId?: string | number;
  /** Omitted for a creation. */
  before?: unknown;
  /** Omitted for a deletion. */
  after?: unknown;
}

// An import audits tens of thousands of rows; one statement's parameters must stay below 65,535.
const ROWS_PER_INSERT = 2000;

/**
 * Writes the audit row of a change, or the rows of many (an import's), in `trx`: call it inside
 * the transaction that writes the change. Any database with the shared tables will do (a
 * repository's own `withTables`, too).
 */
export async function recordChange<DB extends Database>(
  trx: Kysely<DB>,
  actor: Actor,
  change: Change | readonly Change[],
): Promise<void> {
  // Kysely's type of a wider database does not narrow to Database; audit_log is the same table.
  const db = trx as unknown as Kysely<Database>;
  const changes: readonly Change[] = Array.isArray(change) ? change : [change as Change];
  for (let i = 0; i < changes.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto("audit_log")
      .values(
        changes.slice(i, i + ROWS_PER_INSERT).map((c) => ({
          agency_id: c.agencyId,
          member_id: actor.memberId ?? null,
          actor: actor.label,
          action: c.action,
          entity: c.entity,
          entity_id: c.entityId === undefined ? null : String(c.entityId),
          before: c.before === undefined ? null : JSON.stringify(c.before),
          after: c.after === undefined ? null : JSON.stringify(c.after),
        })),
      )
      .execute();
  }
}

/**
 * What an update changes: the fields of `after` whose value differs from `before`'s (compared as
 * JSON, so arrays and objects by value), as the before and after its audit row holds. No keys:
 * nothing to write and nothing to audit.
 */
export function changedFields<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T>; keys: (keyof T)[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const keys = (Object.keys(after) as (keyof T)[]).filter((k) => !same(before[k], after[k]));
  const pick = (o: T) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Partial<T>;
  return { before: pick(before), after: pick(after), keys };
}
