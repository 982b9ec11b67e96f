import { CompiledQuery, type InferResult, type Kysely, sql } from "kysely";
import { preparedMarker } from "../prepared.ts";
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

function claimQuery(db: Kysely<Database>, events: readonly IncomingEvent[]) {
  return db
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
    .orderBy("m.id", "desc");
}

/** The claim's values in the order its compiled text takes them: four per event, then `m.active`. */
function claimValues(events: readonly IncomingEvent[]): unknown[] {
  const values: unknown[] = [];
  for (const e of events) {
    values.push(e.webhookEventId, e.type, e.source?.userId ?? null, e.deliveryContext.isRedelivery);
  }
  values.push(true);
  return values;
}

/**
 * The claim's text for a batch of n events, built and compiled once per n (every webhook runs
 * it; building it took more CPU than anything else of ours in the database layer) and marked as
 * a prepared statement. Batches above this many events are compiled each time.
 */
const CACHED_UP_TO = 5;
const claimTexts = new Map<number, string>();

function claimStatement(db: Kysely<Database>, events: readonly IncomingEvent[]) {
  type Row = InferResult<ReturnType<typeof claimQuery>>[number];
  const values = claimValues(events);
  let text = claimTexts.get(events.length);
  if (text === undefined) {
    const compiled = claimQuery(db, events).compile();
    // Cached only while the builder takes the values in the order claimValues gives them.
    const same =
      compiled.parameters.length === values.length && compiled.parameters.every((p, i) => p === values[i]);
    if (!same || events.length > CACHED_UP_TO) return compiled as CompiledQuery<Row>;
    text = `${preparedMarker(`claim_webhook_events_${events.length}`)} ${compiled.sql}`;
    claimTexts.set(events.length, text);
  }
  return CompiledQuery.raw(text, values) as CompiledQuery<Row>;
}

export async function claimWebhookEvents(
  db: Kysely<Database>,
  events: readonly IncomingEvent[],
): Promise<Map<string, ClaimedEvent>> {
  const { rows } = await db.executeQuery(claimStatement(db, events));
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
