import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { Membership } from "./members.ts";

export interface IncomingEvent {
  webhookEventId: string;
  type: string;
  source?: { userId?: string | undefined } | undefined;
  deliveryContext: { isRedelivery: boolean };
}

/**
 * Claims a batch of event ids in one statement: all or none, so a failure leaves nothing
 * half-claimed for LINE's redelivery. Returns the ids seen for the first time, each with its
 * sender's memberships, read in the same round trip (the chat needs them next).
 */
export interface ClaimedEvent {
  memberships: Membership[];
  /** The sender has reminders held back by the push quota (they can ride on the reply). */
  hasHeld: boolean;
  /** The sender has a digest of their own not pushed yet (it may ride on the reply). */
  hasDueDigest: boolean;
}

export async function claimWebhookEvents(
  db: Kysely<Database>,
  events: readonly IncomingEvent[],
): Promise<Map<string, ClaimedEvent>> {
  const rows = await db
    .with("claimed", (q) =>
      q
        .insertInto("webhook_events")
        .values(
          events.map((e) => ({
            id: e.webhookEventId,
            event_type: e.type,
            line_user_id: e.source?.userId ?? null,
            redelivery: e.deliveryContext.isRedelivery,
          })),
        )
        .onConflict((oc) => oc.column("id").doNothing())
        .returning(["id", "line_user_id"]),
    )
    .selectFrom("claimed as c")
    .leftJoin("members as m", (j) =>
      j.onRef("m.line_user_id", "=", "c.line_user_id").on("m.active", "=", true),
    )
    .leftJoin("agencies as g", "g.id", "m.agency_id")
    .select([
      "c.id",
      "m.id as member_id",
      "m.agency_id",
      "g.code",
      "g.name_th",
      "m.role",
      "m.created_at",
      sql<boolean>`exists (select 1 from outbox o where o.status = 'held' and c.line_user_id = any(o.recipients))`.as(
        "has_held",
      ),
      // Through the one-digest-a-day index (member_id, day): cheap enough for every event.
      sql<boolean>`exists (select 1 from outbox o where o.kind = 'digest' and o.member_id = m.id and o.status = 'pending' and o.attempts = 0)`.as(
        "has_due_digest",
      ),
    ])
    .orderBy("m.created_at", "desc")
    .orderBy("m.id", "desc")
    .execute();
  const out = new Map<string, ClaimedEvent>();
  for (const r of rows) {
    const claimed = out.get(r.id) ?? { memberships: [], hasHeld: Boolean(r.has_held), hasDueDigest: false };
    if (r.has_due_digest) claimed.hasDueDigest = true;
    if (
      r.member_id !== null &&
      r.agency_id !== null &&
      r.code !== null &&
      r.name_th !== null &&
      r.role !== null
    ) {
      claimed.memberships.push({
        memberId: r.member_id,
        agencyId: r.agency_id,
        agencyCode: r.code,
        agencyName: r.name_th,
        role: r.role,
      });
    }
    out.set(r.id, claimed);
  }
  return out;
}
