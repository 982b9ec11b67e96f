import { useState } from "preact/hooks";
import type { Step } from "../../core/measures/measure.ts";
import type { Period } from "../../core/schemas/measure-form.ts";
import { ApiError } from "./api/call.ts";
import type { MemberSummary } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { loadDraft } from "./draft-form.ts";
import { thaiDate } from "./format.ts";
import { isStepPlanValues } from "./plan-values.ts";
import { StepPlanForm } from "./StepPlanForm.tsx";

interface Props {
  agencyId: number;
  step: Step;
  period: Period;
  members: MemberSummary[];
  onSaved: (step: Step) => void;
  onDeleted: () => void;
}

/** A step on the edit page: its plan at a glance, opened for editing (at once when a draft waits), or deleted after a confirmation. */
export function StepPlanItem({ agencyId, step, period, members, onSaved, onDeleted }: Props) {
  const { api } = useApp();
  const [mode, setMode] = useState<"view" | "edit" | "confirm">(() =>
    loadDraft(`step-plan.${agencyId}.${step.id}`, isStepPlanValues) ? "edit" : "view",
  );
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    setProblem("");
    try {
      await api.deleteStep(agencyId, step.id);
      onDeleted();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "ลบไม่สำเร็จ กรุณาลองอีกครั้ง");
      setMode("view");
    } finally {
      setBusy(false);
    }
  };

  const owners = step.owners.map((o) => o.displayName ?? `สมาชิกหมายเลข ${o.memberId}`).join(", ");
  return (
    <li class="step">
      <h3>
        {step.seq}. {step.title}
      </h3>
      {mode === "edit" ? (
        <StepPlanForm
          agencyId={agencyId}
          measureId={step.measureId}
          step={step}
          period={period}
          members={members}
          onSaved={(saved) => {
            setMode("view");
            onSaved(saved);
          }}
          onCancel={() => setMode("view")}
        />
      ) : (
        <>
          <p class="card-meta">
            ครบกำหนด {step.dueOn ? thaiDate(step.dueOn) : "–"} · ผู้รับผิดชอบ {owners || "ตามมาตรการ"}
          </p>
          <p class="form-error" role="alert">
            {problem}
          </p>
          {mode === "confirm" ? (
            <div class="confirm">
              <p>ลบขั้นตอน “{step.title}” ? ลบแล้วเรียกคืนไม่ได้</p>
              <div class="confirm-actions">
                <button type="button" class="button danger" disabled={busy} onClick={remove}>
                  {busy ? "กำลังลบ…" : "ลบขั้นตอน"}
                </button>
                <button type="button" class="button quiet" onClick={() => setMode("view")}>
                  ไม่ลบ
                </button>
              </div>
            </div>
          ) : (
            <div class="confirm-actions">
              <button type="button" class="button" onClick={() => setMode("edit")}>
                แก้ไขขั้นตอน
              </button>
              <button type="button" class="button danger-text" onClick={() => setMode("confirm")}>
                ลบ
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
