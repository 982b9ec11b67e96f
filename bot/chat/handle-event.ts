import type { Kysely } from "kysely";
import { helpMessage, textAnswer } from "../../core/chat/flex/index.ts";
import { parseQuery } from "../../core/chat/intent.ts";
import { chatVocabulary } from "../../core/chat/vocabulary.ts";
import { LINE_LIMITS } from "../../core/line/limits.ts";
import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import {
  type ClaimedDigest,
  claimDigestsForReply,
  markDigestsReplied,
} from "../../db/repositories/digest-replies.ts";
import type { FrameworkSource } from "../../db/repositories/frameworks.ts";
import { redeemInvite } from "../../db/repositories/invites.ts";
import { setFollowing } from "../../db/repositories/line-users.ts";
import { membershipsOf } from "../../db/repositories/members.ts";
import {
  markDeliveredByReply,
  settleMessage,
  staleDigests,
  undeliveredFor,
} from "../../db/repositories/outbox.ts";
import { directResults, type ResultsReader } from "../../db/repositories/results-cache.ts";
import type { ClaimedEvent } from "../../db/repositories/webhook-events.ts";
import type { Database } from "../../db/schema.ts";
import type { ReportLinker } from "../downloads/links.ts";
import type { LineClient, Message } from "../line/client.ts";
import type { Logger } from "../log.ts";
import {
  messageEventSchema,
  postbackEventSchema,
  textMessageSchema,
  type WebhookEvent,
} from "../webhook/schema.ts";
import { answerQuery } from "./answers.ts";
import { answerStepAction } from "./tasks.ts";
import { GREETING, linkOutcomeText, NOT_LINKED, ONLY_TEXT, SORRY } from "./texts.ts";

export interface ChatDeps {
  line: LineClient;
  now: () => Date;
  log: Logger;
  /** The frameworks of the years: the words chat understands and the figures it shows. */
  frameworks: FrameworkSource;
  /** Defaults to reading the database on every question. */
  results?: ResultsReader;
  /** Signed download links for "ขอรายงาน"; absent where reports are not served (Workers). */
  reports?: ReportLinker;
}

/** The sender's memberships when already known (read while claiming the event). */
type Handler = (
  deps: ChatDeps,
  db: Kysely<Database>,
  event: WebhookEvent,
  claimed?: ClaimedEvent,
) => Promise<void>;

/** Group chats: the bot speaks only when addressed, by mention or by name. */
const BOT_NAMES = /^\s*@?(โปร่งใส|prongsai)\s*/i;

const REPORT_IN_GROUP = "ลิงก์รายงานเปิดได้ทุกคนที่เห็น จึงไม่ส่งในกลุ่ม กรุณาพิมพ์ “ขอรายงาน” ในแชตส่วนตัวกับบัญชีโปร่งใส";

const HANDLERS: Record<string, Handler> = {
  message: onMessage,
  postback: onPostback,
  follow: onFollow,
  unfollow: onUnfollow,
  join: onJoin,
};

/** One event on its own: a failure is answered with an apology and logged, never rethrown into the batch. */
export async function handleEvent(
  deps: ChatDeps,
  db: Kysely<Database>,
  event: WebhookEvent,
  claimed?: ClaimedEvent,
): Promise<void> {
  const handler = HANDLERS[event.type];
  if (!handler) return;
  try {
    await handler(deps, db, event, claimed);
  } catch (error) {
    deps.log.error("chat: handler failed", {
      type: event.type,
      id: event.webhookEventId,
      error: String(error),
    });
    if (event.replyToken) await deps.line.reply(event.replyToken, [textAnswer(SORRY)]).catch(() => {});
  }
}

async function reply(deps: ChatDeps, event: WebhookEvent, messages: Message[]): Promise<void> {
  if (!event.replyToken || messages.length === 0) return;
  await deps.line.reply(event.replyToken, messages.slice(0, 5));
}

async function onMessage(
  deps: ChatDeps,
  db: Kysely<Database>,
  event: WebhookEvent,
  claimed?: ClaimedEvent,
): Promise<void> {
  const parsed = messageEventSchema.safeParse(event);
  if (!parsed.success) return;
  const inGroup = event.source?.type === "group" || event.source?.type === "room";
  const text = textMessageSchema.safeParse(parsed.data.message);
  if (!text.success) {
    if (!inGroup) await reply(deps, event, [textAnswer(ONLY_TEXT, ["คะแนน ITA", "ช่วยเหลือ"])]);
    return;
  }
  let body = text.data.text;
  if (inGroup) {
    const mentioned = text.data.mention?.mentionees.some((m) => m.isSelf) ?? false;
    if (!mentioned && !BOT_NAMES.test(body)) return;
    body = body.replace(BOT_NAMES, "");
  }
  await answerText(deps, db, event, body, claimed);
}

async function onPostback(
  deps: ChatDeps,
  db: Kysely<Database>,
  event: WebhookEvent,
  claimed?: ClaimedEvent,
): Promise<void> {
  const parsed = postbackEventSchema.safeParse(event);
  if (!parsed.success) return;
  const data = new URLSearchParams(parsed.data.postback.data);
  const question = data.get("q");
  if (question) {
    await answerText(deps, db, event, question, claimed);
    return;
  }
  const userId = event.source?.userId;
  if (!data.get("a") || !userId) return;
  const membership = (claimed?.memberships ?? (await membershipsOf(db, userId)))[0];
  if (!membership) {
    await reply(deps, event, [textAnswer(NOT_LINKED, ["ช่วยเหลือ"])]);
    return;
  }
  await reply(deps, event, await answerStepAction(db, membership, userId, data, deps.now()));
}

async function answerText(
  deps: ChatDeps,
  db: Kysely<Database>,
  event: WebhookEvent,
  text: string,
  known?: ClaimedEvent,
): Promise<void> {
  const userId = event.source?.userId;
  const frameworks = await deps.frameworks.get(db);
  const query = parseQuery(text, chatVocabulary(frameworks));
  const help = () => helpMessage(frameworks.latest()?.tools.map((t) => t.code) ?? []);
  if (!userId) {
    await reply(deps, event, [help()]);
    return;
  }
  if (query.intent === "link") {
    const name = await deps.line.displayName(userId).catch(() => undefined);
    const outcome = await redeemInvite(db, userId, name ?? null, query.code, deps.now());
    await reply(deps, event, [linkOutcomeText(outcome)]);
    return;
  }
  if (query.intent === "help" || query.intent === "unknown") {
    await reply(deps, event, [help()]);
    return;
  }
  // A signed link opens the report for whoever holds it: in a group, that is everyone in it.
  if (query.intent === "report" && event.source?.type !== "user") {
    await reply(deps, event, [textAnswer(REPORT_IN_GROUP)]);
    return;
  }
  const memberships = known?.memberships ?? (await membershipsOf(db, userId));
  const membership = memberships[0];
  if (!membership) {
    await reply(deps, event, [textAnswer(NOT_LINKED, ["ช่วยเหลือ"])]);
    return;
  }
  const results = deps.results ?? directResults;
  const answer = await answerQuery(
    {
      db,
      membership,
      lineUserId: userId,
      now: deps.now(),
      results,
      frameworks,
      ...(deps.reports ? { reports: deps.reports } : {}),
    },
    query,
  );
  await replyWithHeld(deps, db, event, userId, answer, {
    mayHaveHeld: known?.hasHeld ?? true,
    memberIds: known?.hasDueDigest === false ? [] : memberships.map((m) => m.memberId),
  });
}

/**
 * Replies are free, so they carry what would otherwise cost a push: the answer first, then
 * reminders held because the monthly push quota ran out, then the member's own digest of today
 * if it has not been pushed yet (planned in the evening for the morning, say) — as many as fit in
 * LINE's five. A digest taken for the reply goes back to the sender if the reply fails.
 */
async function replyWithHeld(
  deps: ChatDeps,
  db: Kysely<Database>,
  event: WebhookEvent,
  userId: string,
  answer: Message[],
  riders: { mayHaveHeld: boolean; memberIds: number[] },
): Promise<void> {
  const room = LINE_LIMITS.messagesPerRequest - answer.length;
  // Known from the claim's round trip in the common case: no extra query when nothing is held.
  const held = room > 0 && riders.mayHaveHeld ? await undeliveredFor(db, userId) : [];
  const riding: { id: string; messages: Message[] }[] = [];
  let used = 0;
  for (const h of held) {
    const messages = h.payload as Message[];
    if (used + messages.length > room) break;
    riding.push({ id: h.id, messages });
    used += messages.length;
  }
  const now = deps.now();
  // Back to the sender at the time it would have pushed them.
  const giveBack = async (list: ClaimedDigest[], error: string) => {
    for (const d of list) {
      const at = d.sendAt.getTime() > now.getTime() ? d.sendAt : now;
      await settleMessage(db, d.id, { status: "retry", at, error });
    }
  };
  // A digest is one message (digestMessage): the claim takes no more than there is room for.
  const claimed = await claimDigestsForReply(db, riders.memberIds, bangkokDate(now), now, room - used);
  const digests: { id: string; messages: Message[] }[] = [];
  const left: ClaimedDigest[] = [];
  // The sender's rule: a digest whose every step was done since it was planned is not sent.
  const stale = await staleDigests(
    db,
    claimed.map((d) => d.id),
  );
  for (const d of claimed) {
    const messages = d.payload as Message[];
    if (stale.has(d.id)) {
      await settleMessage(db, d.id, {
        status: "dead",
        error: "not sent: every item was done before sending",
      });
    } else if (used + messages.length > room) left.push(d);
    else {
      digests.push({ id: d.id, messages });
      used += messages.length;
    }
  }
  await giveBack(left, "no room in the reply");
  try {
    await reply(deps, event, [
      ...answer,
      ...riding.flatMap((r) => r.messages),
      ...digests.flatMap((d) => d.messages),
    ]);
  } catch (error) {
    await giveBack(
      claimed.filter((d) => digests.some((r) => r.id === d.id)),
      "the reply that carried it failed",
    );
    throw error;
  }
  if (riding.length)
    await markDeliveredByReply(
      db,
      riding.map((r) => r.id),
      now,
    );
  await markDigestsReplied(
    db,
    digests.map((d) => d.id),
    now,
  );
}

async function onFollow(deps: ChatDeps, db: Kysely<Database>, event: WebhookEvent): Promise<void> {
  const userId = event.source?.userId;
  if (userId) {
    const name = await deps.line.displayName(userId).catch(() => undefined);
    await setFollowing(db, userId, true, name);
  }
  await reply(deps, event, [textAnswer(GREETING, ["คะแนน ITA", "จุดอ่อน", "ช่วยเหลือ"])]);
}

async function onUnfollow(_deps: ChatDeps, db: Kysely<Database>, event: WebhookEvent): Promise<void> {
  const userId = event.source?.userId;
  if (userId) await setFollowing(db, userId, false);
}

async function onJoin(deps: ChatDeps, _db: Kysely<Database>, event: WebhookEvent): Promise<void> {
  await reply(deps, event, [
    textAnswer(`${GREETING}\n\nในกลุ่มนี้ พิมพ์ "@โปร่งใส" ตามด้วยคำถาม เช่น "@โปร่งใส คะแนน ITA"`),
  ]);
}
