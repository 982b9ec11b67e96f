import type { TargetedEvent, TargetedSubmitEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import {
  entryFieldErrors,
  type ResultsEntryInput,
  resultsEntrySchema,
} from "../../core/schemas/results-entry.ts";
import { ApiError } from "./api/call.ts";
import type { EntryFigure, EntryForm, EntrySaved } from "./api/types.ts";
import { ChangesTable } from "./ChangesTable.tsx";
import { useApp } from "./Context.tsx";
import { Field, fieldInput } from "./Field.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";

/**
 * Scores typed by hand for one fiscal year: the total, each tool and each indicator. An empty box
 * keeps what is stored; the same zod schema as the server checks the form before it is sent.
 */
export function ScoreEntryForm({ agencyId }: { agencyId: number }) {
  const { api } = useApp();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState<EntrySaved | null>(null);
  const loaded = useLoad(`results-entry/${agencyId}/${year ?? ""}/${version}`, () =>
    api.entryForm(agencyId, year),
  );
  const chooseYear = (e: TargetedEvent<HTMLSelectElement>) => {
    setSaved(null);
    setYear(Number(e.currentTarget.value));
  };
  return (
    <section class="score-entry" aria-labelledby="score-entry-title">
      <h2 id="score-entry-title">กรอกคะแนนเอง</h2>
      {loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : (
        <>
          <div class="year-picker">
            <label htmlFor="entry-year">ปีงบประมาณ</label>
            <select id="entry-year" value={loaded.data.year} onChange={chooseYear}>
              {loaded.data.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <EntryFields
            key={`${loaded.data.year}/${version}`}
            agencyId={agencyId}
            form={loaded.data}
            onSaved={(answer) => {
              setSaved(answer);
              setVersion((v) => v + 1);
            }}
          />
        </>
      )}
      {saved && (
        <div class="saved-box" role="status">
          {saved.changes.length === 0 ? (
            <p>ไม่มีคะแนนที่เปลี่ยน</p>
          ) : (
            <>
              <p>
                <strong>บันทึกแล้ว</strong> {saved.changes.length} รายการ
              </p>
              <ChangesTable changes={saved.changes} caption="คะแนนที่บันทึก" />
            </>
          )}
        </div>
      )}
    </section>
  );
}

function EntryFields({
  agencyId,
  form,
  onSaved,
}: {
  agencyId: number;
  form: EntryForm;
  onSaved: (saved: EntrySaved) => void;
}) {
  const { api } = useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = Object.keys(errors)[0];
    if (first) ref.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }, [errors]);

  const submit = async (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setProblem("");
    const input = entryOf(form.year, new FormData(e.currentTarget));
    const parsed = resultsEntrySchema.safeParse(input);
    if (!parsed.success) {
      setErrors(entryFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await api.saveEntry(agencyId, input);
      if (result.ok) {
        onSaved(result.value);
        return;
      }
      setErrors(result.fields);
      setProblem(result.message);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={ref} class="step-form" aria-label={`กรอกคะแนนปี ${form.year}`} noValidate onSubmit={submit}>
      <p class="hint">เว้นว่างช่องที่ไม่ทราบ ค่าที่บันทึกไว้แล้วจะไม่เปลี่ยน ตัวเลขสีจางคือค่าที่คำนวณจากคะแนนระดับล่าง</p>
      <ScoreInput name="total" label="คะแนนรวม" figure={form.total} error={errors.total} />
      {form.tools.length > 0 && (
        <fieldset class="field score-group">
          <legend>รายเครื่องมือ</legend>
          {form.tools.map((t) => (
            <ScoreInput
              key={t.code}
              name={`tools.${t.code}`}
              label={`${t.code} ${t.nameTh}`}
              figure={t}
              error={errors[`tools.${t.code}`]}
            />
          ))}
        </fieldset>
      )}
      {form.indicators.length > 0 && (
        <fieldset class="field score-group">
          <legend>รายตัวชี้วัด</legend>
          {form.indicators.map((i) => (
            <ScoreInput
              key={i.no}
              name={`indicators.${i.no}`}
              label={`ตัวชี้วัดที่ ${i.no} ${i.nameTh}`}
              figure={i}
              error={errors[`indicators.${i.no}`]}
            />
          ))}
        </fieldset>
      )}
      {errors.year && <p class="form-error">{errors.year}</p>}
      <p class="form-error" role="alert">
        {problem}
      </p>
      <button type="submit" class="button primary" disabled={saving}>
        {saving ? "กำลังบันทึก…" : "บันทึกคะแนน"}
      </button>
    </form>
  );
}

function ScoreInput({
  name,
  label,
  figure,
  error,
}: {
  name: string;
  label: string;
  figure: EntryFigure;
  error: string | undefined;
}) {
  const computed = figure.reported === null && figure.current !== null;
  return (
    <Field name={name} label={label} error={error}>
      <input
        {...fieldInput(name, error)}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={figure.reported ?? ""}
        placeholder={computed ? `${figure.current} (คำนวณ)` : "เช่น 86.19"}
      />
    </Field>
  );
}

/** The form's boxes as the API's input: "tools.IIT" → tools.IIT; empty boxes are sent empty. */
function entryOf(year: number, data: FormData): ResultsEntryInput {
  const tools: Record<string, string> = {};
  const indicators: Record<string, string> = {};
  let total = "";
  for (const [name, value] of data.entries()) {
    if (typeof value !== "string") continue;
    if (name === "total") total = value;
    else if (name.startsWith("tools.")) tools[name.slice(6)] = value;
    else if (name.startsWith("indicators.")) indicators[name.slice(11)] = value;
  }
  return { year, total, tools, indicators };
}
