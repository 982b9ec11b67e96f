import type { MemberSummary } from "./api/types.ts";
import { Field, fieldInput } from "./Field.tsx";
import { OwnerChoices } from "./OwnerChoices.tsx";
import type { StepPlanValues } from "./plan-values.ts";

interface Props {
  /** Names the inputs `${prefix}title` …, as the errors are keyed. */
  prefix: string;
  values: StepPlanValues;
  errors: Record<string, string>;
  members: MemberSummary[];
}

/** A step's plan: its title, due date and the members reminded of it. */
export function StepPlanFields({ prefix, values, errors, members }: Props) {
  const name = (field: string) => `${prefix}${field}`;
  return (
    <>
      <Field name={name("title")} label="ชื่อขั้นตอน" error={errors[name("title")]}>
        <input {...fieldInput(name("title"), errors[name("title")])} defaultValue={values.title} />
      </Field>
      <Field name={name("dueOn")} label="ครบกำหนด (ว่างไว้ได้)" error={errors[name("dueOn")]} lines={2}>
        <input
          {...fieldInput(name("dueOn"), errors[name("dueOn")])}
          type="date"
          defaultValue={values.dueOn}
        />
      </Field>
      <OwnerChoices
        name={name("ownerIds")}
        legend="ผู้รับผิดชอบขั้นตอน"
        hint="ไม่เลือก = ผู้รับผิดชอบมาตรการได้รับการแจ้งเตือน"
        members={members}
        checked={values.ownerIds}
        error={errors[name("ownerIds")]}
      />
    </>
  );
}
