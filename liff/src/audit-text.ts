import type { AuditItem } from "../../core/api/audit.ts";
import { type MeasureStatus, STATUS_TH } from "../../core/measures/model.ts";
import { type MemberRole, ROLE_TH } from "../../core/members/roles.ts";
import { thaiDate } from "./format.ts";

// The audit log in plain Thai: "สมชาย เปลี่ยนสถานะ 'จัดทำคู่มือ…' จาก กำลังดำเนินการ เป็น เสร็จแล้ว",
// then each other changed field as before → after.

export interface AuditChange {
  label: string;
  from: string;
  to: string;
}

export interface AuditLine {
  sentence: string;
  changes: AuditChange[];
  /** Changes not listed (a first import records every figure). */
  more: number;
}

const MAX_CHANGES = 12;

const FOLLOW_UP_TH: Record<string, string> = {
  monthly: "ทุกเดือน",
  quarterly: "ทุกไตรมาส",
  six_monthly: "ทุก 6 เดือน",
  yearly: "ทุกปี",
  none: "ไม่ติดตาม",
};
const FREQUENCY_TH: Record<string, string> = { daily: "ทุกวัน", weekly: "รายสัปดาห์" };
const WEEKDAYS_TH = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"];

type Format = (value: unknown) => string;

const text: Format = (v) => {
  if (v === null || v === undefined || v === "") return "–";
  if (typeof v === "boolean") return v ? "ใช่" : "ไม่ใช่";
  if (Array.isArray(v)) return v.length ? v.map((x) => text(x)).join(", ") : "–";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};
const status: Format = (v) => STATUS_TH[v as MeasureStatus] ?? text(v);
const percent: Format = (v) => (typeof v === "number" ? `${v}%` : text(v));
const date: Format = (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? thaiDate(v) : text(v));
const role: Format = (v) => ROLE_TH[String(v) as MemberRole] ?? text(v);

/** Field → Thai label and how its values read. */
const FIELDS: Record<string, [string, Format]> = {
  status: ["สถานะ", status],
  progress: ["ความคืบหน้า", percent],
  note: ["บันทึก", text],
  evidenceUrl: ["ลิงก์หลักฐาน", text],
  doneOn: ["วันที่เสร็จ", date],
  snoozedUntil: ["เลื่อนเตือนถึง", date],
  dueOn: ["กำหนดเสร็จ", date],
  ownerIds: ["ผู้รับผิดชอบ (รหัสสมาชิก)", text],
  title: ["ชื่อ", text],
  text: ["ข้อความ", text],
  indicators: ["ตัวชี้วัด", text],
  items: ["ข้อ", text],
  method: ["วิธีการ", text],
  responsibleUnit: ["หน่วยที่รับผิดชอบ", text],
  periodText: ["ระยะเวลา", text],
  periodStart: ["เริ่ม", date],
  periodEnd: ["สิ้นสุด", date],
  followUp: ["การติดตาม", (v) => FOLLOW_UP_TH[String(v)] ?? text(v)],
  resultSummary: ["ผลการดำเนินงาน", text],
  outcome: ["ผลลัพธ์", text],
  suggestions: ["ข้อเสนอแนะ", text],
  evidenceLinks: ["ลิงก์หลักฐาน", text],
  role: ["บทบาท", role],
  active: ["ใช้งานอยู่", text],
  muted: ["ปิดการแจ้งเตือน", text],
  leadDays: ["เตือนล่วงหน้า (วัน)", text],
  frequency: ["ความถี่", (v) => FREQUENCY_TH[String(v)] ?? text(v)],
  weeklyDay: ["วันที่สรุปรายสัปดาห์", (v) => (typeof v === "number" ? (WEEKDAYS_TH[v] ?? text(v)) : text(v))],
  nameTh: ["ชื่อหน่วยงาน", text],
  type: ["ประเภทหน่วยงาน", text],
  province: ["จังหวัด", text],
  district: ["อำเภอ", text],
  total: ["คะแนนรวม", text],
  level: ["ระดับ", text],
  rank: ["ลำดับ", text],
};

/** "tool:IIT" → "IIT", "indicator:4" → "ตัวชี้วัดที่ 4", "item:O10" → "ข้อ O10"; other keys by FIELDS. */
function labelOf(key: string): [string, Format] {
  const known = FIELDS[key];
  if (known) return known;
  const i = key.indexOf(":");
  if (i > 0) {
    const kind = key.slice(0, i);
    const code = key.slice(i + 1);
    const label =
      kind === "indicator"
        ? `ตัวชี้วัดที่ ${code}`
        : kind === "item"
          ? `ข้อ ${code}`
          : kind === "sub"
            ? `ตัวชี้วัดย่อย ${code}`
            : code;
    return [label, text];
  }
  return [key, text];
}

/** Who acted: the member's name, else what the actor label says (the CLI, a file import, a job). */
export function whoOf(entry: Pick<AuditItem, "memberName" | "actor">): string {
  if (entry.memberName) return entry.memberName;
  const { actor } = entry;
  if (actor.startsWith("cli:import:")) return `ผู้ดูแลระบบ (นำเข้าไฟล์ ${actor.slice(11)})`;
  if (actor === "cli" || actor.startsWith("cli:")) return "ผู้ดูแลระบบ";
  if (actor.startsWith("import:")) return `การนำเข้าไฟล์ ${actor.slice(7)}`;
  if (actor.startsWith("job:")) return "ระบบ";
  if (actor.startsWith("demo:")) return "ข้อมูลตัวอย่าง";
  if (actor.startsWith("line:")) return "สมาชิก LINE";
  return actor;
}

function changesOf(entry: AuditItem, skip: readonly string[] = []): { changes: AuditChange[]; more: number } {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.includes(k));
  const changes = keys.map((key) => {
    const [label, format] = labelOf(key);
    return { label, from: format(before[key]), to: format(after[key]) };
  });
  return { changes: changes.slice(0, MAX_CHANGES), more: Math.max(0, changes.length - MAX_CHANGES) };
}

const quoted = (title: string | null | undefined) => (title ? ` '${title}'` : "");

/** One audit entry as a Thai sentence and its field changes. */
export function describeEntry(entry: AuditItem): AuditLine {
  const who = whoOf(entry);
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const title = entry.entityTitle ?? (typeof after.title === "string" ? after.title : null);
  const statusChange =
    typeof before.status === "string" && typeof after.status === "string"
      ? `จาก ${status(before.status)} เป็น ${status(after.status)}`
      : undefined;
  const year = entry.entityId?.split("/")[1];
  const line = (sentence: string, skip: readonly string[] = []) => ({ sentence, ...changesOf(entry, skip) });

  switch (entry.action) {
    case "step.update":
      return statusChange
        ? line(`${who} เปลี่ยนสถานะ${quoted(title)} ${statusChange}`, ["status"])
        : line(`${who} อัปเดตขั้นตอน${quoted(title)}`);
    case "measure.update":
      return statusChange
        ? line(`${who} เปลี่ยนสถานะมาตรการ${quoted(title)} ${statusChange}`, ["status"])
        : line(`${who} แก้ไขมาตรการ${quoted(title)}`);
    case "measure.recompute":
      return statusChange
        ? line(`มาตรการ${quoted(title)} เปลี่ยนสถานะตามขั้นตอน ${statusChange} (เมื่อ ${who} อัปเดตขั้นตอน)`, [
            "status",
          ])
        : line(`มาตรการ${quoted(title)} ปรับความคืบหน้าตามขั้นตอน (เมื่อ ${who} อัปเดตขั้นตอน)`);
    case "measure.create":
      return { sentence: `${who} เพิ่มมาตรการ${quoted(title)}`, changes: [], more: 0 };
    case "recommendation.set":
      return line(`${who} แก้ไขข้อเสนอแนะในรายงาน${quoted(entry.entityId)}`);
    case "recommendation.reset":
      return { sentence: `${who} กลับไปใช้ข้อเสนอแนะตั้งต้น${quoted(entry.entityId)}`, changes: [], more: 0 };
    case "report_font.set":
      return {
        sentence: `${who} อัปโหลดแบบอักษรของรายงาน${quoted(typeof after.family === "string" ? after.family : null)}`,
        changes: [],
        more: 0,
      };
    case "report_font.reset":
      return { sentence: `${who} กลับไปใช้แบบอักษร Sarabun ในรายงาน`, changes: [], more: 0 };
    case "step.create":
      return { sentence: `${who} เพิ่มขั้นตอน${quoted(title)}`, changes: [], more: 0 };
    case "step.delete": {
      const gone = typeof before.title === "string" ? before.title : title;
      return { sentence: `${who} ลบขั้นตอน${quoted(gone)}`, changes: [], more: 0 };
    }
    case "assessment.create":
      return line(`${who} บันทึกผลคะแนน ITA${year ? ` ปี ${year}` : ""}`);
    case "assessment.update":
      return line(`${who} แก้ไขผลคะแนน ITA${year ? ` ปี ${year}` : ""}`);
    case "agency.create":
      return line(`${who} เพิ่มหน่วยงาน${quoted(typeof after.nameTh === "string" ? after.nameTh : null)}`);
    case "agency.update":
      return line(`${who} แก้ไขข้อมูลหน่วยงาน`);
    case "member.join": {
      const name = typeof after.displayName === "string" ? after.displayName : who;
      return { sentence: `${name} เข้าร่วมหน่วยงานในบทบาท${role(after.role)}`, changes: [], more: 0 };
    }
    case "member.update":
      return line(`${who} เปลี่ยนข้อมูลสมาชิก${quoted(title)}`);
    case "invite.create":
      return { sentence: `${who} สร้างรหัสเชิญสำหรับ${role(after.role)}`, changes: [], more: 0 };
    case "reminder_settings.update":
      return line(`${who} เปลี่ยนการตั้งค่าแจ้งเตือน${title && title !== who ? `ของ ${title}` : ""}`);
    case "milestone.create":
      return { sentence: `${who} เพิ่มกำหนดการ${quoted(title)}`, changes: [], more: 0 };
    default:
      return line(`${who} ${entry.action}${quoted(title)}`);
  }
}

/** "25 พ.ย. 69 10:00" in Bangkok time. */
export function auditTime(iso: string): string {
  const bangkok = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${thaiDate(bangkok.slice(0, 10))} ${bangkok.slice(11, 16)} น.`;
}
