import { fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import type { Membership } from "./api/types.ts";
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
  const year = fiscalYearAt(now());
  const loaded = useLoad(`measure-new/${agencyId}/${year}`, async () => {
    const [members, framework] = await Promise.all([api.members(agencyId), api.framework(year)]);
    return { members, framework };
  });
  if (loaded.state !== "ready") return <Pending loaded={loaded} />;
  return (
    <MeasureForm
      agencyId={agencyId}
      years={[year, year + 1, year - 1]}
      members={loaded.data.members.members.filter((m) => m.active)}
      indicators={loaded.data.framework.indicators}
      onSaved={(measure) => navigate({ page: "measure", agencyId, measureId: measure.id })}
    />
  );
}
