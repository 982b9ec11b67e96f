import type { Step } from "../../core/measures/measure.ts";
import { thaiDate } from "./format.ts";
import { isOverdue } from "./overdue.ts";
import { Progress } from "./Progress.tsx";
import { href } from "./route.ts";
import { StatusBadge } from "./StatusBadge.tsx";

interface Props {
  agencyId: number;
  step: Step;
  today: string;
  canEdit: boolean;
}

export function StepCard({ agencyId, step, today, canEdit }: Props) {
  return (
    <li class="step">
      <h3>
        {step.seq}. {step.title}
      </h3>
      <StatusBadge status={step.status} overdue={isOverdue(step, today)} />
      <Progress value={step.progress} />
      <dl class="facts">
        {step.dueOn && <Fact term="ครบกำหนด" value={thaiDate(step.dueOn)} />}
        {step.doneOn && <Fact term="เสร็จเมื่อ" value={thaiDate(step.doneOn)} />}
        {step.responsibleUnit && <Fact term="ผู้รับผิดชอบ" value={step.responsibleUnit} />}
        {step.note && <Fact term="บันทึก" value={step.note} />}
      </dl>
      {step.evidenceUrl && (
        <a class="evidence" href={step.evidenceUrl} target="_blank" rel="noopener noreferrer">
          เปิดหลักฐาน
        </a>
      )}
      {canEdit && (
        <a class="button" href={href({ page: "step", agencyId, measureId: step.measureId, stepId: step.id })}>
          อัปเดตสถานะ
        </a>
      )}
    </li>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
