import { Hono } from "hono";
import type { Kysely } from "kysely";
import { type ClaimedEvent, claimWebhookEvents } from "../../db/repositories/webhook-events.ts";
import type { Database } from "../../db/schema.ts";
import type { RequestLogEnv } from "../http/request-log.ts";
import type { Logger } from "../log.ts";
import { envelopeSchema, eventSchema, type WebhookEvent } from "./schema.ts";
import { signatureIsValid } from "./signature.ts";

export interface WebhookDeps {
  db: (c: { env: unknown }) => Kysely<Database>;
  channelSecrets: readonly string[];
  /** Runs work after the response (Workers: waitUntil; Node: a tracked promise). */
  defer: (c: { env: unknown }, work: () => Promise<unknown>) => void;
  /** `claimed`: the sender's memberships and held reminders, read while claiming the event. */
  handleEvent: (
    db: Kysely<Database>,
    event: WebhookEvent,
    claimed: ClaimedEvent,
    log: Logger,
  ) => Promise<void>;
  log: Logger;
}

/**
 * POST /webhook: verify the signature on the raw body, validate, claim each event id once
 * (redeliveries are answered 200 and dropped), answer 200 at once and handle events after.
 */
export function webhookRoute(deps: WebhookDeps) {
  const app = new Hono<{ Variables: Partial<RequestLogEnv["Variables"]> }>();
  app.post("/webhook", async (c) => {
    // The request's own logger (request id on every line) when the app set one up.
    const log = c.get("log") ?? deps.log;
    const raw = await c.req.text();
    if (!signatureIsValid(raw, c.req.header("x-line-signature"), deps.channelSecrets)) {
      log.warn("webhook: bad signature", { bytes: raw.length });
      return c.json({ message: "invalid signature" }, 401);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return c.json({ message: "invalid JSON" }, 400);
    }
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) {
      log.warn("webhook: invalid body", { issues: envelope.error.issues.slice(0, 5) });
      return c.json({ message: "invalid body" }, 400);
    }
    const events: WebhookEvent[] = [];
    for (const e of envelope.data.events) {
      const parsed = eventSchema.safeParse(e);
      if (parsed.success) events.push(parsed.data);
      else log.warn("webhook: skipped an invalid event", { issues: parsed.error.issues.slice(0, 5) });
    }
    if (events.length === 0) return c.json({});
    const db = deps.db(c);
    let fresh: Map<string, ClaimedEvent>;
    try {
      fresh = await claimWebhookEvents(db, events);
    } catch (error) {
      // Nothing was claimed: a non-2xx makes LINE redeliver the whole batch later.
      log.error("webhook: database unavailable, asking LINE to redeliver", { error: String(error) });
      return c.json({ message: "temporarily unavailable" }, 503);
    }
    for (const event of events) {
      // An id twice in one batch is handled once: take it out of the map when first used.
      const claimed = fresh.get(event.webhookEventId);
      if (!claimed || !fresh.delete(event.webhookEventId)) {
        log.info("webhook: duplicate event dropped", { id: event.webhookEventId });
        continue;
      }
      deps.defer(c, () =>
        deps.handleEvent(db, event, claimed, log).catch((error: unknown) =>
          log.error("webhook: event failed", {
            id: event.webhookEventId,
            type: event.type,
            error: String(error),
          }),
        ),
      );
    }
    return c.json({});
  });
  return app;
}
