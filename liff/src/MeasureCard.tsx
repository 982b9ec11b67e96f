import type { Measure } from "../../core/measures/measure.ts";
import { thaiDate } from "./format.ts";
import { isOverdue } from "./overdue.ts";
import { Progress } from "./Progress.tsx";
import { href } from "./route.ts";
import { StatusBadge } from "./StatusBadge.tsx";

export function MeasureCard({ measure, today }: { measure: Measure; today: string }) {
  const open = measure.steps.filter((s) => s.status === "not_started" || s.status === "in_progress");
  const next = open
    .map((s) => s.dueOn)
    .filter((d): d is string => d !== null)
    .sort()[0];
  const overdue = measure.steps.some((s) => isOverdue(s, today));
  return (
    <li>
      <a class="card" href={href({ page: "measure", agencyId: measure.agencyId, measureId: measure.id })}>
        <span class="card-kicker">
          มาตรการที่ {measure.seq} · ปี {measure.fiscalYear}
        </span>
        <span class="card-title">{measure.title}</span>
        <StatusBadge status={measure.status} overdue={overdue} />
        <Progress value={measure.progress} />
        <span class="card-meta">
          {measure.steps.length} ขั้นตอน{next ? ` · ครบกำหนดถัดไป ${thaiDate(next)}` : ""}
        </span>
      </a>
    </li>
  );
}
