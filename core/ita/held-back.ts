// Why an agency's level is not the next band up, in words: the per-tool rule of the bands
// (2566 onward: ผ่านดี needs every tool at 85) explained with the tools that missed it.
import type { Assessment } from "./assessment.ts";
import type { Framework } from "./catalog.ts";
import { formatScore } from "./score.ts";
import { toolsHoldingBack } from "./scoring.ts";

/**
 * "ระดับผ่าน ไม่ถึงผ่านดี เพราะ EIT 80.00 ต่ำกว่า 85": a level band that asks every tool to reach
 * a mark, and the tools that did not. Undefined when the total alone decided the level.
 */
export function heldBackText(framework: Framework, assessment: Assessment): string | undefined {
  if (!assessment.total) return undefined;
  const tools = new Map(
    assessment.nodes.filter((n) => n.kind === "tool").map((n) => [n.code, n.value] as const),
  );
  const held = toolsHoldingBack(framework, assessment.total.value, tools);
  if (!held) return undefined;
  const band = framework.levels.find((b) => b.code === held.band);
  if (!band || band.minEachTool === undefined) return undefined;
  const reached = framework.levels.find((b) => b.code === assessment.level)?.nameTh;
  const below = held.tools.map((code) => `${code} ${formatScore(tools.get(code)!)}`).join(", ");
  const mark = String(band.minEachTool);
  return `${reached ? `ได้ระดับ${reached} ` : ""}ไม่ถึง${band.nameTh} เพราะ ${below} ต่ำกว่า ${mark} (${band.nameTh}ต้องได้ทุกเครื่องมือตั้งแต่ ${mark})`;
}
