import type { TargetedSubmitEvent } from "preact";
import { useState } from "preact/hooks";
import { FIRST_LEAD_MAX, FIRST_LEAD_MIN, settingsSchema } from "../../core/schemas/settings.ts";
import { fieldErrors } from "../../core/schemas/step-status.ts";
import { ApiError } from "./api/call.ts";
import type { ReminderSettingsView } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { Field, FieldMessage, fieldInput } from "./Field.tsx";

const DAYS_TH = ["วันอาทิตย์", "วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์"];

interface Props {
  agencyId: number;
  initial: ReminderSettingsView;
}

/** Mute, daily or weekly digests and the first reminder's lead days; the same schema as PUT /api/me/settings. */
export function SettingsForm({ agencyId, initial }: Props) {
  const { api } = useApp();
  const [current, setCurrent] = useState(initial);
  const [muted, setMuted] = useState(initial.muted);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const form = e.currentTarget;
    const data = new FormData(form);
    setProblem("");
    setSaved(false);
    const parsed = settingsSchema.safeParse({
      agencyId,
      muted: data.get("muted") === "on",
      frequency: data.get("frequency"),
      firstLeadDays: data.get("firstLeadDays"),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await api.saveSettings(parsed.data);
      if (result.ok) {
        setCurrent(result.value);
        setMuted(result.value.muted);
        setSaved(true);
      } else {
        setErrors(result.fields);
        setProblem(result.message);
      }
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="step-form"
      aria-label="ตั้งค่าการแจ้งเตือน"
      noValidate
      onSubmit={submit}
      onInput={() => setSaved(false)}
    >
      <div class="field">
        <label class="toggle">
          <span>
            <strong>ปิดการแจ้งเตือน</strong>
            <span class="hint">ไม่ส่งข้อความเตือนทาง LINE งานยังดูได้ในแอปและด้วยคำว่า “งานของฉัน”</span>
          </span>
          <input
            type="checkbox"
            role="switch"
            name="muted"
            checked={muted}
            aria-checked={muted}
            onChange={(e) => setMuted(e.currentTarget.checked)}
          />
        </label>
        <FieldMessage name="muted" error={errors.muted} />
      </div>
      <fieldset class="field">
        <legend>ความถี่</legend>
        <div class="choices">
          <label class="choice">
            <input
              type="radio"
              name="frequency"
              value="daily"
              defaultChecked={current.frequency === "daily"}
              aria-describedby="frequency-message"
            />
            <span>รายวัน</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="frequency"
              value="weekly"
              defaultChecked={current.frequency === "weekly"}
              aria-describedby="frequency-message"
            />
            <span>รายสัปดาห์</span>
          </label>
        </div>
        <p class="hint">
          {`รายวัน: รวมงานของวันเป็นข้อความเดียว · รายสัปดาห์: ทุก${DAYS_TH[current.weeklyDay] ?? "วันจันทร์"} ส่วนงานที่ครบกำหนดภายใน 1 วันหรือเลยกำหนดยังเตือนทุกวัน`}
        </p>
        <FieldMessage name="frequency" error={errors.frequency} />
      </fieldset>
      <Field
        name="firstLeadDays"
        label={`เตือนครั้งแรกก่อนครบกำหนด (วัน, ${FIRST_LEAD_MIN}–${FIRST_LEAD_MAX})`}
        error={errors.firstLeadDays}
      >
        <input
          {...fieldInput("firstLeadDays", errors.firstLeadDays)}
          type="number"
          inputMode="numeric"
          min={FIRST_LEAD_MIN}
          max={FIRST_LEAD_MAX}
          step={1}
          defaultValue={String(current.firstLeadDays)}
        />
      </Field>
      <p class="hint">
        {`จากนั้นเตือนอีก 1 วันก่อนครบกำหนด ในวันครบกำหนด และทุก 7 วันเมื่อเลยกำหนด ไม่ส่งช่วง ${current.quietStart}–${current.quietEnd} น.`}
      </p>
      <p class="form-error" role="alert">
        {problem}
      </p>
      <p class="saved" role="status">
        {saved ? "บันทึกแล้ว ✓" : ""}
      </p>
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? "กำลังบันทึก…" : "บันทึก"}
      </button>
    </form>
  );
}
