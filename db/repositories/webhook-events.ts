import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface IncomingEvent {
  webhookEventId: string;
  type: string;
  source?: { userId?: string | undefined } | undefined;
  deliveryContext: { isRedelivery: boolean };
}

/**
 * Claims a batch of event ids in one statement: all or none, so a failure leaves nothing
 * half-claimed for LINE's redelivery. Returns the ids seen for the first time.
 */
export async function claimWebhookEvents(
  db: Kysely<Database>,
  events: readonly IncomingEvent[],
): Promise<Set<string>> {
  const rows = await db
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
    .returning("id")
    .execute();
  return new Set(rows.map((r) => r.id));
}
