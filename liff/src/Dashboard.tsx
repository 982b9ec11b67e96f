import type { Membership } from "./api/types.ts";
import { BarList } from "./BarList.tsx";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";
import { navigate } from "./route.ts";
import { ScoreSummary } from "./ScoreSummary.tsx";
import { YearPicker } from "./YearPicker.tsx";

export function Dashboard({ membership, year }: { membership: Membership; year: number | undefined }) {
  const { api } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`dashboard/${agencyId}/${year ?? ""}`, () => api.dashboard(agencyId, year));
  if (loaded.state !== "ready") return <Pending loaded={loaded} />;
  const { years, card, comparison } = loaded.data;
  const shown = card?.year ?? year ?? years[0];
  return (
    <section class="page">
      <div class="page-head">
        <h1>ผลคะแนน ITA</h1>
        {shown !== undefined && years.length > 0 && (
          <YearPicker
            years={years}
            value={shown}
            onPick={(y) => navigate({ page: "dashboard", agencyId, year: y })}
          />
        )}
      </div>
      {card ? (
        <>
          <ScoreSummary card={card} comparison={comparison} />
          {card.heldBack && <p class="hint">{card.heldBack}</p>}
          <BarList
            title="เครื่องมือการประเมิน"
            bars={card.tools}
            deltas={comparison?.tools ?? []}
            fromYear={comparison?.fromYear}
          />
          <BarList
            title="ตัวชี้วัด"
            bars={card.indicators}
            deltas={comparison?.indicators ?? []}
            fromYear={comparison?.fromYear}
          />
          {comparison?.notComparable && <p class="hint">{comparison.notComparable}</p>}
          {card.mismatchCount > 0 && (
            <p class="hint">มีตัวเลขที่ประกาศไม่ตรงกับที่คำนวณจากคะแนนย่อย {card.mismatchCount} รายการ</p>
          )}
          {card.provisional && <p class="hint">{card.provisional}</p>}
        </>
      ) : (
        <p class="empty">
          {shown === undefined ? "ยังไม่มีผลคะแนน ITA ของหน่วยงานนี้" : `ยังไม่มีผลคะแนน ITA ของปี ${shown}`}
        </p>
      )}
    </section>
  );
}
