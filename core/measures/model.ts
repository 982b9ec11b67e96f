// Integrity measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใส), their steps, and the ITA calendar.
// Dates are Bangkok calendar dates 'YYYY-MM-DD'; instants are Date.

export type MeasureStatus = "not_started" | "in_progress" | "done" | "cancelled";
export type FollowUp = "monthly" | "quarterly" | "six_monthly" | "yearly" | "none";

export const STATUS_TH: Record<MeasureStatus, string> = {
  not_started: "ยังไม่เริ่ม",
  in_progress: "กำลังดำเนินการ",
  done: "เสร็จแล้ว",
  cancelled: "ยกเลิก",
};

/** Something with a due date that people are reminded of: a measure's step or a calendar date. */
export interface DueItem {
  /** "step:12" or "milestone:4" — stable across runs. */
  key: string;
  agencyId: number;
  title: string;
  /** The measure a step belongs to, for the digest. */
  measureTitle?: string;
  dueOn: string;
  status: MeasureStatus;
  /** Members to remind. */
  ownerIds: number[];
  /** "เตือนพรุ่งนี้": nothing is sent for this item before this date. */
  snoozedUntil?: string;
  /**
   * False for a calendar date: it cannot be marked done, so after its day there is nothing to chase
   * (a due notice missed while the server was down still goes once, late). Steps: weekly while late.
   */
  remindWhenLate?: boolean;
}

export interface MemberPrefs {
  memberId: number;
  lineUserId: string;
  /** Not following the account (blocked) or muted: nothing is planned. */
  muted: boolean;
  /** Days before the due date to remind; 0 is the day itself. Default [7, 1, 0]. */
  leadDays: number[];
  /** Quiet hours in Bangkok time, "HH:MM"; a notice due inside them waits until they end. */
  quietStart: string;
  quietEnd: string;
  /**
   * "daily": a digest on any day with something to say. "weekly": routine reminders wait for the
   * member's weekly day, but anything due within 1 day or overdue still goes the same day.
   */
  frequency: "daily" | "weekly";
  /** 0 = Sunday … 6 = Saturday, for "weekly". */
  weeklyDay: number;
}

export const DEFAULT_PREFS: Omit<MemberPrefs, "memberId" | "lineUserId"> = {
  muted: false,
  leadDays: [7, 1, 0],
  quietStart: "20:00",
  quietEnd: "08:00",
  // The default: daily near deadlines (≤ 1 day, due, overdue), weekly otherwise.
  frequency: "weekly",
  weeklyDay: 1,
};

export type NoticeKind = "lead" | "due" | "overdue";

/** One reminder about one item for one member, for one Bangkok day. */
export interface Notice {
  memberId: number;
  itemKey: string;
  kind: NoticeKind;
  /** Days before (lead), 0 (due) or days after (overdue: 7, 14, …) the due date. */
  offsetDays: number;
  /** The Bangkok date this notice belongs to (dueOn − lead, dueOn, dueOn + 7k). */
  day: string;
  /** Unique forever: the same notice is never planned twice. */
  dedupeKey: string;
}

/** All of a member's notices for a day, sent as one message. */
export interface Digest {
  memberId: number;
  lineUserId: string;
  /** The Bangkok date of the digest; at most one digest per member per day. */
  day: string;
  /** When it may be sent: the planning instant, or the end of quiet hours. */
  sendAt: Date;
  notices: Notice[];
}
