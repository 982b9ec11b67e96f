import type { TargetedSubmitEvent } from "preact";
import type { Step } from "../../core/measures/measure.ts";
import {
  dueOutsidePeriod,
  formFieldErrors,
  type Period,
  stepPlanSchema,
} from "../../core/schemas/measure-form.ts";
import type { MemberSummary } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useDraftForm } from "./draft-form.ts";
import { isStepPlanValues, readStepPlan, stepPlanValues } from "./plan-values.ts";
import { StepPlanFields } from "./StepPlanFields.tsx";

interface Props {
  agencyId: number;
  measureId: number;
  /** The step whose plan is edited; without one, a new step after the last. */
  step?: Step;
  /** The measure's period, which the due date must fall in. */
  period: Period;
  members: MemberSummary[];
  onSaved: (step: Step) => void;
  onCancel?: () => void;
}

/** One step's plan (title, due date, owners), kept as a draft until the server accepts it. */
export function StepPlanForm({ agencyId, measureId, step, period, members, onSaved, onCancel }: Props) {
  const { api } = useApp();
  const prefix = `plan-${step?.id ?? "new"}.`;
  const f = useDraftForm({
    name: step ? `step-plan.${agencyId}.${step.id}` : `step-new.${agencyId}.${measureId}`,
    initial: () => stepPlanValues(step),
    valid: isStepPlanValues,
    read: (form) => readStepPlan(form, prefix),
    prefix,
    resetOnSave: !step,
  });

  const submit = (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = stepPlanSchema.safeParse(f.remember());
    if (!parsed.success) return f.submit(formFieldErrors(parsed.error), onSaved);
    const outside = dueOutsidePeriod(parsed.data.dueOn, period);
    f.submit(
      outside
        ? { dueOn: outside }
        : () =>
            step
              ? api.editStepPlan(agencyId, step.id, parsed.data)
              : api.addStep(agencyId, measureId, parsed.data),
      onSaved,
    );
  };

  const cancel = () => {
    f.discard();
    onCancel?.();
  };

  return (
    <form
      key={f.start.version}
      ref={f.form}
      class="step-form"
      aria-label={step ? `แก้ไขขั้นตอนที่ ${step.seq}` : "เพิ่มขั้นตอน"}
      noValidate
      onSubmit={submit}
      onInput={() => f.remember()}
      onChange={() => f.remember()}
    >
      {f.start.fromDraft && (
        <p class="draft-note" role="status">
          แสดงข้อมูลที่กรอกค้างไว้ ยังไม่ได้บันทึก
        </p>
      )}
      <StepPlanFields prefix={prefix} values={f.start.values} errors={f.errors} members={members} />
      <p class="form-error" role="alert">
        {f.problem}
      </p>
      <div class="confirm-actions">
        <button type="submit" class="button primary" disabled={f.saving}>
          {f.saving ? "กำลังบันทึก…" : step ? "บันทึกขั้นตอน" : "เพิ่มขั้นตอน"}
        </button>
        {onCancel && (
          <button type="button" class="button quiet" onClick={cancel}>
            ยกเลิกการแก้ไข
          </button>
        )}
      </div>
    </form>
  );
}
