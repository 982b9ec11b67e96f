import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import type { Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { thaiDate } from "./format.ts";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";
import { Progress } from "./Progress.tsx";
import { href } from "./route.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { StepCard } from "./StepCard.tsx";

/** One measure and its steps; editors and admins get an update button per step. */
export function MeasurePage({ membership, measureId }: { membership: Membership; measureId: number }) {
  const { api, now } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`measures/${agencyId}/all`, () => api.measures(agencyId, "all"));
  if (loaded.state !== "ready") return <Pending loaded={loaded} />;
  const measure = loaded.data.measures.find((m) => m.id === measureId);
  const back = (
    <a class="back" href={href({ page: "measures", agencyId, filter: "all" })}>
      ‹ มาตรการทั้งหมด
    </a>
  );
  if (!measure) {
    return (
      <section class="page">
        {back}
        <p class="empty">ไม่พบมาตรการนี้</p>
      </section>
    );
  }
  const today = bangkokDate(now());
  const { periodStart, periodEnd } = measure;
  const period =
    measure.periodText ??
    (periodStart || periodEnd
      ? `${periodStart ? thaiDate(periodStart) : "…"} – ${periodEnd ? thaiDate(periodEnd) : "…"}`
      : null);
  return (
    <section class="page">
      {back}
      <h1>{measure.title}</h1>
      {loaded.data.role !== "viewer" && (
        <a class="button" href={href({ page: "measure-edit", agencyId, measureId })}>
          แก้ไขมาตรการและขั้นตอน
        </a>
      )}
      <StatusBadge status={measure.status} />
      <Progress value={measure.progress} />
      <dl class="facts">
        <div>
          <dt>ผู้รับผิดชอบ</dt>
          <dd>{measure.responsibleUnit || "–"}</dd>
        </div>
        {period && (
          <div>
            <dt>ระยะเวลา</dt>
            <dd>{period}</dd>
          </div>
        )}
      </dl>
      {measure.method && <p class="method">{measure.method}</p>}
      <h2>ขั้นตอน</h2>
      {measure.steps.length === 0 ? (
        <p class="empty">ยังไม่มีขั้นตอน</p>
      ) : (
        <ol class="steps">
          {measure.steps.map((s) => (
            <StepCard
              key={s.id}
              agencyId={agencyId}
              step={s}
              today={today}
              canEdit={loaded.data.role !== "viewer"}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
