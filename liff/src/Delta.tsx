import type { DeltaView } from "../../core/chat/cards.ts";

const ARROW = { up: "▲", down: "▼", same: "–" } as const;
const SPOKEN = { up: "เพิ่มขึ้น", down: "ลดลง", same: "เท่าเดิม" } as const;

/** "▲ +1.23" against the previous year, coloured by direction. */
export function Delta({ delta, fromYear }: { delta: DeltaView; fromYear: number }) {
  return (
    <span class={`delta ${delta.direction}`} title={`ปี ${fromYear}: ${delta.from}`}>
      <span aria-hidden="true">{ARROW[delta.direction]} </span>
      <span class="sr-only">{SPOKEN[delta.direction]} </span>
      {delta.delta}
      <span class="sr-only"> จากปี {fromYear}</span>
    </span>
  );
}
