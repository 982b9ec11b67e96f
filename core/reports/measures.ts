// How a measure's recorded fields read in the tables of both reports.
import type { Measure } from "../measures/measure.ts";
import { STATUS_TH } from "../measures/model.ts";
import type { Formatter } from "./format.ts";

/** "1. step" lines. */
export function measureSteps(m: Measure, fmt: Formatter): string {
  return m.steps.map((s, i) => fmt.t(`${i + 1}. ${s.title}`)).join("\n");
}

/** The period as written, else its dates. */
export function period(m: Measure, fmt: Formatter): string {
  if (m.periodText) return fmt.t(m.periodText);
  if (m.periodStart && m.periodEnd) return `${fmt.date(m.periodStart)} - ${fmt.date(m.periodEnd)}`;
  return "";
}

/** ผลการดำเนินการ: the recorded summary, the status and progress, then each step's state. */
export function measureResult(m: Measure, fmt: Formatter): string {
  const lines: string[] = [];
  if (m.resultSummary.trim()) lines.push(fmt.t(m.resultSummary.trim()));
  lines.push(
    `สถานะ: ${STATUS_TH[m.status]}${m.status === "cancelled" ? "" : ` (ร้อยละ ${fmt.t(m.progress)})`}`,
  );
  m.steps.forEach((s, i) => {
    const when = s.doneOn
      ? ` เมื่อ ${fmt.date(s.doneOn)}`
      : s.dueOn && s.status !== "done"
        ? ` กำหนด ${fmt.date(s.dueOn)}`
        : "";
    const note = s.note.trim() ? ` — ${fmt.t(s.note.trim())}` : "";
    lines.push(`${fmt.t(i + 1)}) ${fmt.t(s.title)}: ${STATUS_TH[s.status]}${when}${note}`);
  });
  return lines.join("\n");
}
