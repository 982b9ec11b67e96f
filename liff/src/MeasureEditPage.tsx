import { useState } from "preact/hooks";
import type { Measure, Step } from "../../core/measures/measure.ts";
import type { FrameworkSummary, MemberSummary, Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { MeasureForm } from "./MeasureForm.tsx";
import { VIEWER_CANNOT_EDIT } from "./MeasureNewPage.tsx";
import { Pending } from "./Pending.tsx";
import { href } from "./route.ts";
import { StepPlanForm } from "./StepPlanForm.tsx";
import { StepPlanItem } from "./StepPlanItem.tsx";

/** A measure's plan and its steps' plans (admins and editors); each part saves on its own. */
export function MeasureEditPage({ membership, measureId }: { membership: Membership; measureId: number }) {
  const { agencyId } = membership;
  return (
    <section class="page">
      <a class="back" href={href({ page: "measure", agencyId, measureId })}>
        ‹ กลับไปที่มาตรการ
      </a>
      <h1>แก้ไขมาตรการ</h1>
      {membership.role === "viewer" ? (
        <p class="empty">{VIEWER_CANNOT_EDIT}</p>
      ) : (
        <LoadMeasure agencyId={agencyId} measureId={measureId} />
      )}
    </section>
  );
}

function LoadMeasure({ agencyId, measureId }: { agencyId: number; measureId: number }) {
  const { api } = useApp();
  const loaded = useLoad(`measure-edit/${agencyId}/${measureId}`, async () => {
    const [list, members] = await Promise.all([api.measures(agencyId, "all"), api.members(agencyId)]);
    const measure = list.measures.find((m) => m.id === measureId);
    return {
      measure,
      members: members.members.filter((m) => m.active),
      framework: measure ? await api.framework(measure.fiscalYear) : undefined,
    };
  });
  if (loaded.state !== "ready") return <Pending loaded={loaded} />;
  const { measure, members, framework } = loaded.data;
  if (!measure || !framework) return <p class="empty">ไม่พบมาตรการนี้</p>;
  return (
    <EditMeasure agencyId={agencyId} initial={measure} members={members} indicators={framework.indicators} />
  );
}

function EditMeasure({
  agencyId,
  initial,
  members,
  indicators,
}: {
  agencyId: number;
  initial: Measure;
  members: MemberSummary[];
  indicators: FrameworkSummary["indicators"];
}) {
  const [measure, setMeasure] = useState(initial);
  const [steps, setSteps] = useState(initial.steps);
  const saved = (step: Step) => setSteps((all) => all.map((s) => (s.id === step.id ? step : s)));
  const deleted = (gone: Step) =>
    setSteps((all) =>
      all.filter((s) => s.id !== gone.id).map((s) => (s.seq > gone.seq ? { ...s, seq: s.seq - 1 } : s)),
    );
  return (
    <>
      <p class="hint">
        มาตรการที่ {measure.seq} · ปีงบประมาณ {measure.fiscalYear}
      </p>
      <MeasureForm
        agencyId={agencyId}
        measure={{ ...measure, steps }}
        years={[measure.fiscalYear]}
        members={members}
        indicators={indicators}
        onSaved={setMeasure}
      />
      <h2>ขั้นตอน</h2>
      {steps.length === 0 ? (
        <p class="empty">ยังไม่มีขั้นตอน</p>
      ) : (
        <ol class="steps" aria-label="ขั้นตอนของมาตรการ">
          {steps.map((s) => (
            <StepPlanItem
              key={s.id}
              agencyId={agencyId}
              step={s}
              period={measure}
              members={members}
              onSaved={saved}
              onDeleted={() => deleted(s)}
            />
          ))}
        </ol>
      )}
      <div class="step">
        <h3>เพิ่มขั้นตอน</h3>
        <StepPlanForm
          agencyId={agencyId}
          measureId={measure.id}
          period={measure}
          members={members}
          onSaved={(step) => setSteps((all) => [...all, step])}
        />
      </div>
    </>
  );
}
