import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import type { MeasureFilter, Membership } from "./api/types.ts";
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

export function MeasuresPage({
  membership,
  filter,
  indicator,
}: {
  membership: Membership;
  filter: MeasureFilter;
  indicator?: number | undefined;
}) {
  const { api, now } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`measures/${agencyId}/${filter}/${indicator ?? ""}`, () =>
    api.measures(agencyId, filter, indicator),
  );
  // The filter offers this fiscal year's indicators (or the newest framework's before it).
  const framework = useLoad("framework/current", () => api.framework());
  const indicators = framework.state === "ready" ? framework.data.indicators : [];
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
      <FilterTabs agencyId={agencyId} current={filter} indicator={indicator} />
      <label class="indicator-filter">
        ตัวชี้วัด
        <select
          value={indicator ?? ""}
          onChange={(e) => {
            const picked = Number(e.currentTarget.value);
            location.hash = href({
              page: "measures",
              agencyId,
              filter,
              ...(picked ? { indicator: picked } : {}),
            });
          }}
        >
          <option value="">ทุกตัวชี้วัด</option>
          {indicators.map((i) => (
            <option key={i.no} value={i.no}>
              ตัวชี้วัดที่ {i.no} {i.nameTh}
            </option>
          ))}
        </select>
      </label>
      {loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : loaded.data.measures.length === 0 ? (
        <p class="empty">{indicator ? `ไม่มีมาตรการของตัวชี้วัดที่ ${indicator} ในรายการนี้` : EMPTY[filter]}</p>
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
