import type { MeasureFilter } from "./api/types.ts";
import { href } from "./route.ts";

const TABS: { filter: MeasureFilter; label: string }[] = [
  { filter: "all", label: "ทั้งหมด" },
  { filter: "mine", label: "ของฉัน" },
  { filter: "overdue", label: "เลยกำหนด" },
];

export function FilterTabs({
  agencyId,
  current,
  indicator,
}: {
  agencyId: number;
  current: MeasureFilter;
  /** Kept when switching tabs. */
  indicator?: number | undefined;
}) {
  return (
    <nav class="tabs" aria-label="ตัวกรองมาตรการ">
      {TABS.map(({ filter, label }) => (
        <a
          key={filter}
          href={href({ page: "measures", agencyId, filter, ...(indicator ? { indicator } : {}) })}
          aria-current={filter === current ? "page" : undefined}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
