import type { LevelView } from "../../core/chat/cards.ts";
import { textOn } from "./format.ts";

export function LevelChip({ level }: { level: LevelView }) {
  return (
    <span class="chip" style={{ background: level.color, color: textOn(level.color) }}>
      {level.nameTh}
    </span>
  );
}
