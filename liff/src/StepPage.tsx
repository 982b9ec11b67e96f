import type { Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";
import { href, navigate } from "./route.ts";
import { StepForm } from "./StepForm.tsx";

interface Props {
  membership: Membership;
  measureId: number;
  stepId: number;
}

export function StepPage({ membership, measureId, stepId }: Props) {
  const { api } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`measures/${agencyId}/all`, () => api.measures(agencyId, "all"));
  if (loaded.state !== "ready") return <Pending loaded={loaded} />;
  const measure = loaded.data.measures.find((m) => m.id === measureId);
  const step = measure?.steps.find((s) => s.id === stepId);
  return (
    <section class="page">
      <a class="back" href={href({ page: "measure", agencyId, measureId })}>
        ‹ {measure?.title ?? "มาตรการ"}
      </a>
      {!step ? (
        <p class="empty">ไม่พบขั้นตอนนี้</p>
      ) : loaded.data.role === "viewer" ? (
        <p class="empty">บทบาทผู้ดูแก้ไขสถานะไม่ได้ ติดต่อผู้ดูแลของหน่วยงานหากต้องการสิทธิ์แก้ไข</p>
      ) : (
        <>
          <h1>{step.title}</h1>
          <StepForm
            key={step.id}
            agencyId={agencyId}
            step={step}
            onSaved={() => navigate({ page: "measure", agencyId, measureId })}
          />
        </>
      )}
    </section>
  );
}
