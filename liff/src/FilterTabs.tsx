import type { MeasureFilter } from "./api.ts";
import { href } from "./route.ts";

const TABS: { filter: MeasureFilter; label: string }[] = [
  { filter: "all", label: "ทั้งหมด" },
  { filter: "mine", label: "ของฉัน" },
  { filter: "overdue", label: "เลยกำหนด" },
];

export function FilterTabs({ agencyId, current }: { agencyId: number; current: MeasureFilter }) {
  return (
    <nav class="tabs" aria-label="ตัวกรองมาตรการ">
      {TABS.map(({ filter, label }) => (
        <a
          key={filter}
          href={href({ page: "measures", agencyId, filter })}
          aria-current={filter === current ? "page" : undefined}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
