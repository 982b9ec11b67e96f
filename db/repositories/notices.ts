import { type Kysely, sql } from "kysely";
import type { NoticeKind } from "../../core/measures/model.ts";
import { digestMarker } from "../../core/measures/plan.ts";
import { inBatches } from "../batches.ts";
import type { Database } from "../schema.ts";

/** One notice as the planner made it (core/measures/plan.ts), about to be recorded with its digest. */
export interface NoticeRecord {
  dedupeKey: string;
  agencyId: number;
  memberId: number;
  /** "step:12" or "milestone:4" (DueItem.key). */
  itemKey: string;
  kind: NoticeKind;
  day: string;
  /** The due date of the item's schedule the notice belongs to. */
  dueOn: string;
  /** The outbox message it goes out in. */
  outboxId: string;
}

const ITEM_KEY = /^(step|milestone):(\d+)$/;

/** The typed reference of an item key: the planner's keys are the only ones there are. */
export function itemReference(itemKey: string): { step_id: number | null; milestone_id: number | null } {
  const match = ITEM_KEY.exec(itemKey);
  if (!match) throw new Error(`not an item key: ${itemKey}`);
  const id = Number(match[2]);
  return match[1] === "step" ? { step_id: id, milestone_id: null } : { step_id: null, milestone_id: id };
}

/**
 * Records planned notices, each with the digest it goes out in, in as few statements as the
 * parameter limit allows. A notice recorded before is an error (its primary key): the planner
 * planned one it had been told about, and the planning must roll back.
 */
export async function recordNotices(
  db: Kysely<Database>,
  notices: readonly NoticeRecord[],
  maxParameters?: number,
): Promise<void> {
  await inBatches(
    notices.map((n) => ({
      dedupe_key: n.dedupeKey,
      agency_id: n.agencyId,
      member_id: n.memberId,
      item_key: n.itemKey,
      ...itemReference(n.itemKey),
      kind: n.kind,
      day: n.day,
      due_on: n.dueOn,
      outbox_id: n.outboxId,
    })),
    (batch) => db.insertInto("notices").values(batch).execute(),
    maxParameters,
  );
}

/**
 * The keys of the notices recorded for these members from `since` on, and a marker
 * (`digestMarker`) for every digest already made: what the push forecast
 * (core/measures/push-forecast.ts) starts from. Notices superseded since watermarks are not
 * recorded; the forecast's planner supersedes them again by the newest recorded one, so it
 * plans the same digests.
 */
export async function recordedNoticeKeys(
  db: Kysely<Database>,
  memberIds: readonly number[],
  since: string,
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const ids = [...memberIds];
  const [notices, digests] = await Promise.all([
    db
      .selectFrom("notices")
      .select("dedupe_key")
      .where(sql<boolean>`member_id = any(${ids}::int[])`)
      .where("day", ">=", since)
      .execute(),
    // A member's digest may be a multicast row shared with co-owners: find it through its notices.
    db
      .selectFrom("notices as n")
      .innerJoin("outbox as o", "o.id", "n.outbox_id")
      .select(["n.member_id", sql<string>`o.day::text`.as("day")])
      .distinct()
      .where("o.kind", "=", "digest")
      .where(sql<boolean>`n.member_id = any(${ids}::int[])`)
      .where("o.day", ">=", since)
      .execute(),
  ]);
  const out = new Set(notices.map((n) => n.dedupe_key));
  for (const d of digests) out.add(digestMarker(d.member_id, d.day));
  return out;
}
