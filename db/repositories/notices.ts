import { type Kysely, sql } from "kysely";
import type { NoticeKind } from "../../core/measures/model.ts";
import { digestMarker } from "../../core/measures/plan.ts";
import type { Database } from "../schema.ts";

/** One notice as the planner made it (core/measures/plan.ts), about to be recorded. */
export interface NoticeRecord {
  dedupeKey: string;
  agencyId: number;
  memberId: number;
  itemKey: string;
  kind: NoticeKind;
  day: string;
}

const row = (n: NoticeRecord) => ({
  dedupe_key: n.dedupeKey,
  agency_id: n.agencyId,
  member_id: n.memberId,
  item_key: n.itemKey,
  kind: n.kind,
  day: n.day,
});

/**
 * Records the notices sent in one outbox message. A notice recorded before is an error (its
 * primary key): the planner asked for one it had been told about, and the planning must roll back.
 */
export async function recordPlannedNotices(
  db: Kysely<Database>,
  outboxId: string,
  notices: readonly NoticeRecord[],
): Promise<void> {
  if (notices.length === 0) return;
  await db
    .insertInto("notices")
    .values(notices.map((n) => ({ ...row(n), outbox_id: outboxId })))
    .execute();
}

/**
 * Records notices that a later notice of the same member and item replaced, as if sent, so they
 * are never planned again. One already recorded stays as it was.
 */
export async function recordSupersededNotices(
  db: Kysely<Database>,
  notices: readonly NoticeRecord[],
): Promise<void> {
  if (notices.length === 0) return;
  await db
    .insertInto("notices")
    .values(notices.map((n) => ({ ...row(n), superseded: true })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * What the planner must not plan again for these members from `since` on: the keys of notices
 * already planned or superseded, and a marker (`digestMarker`) for every digest already made.
 */
export async function recordedNoticeKeys(
  db: Kysely<Database>,
  memberIds: readonly number[],
  since: string,
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const [notices, digests] = await Promise.all([
    db
      .selectFrom("notices")
      .select("dedupe_key")
      .where("member_id", "in", memberIds)
      .where("day", ">=", since)
      .execute(),
    // A member's digest may be a multicast row shared with co-owners: find it through its notices.
    db
      .selectFrom("notices as n")
      .innerJoin("outbox as o", "o.id", "n.outbox_id")
      .select(["n.member_id", sql<string>`o.day::text`.as("day")])
      .distinct()
      .where("o.kind", "=", "digest")
      .where("n.member_id", "in", memberIds)
      .where("o.day", ">=", since)
      .execute(),
  ]);
  const out = new Set(notices.map((n) => n.dedupe_key));
  for (const d of digests) out.add(digestMarker(d.member_id, d.day));
  return out;
}
