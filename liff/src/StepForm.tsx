import type { TargetedEvent, TargetedSubmitEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Step } from "../../core/measures/measure.ts";
import { fieldErrors, stepStatusSchema } from "../../core/schemas/step-status.ts";
import { ApiError } from "./api/call.ts";
import { useApp } from "./Context.tsx";
import { clearDraft, formValues, loadDraft, saveDraft, stepValues } from "./drafts.ts";
import { Field, fieldInput } from "./Field.tsx";
import { StatusField } from "./StatusField.tsx";

interface Props {
  agencyId: number;
  step: Step;
  onSaved: (step: Step) => void;
}

/**
 * The step status form: uncontrolled, read with FormData, checked with the server's own zod schema.
 * Every keystroke is kept as a draft until the server accepts the update.
 */
export function StepForm({ agencyId, step, onSaved }: Props) {
  const { api } = useApp();
  const [start, setStart] = useState(() => {
    const draft = loadDraft(agencyId, step.id);
    return { values: draft ?? stepValues(step), fromDraft: draft !== undefined, version: 0 };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = Object.keys(errors)[0];
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }, [errors]);

  const remember = (e: TargetedEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement;
    const progress = e.currentTarget.elements.namedItem("progress");
    if (target.name === "status" && target.value === "done" && progress instanceof HTMLInputElement) {
      progress.value = "100";
    }
    saveDraft(agencyId, step.id, formValues(e.currentTarget));
  };

  const submit = async (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const values = formValues(e.currentTarget);
    saveDraft(agencyId, step.id, values);
    setProblem("");
    const parsed = stepStatusSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await api.saveStep(agencyId, step.id, parsed.data);
      if (result.ok) {
        clearDraft(agencyId, step.id);
        onSaved(result.value);
        return;
      }
      setErrors(result.fields);
      setProblem(result.message);
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : "บันทึกไม่สำเร็จ";
      setProblem(`${reason} (ข้อมูลที่กรอกยังเก็บไว้ในเครื่องนี้)`);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    clearDraft(agencyId, step.id);
    setErrors({});
    setProblem("");
    setStart((s) => ({ values: stepValues(step), fromDraft: false, version: s.version + 1 }));
  };

  const { values } = start;
  return (
    <form
      key={start.version}
      ref={form}
      class="step-form"
      aria-label="อัปเดตสถานะ"
      noValidate
      onSubmit={submit}
      onInput={remember}
      onChange={remember}
    >
      {start.fromDraft && (
        <div class="draft-note" role="status">
          <p>แสดงข้อมูลที่กรอกค้างไว้ ยังไม่ได้บันทึก</p>
          <button type="button" class="button quiet" onClick={discard}>
            ใช้ข้อมูลเดิมจากระบบ
          </button>
        </div>
      )}
      <StatusField value={values.status} error={errors.status} />
      <Field name="progress" label="ความคืบหน้า (%)" error={errors.progress}>
        <input
          {...fieldInput("progress", errors.progress)}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          defaultValue={values.progress}
        />
      </Field>
      <Field name="note" label="บันทึกการดำเนินงาน" error={errors.note}>
        <textarea {...fieldInput("note", errors.note)} rows={4} defaultValue={values.note} />
      </Field>
      <Field name="evidenceUrl" label="ลิงก์หลักฐาน" error={errors.evidenceUrl} lines={2}>
        <input
          {...fieldInput("evidenceUrl", errors.evidenceUrl)}
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://www.example.go.th/ita/o10"
          defaultValue={values.evidenceUrl}
        />
      </Field>
      <Field name="doneOn" label="วันที่เสร็จ (ว่างไว้ได้)" error={errors.doneOn}>
        <input {...fieldInput("doneOn", errors.doneOn)} type="date" defaultValue={values.doneOn} />
      </Field>
      <p class="form-error" role="alert">
        {problem}
      </p>
      <button type="submit" class="button primary" disabled={saving}>
        {saving ? "กำลังบันทึก…" : "บันทึก"}
      </button>
    </form>
  );
}
