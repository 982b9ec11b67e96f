import type { Kysely } from "kysely";
import type { DigestItemView } from "../../core/chat/cards.ts";
import { digestMessage, textAnswer } from "../../core/chat/flex/index.ts";
import type { TaskList } from "../../core/chat/query.ts";
import type { Measure } from "../../core/measures/measure.ts";
import { STATUS_TH } from "../../core/measures/model.ts";
import { daysBetween, formatThaiDate } from "../../core/thai/date.ts";
import { bangkokDate, fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { ForbiddenError, NotFoundError } from "../../db/errors.ts";
import { updateStep } from "../../db/repositories/measure-steps.ts";
import { listMeasures } from "../../db/repositories/measures.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import type { Database } from "../../db/schema.ts";
import type { Message } from "../line/client.ts";

const OPEN = new Set(["not_started", "in_progress"]);
const shortDate = (iso: string) => formatThaiDate(iso, { style: "short", digits: "arabic" });

/** "มาตรการ", "งานค้าง", "งานของฉัน": the agency's measures of this fiscal year, or open steps as cards. */
export async function answerTasks(
  db: Kysely<Database>,
  membership: Membership,
  which: TaskList,
  now: Date,
): Promise<Message[]> {
  const scope = scopeOf(membership);
  const today = bangkokDate(now);
  if (which === "measures") {
    const year = fiscalYearAt(now);
    let measures = await listMeasures(db, scope, { fiscalYear: year });
    let shownYear = year;
    if (measures.length === 0) {
      const all = await listMeasures(db, scope);
      shownYear = Math.max(0, ...all.map((m) => m.fiscalYear));
      measures = all.filter((m) => m.fiscalYear === shownYear);
    }
    if (measures.length === 0) {
      return [textAnswer(`${membership.agencyName} ยังไม่มีมาตรการในระบบ ผู้ดูแลเพิ่มได้จากหน้าแอป`, ["ช่วยเหลือ"])];
    }
    const lines = measures.map(
      (m) =>
        `${m.seq}. ${m.title} — ${STATUS_TH[m.status]}${m.status === "in_progress" ? ` ${m.progress}%` : ""}`,
    );
    return [
      textAnswer(
        `มาตรการปีงบประมาณ ${shownYear} ของ${membership.agencyName} (${measures.length} มาตรการ)\n${lines.join("\n")}`,
        ["งานค้าง", "งานของฉัน"],
      ),
    ];
  }
  const measures = await listMeasures(
    db,
    scope,
    which === "mine" ? { ownerMemberId: membership.memberId } : { overdueOn: today },
  );
  const items = openSteps(measures, today, which === "mine" ? membership.memberId : undefined);
  if (items.length === 0) {
    const none = which === "mine" ? "ไม่มีงานค้างที่ท่านรับผิดชอบ" : "ไม่มีงานที่เลยกำหนด";
    return [textAnswer(`${none} 👍`, ["มาตรการ", "คะแนน ITA"])];
  }
  return [digestMessage({ agencyName: membership.agencyName, dayText: shortDate(today), items })];
}

function openSteps(measures: Measure[], today: string, ownerId: number | undefined): DigestItemView[] {
  const out: (DigestItemView & { dueOn: string })[] = [];
  for (const m of measures) {
    for (const s of m.steps) {
      if (!OPEN.has(s.status) || !s.dueOn) continue;
      const owners = s.owners.length ? s.owners : m.owners;
      if (ownerId !== undefined && !owners.some((o) => o.memberId === ownerId)) continue;
      if (ownerId === undefined && s.dueOn >= today) continue;
      const days = daysBetween(today, s.dueOn);
      out.push({
        key: `step:${s.id}`,
        stepId: s.id,
        title: s.title,
        measureTitle: m.title,
        dueText: shortDate(s.dueOn),
        dueOn: s.dueOn,
        kind: days > 0 ? "lead" : days === 0 ? "due" : "overdue",
        days: Math.abs(days),
      });
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map(({ dueOn: _, ...item }) => item);
}

const ACTIONS = {
  done: { patch: (today: string) => ({ status: "done" as const, today }), said: "✅ บันทึกว่าเสร็จแล้ว" },
  doing: { patch: () => ({ status: "in_progress" as const }), said: "⏳ บันทึกว่ากำลังดำเนินการ" },
  snooze: { patch: (today: string) => ({ snoozedUntil: nextDay(today) }), said: "🔔 จะเตือนอีกครั้งพรุ่งนี้" },
} as const;

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The digest's buttons: mark a step done or in progress, or remind again tomorrow — audited. */
export async function answerStepAction(
  db: Kysely<Database>,
  membership: Membership,
  lineUserId: string,
  data: URLSearchParams,
  now: Date,
): Promise<Message[]> {
  const action = ACTIONS[data.get("a") as keyof typeof ACTIONS];
  const stepId = Number(data.get("s"));
  if (!action || !Number.isInteger(stepId) || stepId <= 0) return [textAnswer("ไม่เข้าใจคำสั่งนี้", ["งานของฉัน"])];
  const today = bangkokDate(now);
  try {
    const step = await updateStep(
      db,
      scopeOf(membership),
      { label: `line:${lineUserId}`, memberId: membership.memberId },
      stepId,
      action.patch(today),
      { recomputeMeasure: true },
    );
    return [textAnswer(`${action.said}: ${step.title}`, ["งานของฉัน", "งานค้าง", "มาตรการ"])];
  } catch (error) {
    if (error instanceof ForbiddenError) {
      return [textAnswer("บทบาท 'ผู้ดู' แก้ไขงานไม่ได้ ขอสิทธิ์ผู้แก้ไขจากผู้ดูแลของหน่วยงาน", ["งานของฉัน"])];
    }
    if (error instanceof NotFoundError) return [textAnswer("ไม่พบงานนี้ในหน่วยงานของท่าน", ["งานของฉัน"])];
    throw error;
  }
}
