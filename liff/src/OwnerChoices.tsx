import type { MemberSummary } from "./api/types.ts";
import { FieldMessage } from "./Field.tsx";

interface Props {
  name: string;
  legend: string;
  members: MemberSummary[];
  checked: string[];
  error: string | undefined;
  hint?: string;
}

/** The agency's members as large checkboxes; the message line is always there (no layout shift). */
export function OwnerChoices({ name, legend, members, checked, error, hint }: Props) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {members.length === 0 ? (
        <p class="hint">ยังไม่มีสมาชิกให้เลือก</p>
      ) : (
        <div class="choices">
          {members.map((m) => (
            <label key={m.id} class="choice">
              <input
                type="checkbox"
                name={name}
                value={String(m.id)}
                defaultChecked={checked.includes(String(m.id))}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${name}-message`}
              />
              <span>{m.displayName ?? `สมาชิกหมายเลข ${m.id}`}</span>
            </label>
          ))}
        </div>
      )}
      <FieldMessage name={name} error={error} lines={2} />
    </fieldset>
  );
}
