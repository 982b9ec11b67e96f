import type { MeasureStatus } from "../../core/measures/model.ts";
import { STATUS_TH } from "../../core/measures/model.ts";

export function StatusBadge({ status, overdue = false }: { status: MeasureStatus; overdue?: boolean }) {
  return (
    <span class="badges">
      <span class={`badge status-${status}`}>{STATUS_TH[status]}</span>
      {overdue && <span class="badge overdue">เลยกำหนด</span>}
    </span>
  );
}
