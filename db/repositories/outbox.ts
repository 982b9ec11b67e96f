import { type Kysely, sql } from "kysely";
import { batches, inBatches } from "../batches.ts";
import type { Database, OutboxStatus } from "../schema.ts";

export interface OutboxRow {
  id: string;
  agencyId: number;
  recipients: string[];
  kind: string;
  payload: unknown;
  retryKey: string;
  attempts: number;
}

/**
 * Claims up to `limit` messages that are due, and any left "sending" by a sender that died
 * more than `staleMs` ago. Two senders never claim the same row (FOR UPDATE SKIP LOCKED); a row
 * is marked "sending" and committed before anything is pushed, so a crash leaves it reclaimable,
 * and its fixed retry key makes LINE drop the second push.
 */
export async function claimDueMessages(
  db: Kysely<Database>,
  now: Date,
  options: { limit: number; staleMs: number },
): Promise<OutboxRow[]> {
  const stale = new Date(now.getTime() - options.staleMs);
  return db.transaction().execute(async (trx) => {
    const ids = await trx
      .selectFrom("outbox")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]),
          eb.and([eb("status", "=", "sending"), eb("claimed_at", "<", stale)]),
        ]),
      )
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (ids.length === 0) return [];
    const rows = await trx
      .updateTable("outbox")
      .set({ status: "sending", claimed_at: now, attempts: sql`attempts + 1` })
      .where(
        "id",
        "in",
        ids.map((r) => r.id),
      )
      .returning(["id", "agency_id", "recipients", "kind", "payload", "retry_key", "attempts"])
      .execute();
    return rows
      .map((r) => ({
        id: String(r.id),
        agencyId: r.agency_id,
        recipients: r.recipients,
        kind: r.kind,
        payload: r.payload,
        retryKey: r.retry_key,
        attempts: r.attempts,
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  });
}

export type Settlement =
  | { status: "sent"; at: Date }
  | { status: "retry"; at: Date; error: string }
  | { status: "held"; error: string }
  | { status: "dead"; error: string };

/**
 * Records what happened to claimed messages, all in one statement; only a claim that is still
 * current ("sending") is settled.
 */
export async function settleMessages(
  db: Kysely<Database>,
  settled: readonly { id: string; outcome: Settlement }[],
): Promise<void> {
  for (const batch of batches(settled, 5)) {
    const ids = batch.map((s) => s.id);
    const statuses = batch.map(
      ({ outcome }): OutboxStatus => (outcome.status === "retry" ? "pending" : outcome.status),
    );
    const sentAt = batch.map(({ outcome }) => (outcome.status === "sent" ? outcome.at.toISOString() : null));
    const nextAt = batch.map(({ outcome }) => (outcome.status === "retry" ? outcome.at.toISOString() : null));
    const errors = batch.map(({ outcome }) => ("error" in outcome ? outcome.error : null));
    await sql`
      update outbox o
         set status = v.status, sent_at = coalesce(v.sent_at, o.sent_at),
             next_attempt_at = coalesce(v.next_at, o.next_attempt_at), last_error = v.error
        from unnest(${ids}::bigint[], ${statuses}::text[], ${sentAt}::timestamptz[], ${nextAt}::timestamptz[],
                    ${errors}::text[]) as v(id, status, sent_at, next_at, error)
       where o.id = v.id and o.status = 'sending'`.execute(db);
  }
}

/** Records what happened to one claimed message (settleMessages). */
export async function settleMessage(db: Kysely<Database>, id: string, outcome: Settlement): Promise<void> {
  await settleMessages(db, [{ id, outcome }]);
}

/** Messages held because the monthly quota ran out go back in line (e.g. when a new month starts). */
export async function releaseHeld(db: Kysely<Database>, now: Date): Promise<number> {
  const r = await db
    .updateTable("outbox")
    .set({ status: "pending", next_attempt_at: now })
    .where("status", "=", "held")
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Pending or held messages for a LINE user, so chat replies can show what could not be pushed. */
export async function undeliveredFor(
  db: Kysely<Database>,
  lineUserId: string,
): Promise<{ id: string; payload: unknown }[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(["id", "payload"])
    .where("status", "=", "held")
    .where(sql<boolean>`${lineUserId}::text = any(recipients)`)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: String(r.id), payload: r.payload }));
}

/**
 * A UUID derived from what the message is (e.g. "digest|12|2025-03-24"), so the same message
 * always carries the same X-Line-Retry-Key, whoever plans or sends it.
 */
export async function retryKeyFor(naturalKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(naturalKey)));
  digest[6] = (digest[6]! & 0x0f) | 0x50; // version 5 layout (name-based)
  digest[8] = (digest[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface NewMessage {
  agencyId: number;
  memberId?: number;
  recipients: string[];
  kind: "digest" | "status_update" | "quota_warning";
  day: string;
  payload: unknown;
  sendAt: Date;
  /** What makes this message unique; also the source of its retry key. */
  naturalKey: string;
}

/**
 * Adds messages, in as few statements as the parameter limit allows; a message with the natural
 * key of one already there (or a second digest for a member that day) is ignored. Returns each
 * message's id, or undefined for one ignored, in the order given.
 */
export async function enqueueMessages(
  db: Kysely<Database>,
  messages: readonly NewMessage[],
  maxParameters?: number,
): Promise<(string | undefined)[]> {
  const keys = await Promise.all(messages.map((m) => retryKeyFor(m.naturalKey)));
  const rows = await inBatches(
    messages.map((m, i) => ({
      agency_id: m.agencyId,
      member_id: m.memberId ?? null,
      recipients: m.recipients,
      kind: m.kind,
      day: m.day,
      payload: JSON.stringify(m.payload),
      retry_key: keys[i]!,
      send_at: m.sendAt,
      next_attempt_at: m.sendAt,
    })),
    (batch) =>
      db
        .insertInto("outbox")
        .values(batch)
        .onConflict((oc) => oc.doNothing())
        .returning(["id", "retry_key"])
        .execute(),
    maxParameters,
  );
  // RETURNING promises no order: each row is known by its retry key.
  const ids = new Map(rows.map((r) => [r.retry_key, String(r.id)]));
  return keys.map((k) => ids.get(k));
}

/** Adds a message; a second message with the same natural key (or a second digest that day) is ignored. */
export async function enqueueMessage(db: Kysely<Database>, m: NewMessage): Promise<string | undefined> {
  return (await enqueueMessages(db, [m]))[0];
}

/** Held messages that went out inside a (free) reply instead of a push. */
export async function markDeliveredByReply(db: Kysely<Database>, ids: string[], now: Date): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: now, last_error: "delivered in a reply" })
    .where("id", "in", ids)
    .where("status", "=", "held")
    .execute();
}

/**
 * Of these messages, the digests whose every item is a measure step done or cancelled since it
 * was planned (e.g. planned in the evening, ticked off before the morning): they are not sent.
 * A digest that names a calendar date, or a step since deleted, is never stale.
 */
export async function staleDigests(db: Kysely<Database>, outboxIds: readonly string[]): Promise<Set<string>> {
  if (outboxIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("notices as n")
    .leftJoin("measure_steps as s", (j) =>
      j.onRef("s.id", "=", "n.step_id").onRef("s.agency_id", "=", "n.agency_id"),
    )
    .select("n.outbox_id")
    .where(sql<boolean>`n.outbox_id = any(${outboxIds}::bigint[])`)
    .groupBy("n.outbox_id")
    .having(sql<boolean>`bool_and(coalesce(s.status in ('done', 'cancelled'), false))`)
    .execute();
  return new Set(rows.map((r) => String(r.outbox_id)));
}
