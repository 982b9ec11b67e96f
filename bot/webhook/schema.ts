import { z } from "zod";
import { LINE_LIMITS } from "../../core/line/limits.ts";

// LINE's webhook bodies, validated before anything reads them (webhook.yml). Unknown fields are
// kept (LINE adds fields over time); what the bot relies on must be there and well-formed.

/**
 * LINE's ids and tokens are printable ASCII (U…/C…/R… ids, ULID event ids): anything else is not
 * from LINE, and a NUL would not even reach the database.
 */
const token = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x21-\x7e]+$/);

const source = z.object({
  type: z.enum(["user", "group", "room"]),
  userId: token(100).optional(),
  groupId: token(100).optional(),
  roomId: token(100).optional(),
});

export const eventSchema = z.looseObject({
  type: z.string().regex(/^[A-Za-z]{1,50}$/),
  timestamp: z.number().int().nonnegative(),
  webhookEventId: token(64),
  deliveryContext: z.object({ isRedelivery: z.boolean() }),
  mode: z.enum(["active", "standby"]).optional(),
  source: source.optional(),
  replyToken: token(200).optional(),
});

export type WebhookEvent = z.infer<typeof eventSchema>;

export const envelopeSchema = z.object({
  destination: z.string().max(100),
  events: z.array(z.unknown()).max(100),
});

export const textMessageSchema = z.looseObject({
  type: z.literal("text"),
  id: z.string(),
  text: z.string().max(10_000),
  mention: z
    .object({
      mentionees: z.array(
        z.looseObject({
          index: z.number(),
          length: z.number(),
          type: z.string().optional(),
          isSelf: z.boolean().optional(),
        }),
      ),
    })
    .optional(),
});

export const messageEventSchema = z.looseObject({
  message: z.looseObject({ type: z.string(), id: z.string() }),
});

export const postbackEventSchema = z.looseObject({
  postback: z.looseObject({ data: z.string().max(LINE_LIMITS.postbackDataChars) }),
});
