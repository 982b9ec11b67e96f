import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface ClaimedDigest {
  id: string;
  payload: unknown;
  /** When the sender would have pushed it: where it goes back to if the reply fails. */
  sendAt: Date;
}

/**
 * Claims up to `limit` of a member's digests of `today` or before that have not been pushed yet
 * (planned in the evening for the morning, or waiting behind others), so that the reply to what
 * the member just wrote, which is free, carries them instead of a push.
 *
 * Marked "sending" as the sender's own claim does: a reply that never settles them leaves them to
 * the sender, which takes stale claims again and pushes. Only rows never tried (attempts = 0): a
 * row pushed once may have reached LINE already. Only a member's own digest (member_id set): a
 * multicast row is shared with co-owners who did not write. Locked rows (the sender's) are skipped.
 */
export async function claimDigestsForReply(
  db: Kysely<Database>,
  memberIds: readonly number[],
  today: string,
  now: Date,
  limit: number,
): Promise<ClaimedDigest[]> {
  if (memberIds.length === 0 || limit <= 0) return [];
  return db.transaction().execute(async (trx) => {
    const ids = await trx
      .selectFrom("outbox")
      .select("id")
      .where("kind", "=", "digest")
      .where("member_id", "in", memberIds)
      .where("day", "<=", today)
      .where("status", "=", "pending")
      .where("attempts", "=", 0)
      .orderBy("day")
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (ids.length === 0) return [];
    const rows = await trx
      .updateTable("outbox")
      .set({ status: "sending", claimed_at: now })
      .where(
        "id",
        "in",
        ids.map((r) => r.id),
      )
      .returning(["id", "payload", "send_at"])
      .execute();
    return rows
      .map((r) => ({ id: String(r.id), payload: r.payload, sendAt: r.send_at }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  });
}

/** Digests claimed for a reply went out in it: sent, and marked so, as held messages are. */
export async function markDigestsReplied(
  db: Kysely<Database>,
  ids: readonly string[],
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: now, last_error: "delivered in a reply" })
    .where("id", "in", ids)
    .where("status", "=", "sending")
    .execute();
}
