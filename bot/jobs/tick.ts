import type { Kysely } from "kysely";
import type { DigestItemView } from "../../core/chat/cards.ts";
import { digestMessage } from "../../core/chat/flex/digest.ts";
import { LINE_LIMITS } from "../../core/line/limits.ts";
import { DEFAULT_PREFS, type Digest, type DueItem } from "../../core/measures/model.ts";
import { digestMarker, digestSlot, planNotices } from "../../core/measures/plan.ts";
import { addDays, daysBetween, formatThaiDate } from "../../core/thai/date.ts";
import { bangkokDate, fiscalYearOfDate } from "../../core/thai/fiscal-year.ts";
import {
  agencyBlocks,
  type PendingRemindersQuery,
  pendingReminders,
} from "../../db/repositories/due-items.ts";
import { quietHourSettings, reminderRecipients } from "../../db/repositories/member-prefs.ts";
import { ensureNationalCalendar } from "../../db/repositories/milestones.ts";
import { type NoticeRecord, recordNotices } from "../../db/repositories/notices.ts";
import { enqueueMessages, releaseHeld } from "../../db/repositories/outbox.ts";
import { withPlanningLock } from "../../db/repositories/planning-lock.ts";
import { recordQuotaWarning } from "../../db/repositories/quota-warnings.ts";
import type { Database } from "../../db/schema.ts";
import type { LineClient } from "../line/client.ts";
import type { Logger } from "../log.ts";
import { forecastQuota } from "./quota-forecast.ts";
import { type SendOptions, type SendReport, sendDue } from "./sender.ts";

export interface TickDeps {
  db: Kysely<Database>;
  /** Undefined: plan only (the CLI without LINE credentials). */
  line?: LineClient;
  now: () => Date;
  log: Logger;
  /** Skip planning while another process plans, rather than wait for it (Node workers tick together). */
  skipPlanningWhenBusy?: boolean;
}

export interface TickReport {
  digests: number;
  notices: number;
  superseded: number;
  /** Another process was planning: this tick only sent. */
  planningSkipped?: true;
  send?: SendReport;
  quota?: { used: number; limit: number | "none"; warned: boolean };
}

/** Look back this far for overdue items, ahead this far for lead notices. */
const LOOK_BACK_DAYS = 400;
const LOOK_AHEAD_DAYS = 31;
export const QUOTA_WARNING_SHARE = 0.8;
const MULTICAST_MAX = LINE_LIMITS.multicastRecipients;
/** Digest messages made, queued and recorded together: a few batches of INSERT, a few MB. */
const MESSAGES_AT_ONCE = 2_000;
/** Agencies planned together: a few thousand members, their items and digests. */
const AGENCIES_AT_ONCE = 1_000;

/**
 * One scheduler step, the same from the Node interval, the Workers cron and the CLI: plan the
 * notices due at `now` into the outbox (in one transaction), send what is due, check the quota.
 */
export async function tick(deps: TickDeps, options: SendOptions = {}): Promise<TickReport> {
  const report: TickReport = { ...(await plan(deps)) };
  if (!deps.line) return report;
  report.quota = await checkQuota(deps);
  await forecastQuota(deps, report.quota);
  report.send = await sendDue({ db: deps.db, line: deps.line, now: deps.now, log: deps.log }, options);
  return report;
}

async function plan(deps: TickDeps): Promise<Omit<TickReport, "send" | "quota">> {
  const now = deps.now();
  const today = bangkokDate(now);
  const planned = await withPlanningLock(deps.db, { ifFree: deps.skipPlanningWhenBusy }, async (trx) => {
    // The product lives in the current year: its usual national calendar (and, for the reports due
    // in October, the next year's) exists before anything is planned from it.
    const fiscalYear = fiscalYearOfDate(today);
    await ensureNationalCalendar(trx, fiscalYear);
    await ensureNationalCalendar(trx, fiscalYear + 1);
    // Only what has a notice due and newer than its schedule's watermark, for members without a
    // digest yet on their digest day: on most minutes, nothing. A block of agencies at a time, so
    // that a first tick on a country nobody has reminded holds one block's items, not the nation's
    // (a member, their items and their co-owners are all of one agency).
    const slots = (await quietHourSettings(trx)).map((q) => ({ ...q, day: digestSlot(q, now).day }));
    const total = { digests: 0, notices: 0, superseded: 0 };
    for (const agencies of await agencyBlocks(trx, AGENCIES_AT_ONCE)) {
      const block = await planAgencies(trx, now, {
        from: addDays(today, -LOOK_BACK_DAYS),
        to: addDays(today, LOOK_AHEAD_DAYS),
        today,
        slots,
        defaults: DEFAULT_PREFS,
        agencies,
      });
      total.digests += block.digests;
      total.notices += block.notices;
      total.superseded += block.superseded;
    }
    if (total.digests) deps.log.info("reminders planned", { digests: total.digests, notices: total.notices });
    return total;
  });
  return planned ?? { digests: 0, notices: 0, superseded: 0, planningSkipped: true };
}

/** Plans, queues and records the reminders of one block of agencies (pendingReminders' query). */
async function planAgencies(
  trx: Kysely<Database>,
  now: Date,
  query: PendingRemindersQuery,
): Promise<{ digests: number; notices: number; superseded: number }> {
  const { items, watermarks } = await pendingReminders(trx, query);
  const memberIds = [...new Set(items.flatMap((i) => i.ownerIds))];
  if (memberIds.length === 0) return { digests: 0, notices: 0, superseded: 0 };
  const members = await reminderRecipients(trx, memberIds);
  const result = planNotices({
    items,
    members: [...members.values()].map((m) => m.prefs),
    now,
    watermarks,
  });
  const byKey = new Map(items.map((i) => [`${i.agencyId}|${i.key}`, i]));
  // Members whose digests say exactly the same thing at the same time (co-owners of the same
  // steps) get one multicast; everyone else one push. Quota counts per recipient either way.
  // A digest's message is made of its agency, day and notices (digestView), so these say whether
  // two digests read the same without making either message yet.
  const groups = new Map<string, Digest[]>();
  for (const digest of result.digests) {
    const { agencyId } = members.get(digest.memberId)!;
    const said = digest.notices.map((n) => `${n.itemKey}:${n.kind}:${n.day}`).join(",");
    const key = `${agencyId}|${digest.sendAt.toISOString()}|${digest.day}|${said}`;
    const group = groups.get(key);
    if (group) group.push(digest);
    else groups.set(key, [digest]);
  }
  const batches = [...groups.values()].flatMap((digests) =>
    Array.from({ length: Math.ceil(digests.length / MULTICAST_MAX) }, (_, i) =>
      digests.slice(i * MULTICAST_MAX, (i + 1) * MULTICAST_MAX),
    ),
  );
  groups.clear();
  // A slice at a time: the messages of a national morning would otherwise all sit in memory.
  // The next slice's messages are made while the database writes the last one.
  let notices = 0;
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < batches.length; start += MESSAGES_AT_ONCE) {
    const slice = batches.slice(start, start + MESSAGES_AT_ONCE);
    const messages = slice.map((digests) => {
      const first = digests[0]!;
      const member = members.get(first.memberId)!;
      const ids = digests.map((d) => d.memberId).sort((a, b) => a - b);
      return {
        agencyId: member.agencyId,
        ...(digests.length === 1 ? { memberId: first.memberId } : {}),
        recipients: digests.map((d) => members.get(d.memberId)!.prefs.lineUserId),
        kind: "digest" as const,
        day: first.day,
        payload: [digestMessage(digestView(first, member.agencyName, member.agencyId, byKey))],
        sendAt: first.sendAt,
        naturalKey:
          digests.length === 1
            ? digestMarker(first.memberId, first.day)
            : `digest|${ids.join(",")}|${first.day}`,
      };
    });
    await writing;
    writing = (async () => {
      const outboxIds = await enqueueMessages(trx, messages);
      const records: NoticeRecord[] = [];
      slice.forEach((digests, i) => {
        const outboxId = outboxIds[i];
        if (outboxId === undefined) {
          const ids = digests.map((d) => d.memberId).sort((a, b) => a - b);
          throw new Error(`a digest for members ${ids.join(",")} on ${digests[0]!.day} already exists`);
        }
        for (const d of digests) {
          const agencyId = members.get(d.memberId)!.agencyId;
          for (const n of d.notices) {
            records.push({
              dedupeKey: n.dedupeKey,
              agencyId,
              memberId: n.memberId,
              itemKey: n.itemKey,
              kind: n.kind,
              day: n.day,
              dueOn: byKey.get(`${agencyId}|${n.itemKey}`)!.dueOn,
              outboxId,
            });
          }
        }
      });
      await recordNotices(trx, records);
      notices += records.length;
    })();
    // Awaited at the next slice or after the last; a slice that fails to build must not leave
    // it rejected with nobody listening.
    writing.catch(() => {});
  }
  await writing;
  return {
    digests: result.digests.length,
    notices,
    superseded: result.supersededCount ?? result.superseded.length,
  };
}

function digestView(
  digest: Digest,
  agencyName: string,
  agencyId: number,
  items: Map<string, DueItem>,
): Parameters<typeof digestMessage>[0] {
  const views: DigestItemView[] = digest.notices.map((n) => {
    const item = items.get(`${agencyId}|${n.itemKey}`);
    const dueOn = item?.dueOn ?? n.day;
    const step = /^step:(\d+)$/.exec(n.itemKey);
    const view: DigestItemView = {
      key: n.itemKey,
      title: item?.title ?? n.itemKey,
      dueText: formatThaiDate(dueOn, { style: "short", digits: "arabic" }),
      kind: n.kind,
      days: Math.abs(daysBetween(digest.day, dueOn)),
    };
    if (step) view.stepId = Number(step[1]);
    if (item?.measureTitle) view.measureTitle = item.measureTitle;
    return view;
  });
  return {
    agencyName,
    dayText: formatThaiDate(digest.day, { style: "short", digits: "arabic" }),
    items: views,
  };
}

/** Reads the month's quota; warns once a month at 80 %; releases held messages when there is room. */
async function checkQuota(deps: TickDeps): Promise<TickReport["quota"]> {
  let quota: { used: number; limit: number | "none" };
  try {
    quota = await deps.line!.quota();
  } catch (error) {
    deps.log.warn("quota: could not read", { error: String(error) });
    return undefined;
  }
  let warned = false;
  if (quota.limit !== "none" && quota.used >= quota.limit * QUOTA_WARNING_SHARE) {
    warned = await recordQuotaWarning(deps.db, bangkokDate(deps.now()).slice(0, 7));
    if (warned) deps.log.warn("quota: 80 % of the monthly message quota used", quota);
  }
  if (quota.limit === "none" || quota.used < quota.limit) {
    const released = await releaseHeld(deps.db, deps.now());
    if (released) deps.log.info("quota: held messages released", { released });
  }
  return { ...quota, warned };
}
