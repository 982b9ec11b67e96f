import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import type { MeasureFilter, Membership } from "./api.ts";
import { useApp } from "./Context.tsx";
import { FilterTabs } from "./FilterTabs.tsx";
import { useLoad } from "./load.ts";
import { MeasureCard } from "./MeasureCard.tsx";
import { Pending } from "./Pending.tsx";
import { href } from "./route.ts";

const EMPTY: Record<MeasureFilter, string> = {
  all: "ยังไม่มีมาตรการของหน่วยงานนี้",
  mine: "ยังไม่มีมาตรการที่ท่านรับผิดชอบ",
  overdue: "ไม่มีงานที่เลยกำหนด",
};

export function MeasuresPage({ membership, filter }: { membership: Membership; filter: MeasureFilter }) {
  const { api, now } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`measures/${agencyId}/${filter}`, () => api.measures(agencyId, filter));
  return (
    <section class="page">
      <div class="page-head">
        <h1>มาตรการ</h1>
        {membership.role !== "viewer" && (
          <a class="button" href={href({ page: "measure-new", agencyId })}>
            + เพิ่มมาตรการ
          </a>
        )}
      </div>
      <FilterTabs agencyId={agencyId} current={filter} />
      {loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : loaded.data.measures.length === 0 ? (
        <p class="empty">{EMPTY[filter]}</p>
      ) : (
        <ul class="cards" aria-label="รายการมาตรการ">
          {loaded.data.measures.map((m) => (
            <MeasureCard key={m.id} measure={m} today={bangkokDate(now())} />
          ))}
        </ul>
      )}
    </section>
  );
}
