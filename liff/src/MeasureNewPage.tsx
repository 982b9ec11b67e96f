import { fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import type { Membership } from "./api.ts";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { MeasureForm } from "./MeasureForm.tsx";
import { Pending } from "./Pending.tsx";
import { href, navigate } from "./route.ts";

export const VIEWER_CANNOT_EDIT = "บทบาทผู้ดูแก้ไขมาตรการไม่ได้ ติดต่อผู้ดูแลของหน่วยงานหากต้องการสิทธิ์แก้ไข";

/** A new measure with its steps (admins and editors); saved, it opens as its own page. */
export function MeasureNewPage({ membership }: { membership: Membership }) {
  const { agencyId } = membership;
  return (
    <section class="page">
      <a class="back" href={href({ page: "measures", agencyId, filter: "all" })}>
        ‹ มาตรการทั้งหมด
      </a>
      <h1>เพิ่มมาตรการ</h1>
      {membership.role === "viewer" ? (
        <p class="empty">{VIEWER_CANNOT_EDIT}</p>
      ) : (
        <NewMeasure agencyId={agencyId} />
      )}
    </section>
  );
}

function NewMeasure({ agencyId }: { agencyId: number }) {
  const { api, now } = useApp();
  const members = useLoad(`members/${agencyId}`, () => api.members(agencyId));
  if (members.state !== "ready") return <Pending loaded={members} />;
  const year = fiscalYearAt(now());
  return (
    <MeasureForm
      agencyId={agencyId}
      years={[year, year + 1, year - 1]}
      members={members.data.members.filter((m) => m.active)}
      onSaved={(measure) => navigate({ page: "measure", agencyId, measureId: measure.id })}
    />
  );
}
