import type { TargetedSubmitEvent } from "preact";
import { useState } from "preact/hooks";
import { type MilestoneForm, milestoneSchema } from "../../core/schemas/milestone.ts";
import { fieldErrors } from "../../core/schemas/step-status.ts";
import { formatThaiDate } from "../../core/thai/date.ts";
import { ApiError } from "./api/call.ts";
import type { CalendarEntry, CalendarView, Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { Field, fieldInput } from "./Field.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";

/** "30 เมษายน 2570": the app writes พ.ศ. in full so a date is never mistaken for ค.ศ. */
const dateText = (iso: string) => formatThaiDate(iso, { digits: "arabic" });

/** A date as the form shows it to type: วัน/เดือน/ปี พ.ศ. */
const formDate = (iso: string | null) => {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${Number(d)}/${Number(m)}/${Number(y) + 543}`;
};

function daysText(days: number): string {
  if (days === 0) return "วันนี้";
  if (days === 1) return "พรุ่งนี้";
  return days > 0 ? `อีก ${days} วัน` : `ผ่านมาแล้ว ${-days} วัน`;
}

/** ปฏิทิน ITA: the national dates of the year (provisional until the NACC's are entered) and the agency's own. */
export function CalendarPage({ membership }: { membership: Membership }) {
  const { api } = useApp();
  const { agencyId } = membership;
  const [version, setVersion] = useState(0);
  const loaded = useLoad(`calendar/${agencyId}/${version}`, () => api.calendar(agencyId));
  const reload = () => setVersion((v) => v + 1);
  return (
    <section class="page">
      <h1>ปฏิทิน ITA</h1>
      {loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : (
        <Calendar agencyId={agencyId} view={loaded.data} onChanged={reload} />
      )}
    </section>
  );
}

function Calendar({
  agencyId,
  view,
  onChanged,
}: {
  agencyId: number;
  view: CalendarView;
  onChanged: () => void;
}) {
  const provisional = view.national.some((e) => e.provisional);
  return (
    <>
      <p class="hint">ปีงบประมาณ พ.ศ. {view.year}</p>
      <h2>ปฏิทินของ ป.ป.ช.</h2>
      {provisional && <p class="hint">วันที่มีเครื่องหมาย “โดยประมาณ” ตามรูปแบบปีก่อน ๆ รอประกาศจาก ป.ป.ช.</p>}
      <ul class="cards" aria-label="ปฏิทินของ ป.ป.ช.">
        {view.national.map((e) => (
          <li key={e.id} class="card">
            <Entry entry={e} />
          </li>
        ))}
      </ul>
      <h2>วันสำคัญของหน่วยงาน</h2>
      {view.own.length === 0 ? (
        <p class="empty">ยังไม่มีวันสำคัญของหน่วยงาน</p>
      ) : (
        <ul class="cards" aria-label="วันสำคัญของหน่วยงาน">
          {view.own.map((e) => (
            <OwnEntry key={e.id} agencyId={agencyId} entry={e} canEdit={view.canEdit} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {view.canEdit && <MilestoneEditor agencyId={agencyId} onSaved={onChanged} />}
    </>
  );
}

function Entry({ entry }: { entry: CalendarEntry }) {
  return (
    <>
      <span class="card-title">{entry.titleTh}</span>
      <span class="card-meta">
        {entry.startsOn ? `${dateText(entry.startsOn)} – ` : ""}
        {dateText(entry.dueOn)} · {daysText(entry.daysLeft)}
      </span>
      {entry.provisional && (
        <span class="badges">
          <span class="badge">โดยประมาณ</span>
        </span>
      )}
    </>
  );
}

function OwnEntry({
  agencyId,
  entry,
  canEdit,
  onChanged,
}: {
  agencyId: number;
  entry: CalendarEntry;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { api } = useApp();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState("");
  const remove = async () => {
    try {
      await api.deleteMilestone(agencyId, entry.id);
      onChanged();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "ลบไม่สำเร็จ กรุณาลองอีกครั้ง");
    }
  };
  return (
    <li class="card">
      <Entry entry={entry} />
      {canEdit && !editing && (
        <div class="confirm-actions">
          <button type="button" class="button" onClick={() => setEditing(true)}>
            แก้ไข
          </button>
          <button type="button" class="button danger-text" onClick={() => setConfirming(true)}>
            ลบ
          </button>
        </div>
      )}
      {confirming && (
        <div class="confirm" role="alertdialog" aria-label="ยืนยันการลบ">
          <p>ลบ “{entry.titleTh}” ออกจากปฏิทินของหน่วยงาน?</p>
          <div class="confirm-actions">
            <button type="button" class="button danger" onClick={remove}>
              ลบ
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              ยกเลิก
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {editing && (
        <MilestoneEditor
          agencyId={agencyId}
          entry={entry}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  );
}

/** Add a date of the agency's own, or change one (admins), checked with the API's own schema. */
function MilestoneEditor({
  agencyId,
  entry,
  onSaved,
  onCancel,
}: {
  agencyId: number;
  entry?: CalendarEntry;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { api } = useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const name = (field: string) => (entry ? `${field}-${entry.id}` : field);

  const submit = async (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setProblem("");
    const data = new FormData(e.currentTarget);
    const input: MilestoneForm = {
      titleTh: String(data.get(name("titleTh")) ?? ""),
      dueOn: String(data.get(name("dueOn")) ?? ""),
      startsOn: String(data.get(name("startsOn")) ?? "") || null,
    };
    const parsed = milestoneSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = entry
        ? await api.editMilestone(agencyId, entry.id, input)
        : await api.addMilestone(agencyId, input);
      if (result.ok) {
        e.currentTarget?.reset();
        onSaved();
      } else {
        setErrors(result.fields);
        setProblem(result.message);
      }
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="step-form" aria-label={entry ? "แก้ไขวันสำคัญ" : "เพิ่มวันสำคัญ"} noValidate onSubmit={submit}>
      {!entry && <h3>เพิ่มวันสำคัญของหน่วยงาน</h3>}
      <Field name={name("titleTh")} label="ชื่อวันสำคัญ" error={errors.titleTh}>
        <input {...fieldInput(name("titleTh"), errors.titleTh)} defaultValue={entry?.titleTh ?? ""} />
      </Field>
      <Field name={name("dueOn")} label="วันครบกำหนด (วัน/เดือน/ปี พ.ศ.)" error={errors.dueOn}>
        <input
          {...fieldInput(name("dueOn"), errors.dueOn)}
          inputMode="numeric"
          placeholder="30/4/2570"
          defaultValue={formDate(entry?.dueOn ?? null)}
        />
      </Field>
      <Field name={name("startsOn")} label="วันเริ่ม (ถ้ามี)" error={errors.startsOn}>
        <input
          {...fieldInput(name("startsOn"), errors.startsOn)}
          inputMode="numeric"
          placeholder="1/3/2570"
          defaultValue={formDate(entry?.startsOn ?? null)}
        />
      </Field>
      <p class="form-error" role="alert">
        {problem}
      </p>
      <div class="confirm-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? "กำลังบันทึก…" : entry ? "บันทึก" : "เพิ่มวันสำคัญ"}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            ยกเลิก
          </button>
        )}
      </div>
    </form>
  );
}
