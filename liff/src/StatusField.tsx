import { type MeasureStatus, STATUS_TH } from "../../core/measures/model.ts";
import { FieldMessage } from "./Field.tsx";

const STATUSES: MeasureStatus[] = ["not_started", "in_progress", "done", "cancelled"];

/** Four large radio choices; the message line is kept free for two lines. */
export function StatusField({ value, error }: { value: string; error: string | undefined }) {
  return (
    <fieldset class="field">
      <legend>สถานะ</legend>
      <div class="choices">
        {STATUSES.map((s) => (
          <label key={s} class="choice">
            <input
              type="radio"
              name="status"
              value={s}
              defaultChecked={value === s}
              aria-invalid={error ? true : undefined}
              aria-describedby="status-message"
            />
            <span>{STATUS_TH[s]}</span>
          </label>
        ))}
      </div>
      <FieldMessage name="status" error={error} lines={2} />
    </fieldset>
  );
}
