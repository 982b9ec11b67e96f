import type { TargetedSubmitEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Measure } from "../../core/measures/measure.ts";
import { formFieldErrors, measureCreateSchema, measureEditSchema } from "../../core/schemas/measure-form.ts";
import type { FrameworkSummary, MemberSummary } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useDraftForm } from "./draft-form.ts";
import { Field, FieldMessage, fieldInput } from "./Field.tsx";
import { OwnerChoices } from "./OwnerChoices.tsx";
import {
  isMeasureValues,
  measureValues,
  readMeasure,
  type StepPlanValues,
  stepPlanValues,
} from "./plan-values.ts";
import { StepPlanFields } from "./StepPlanFields.tsx";

interface Props {
  agencyId: number;
  /** The measure being edited; without one, a new measure with its steps. */
  measure?: Measure;
  /** Fiscal years a new measure can belong to; the first is chosen until the user picks. */
  years: number[];
  members: MemberSummary[];
  /** The indicators a measure can answer: the fiscal year's framework (or the newest before it). */
  indicators: FrameworkSummary["indicators"];
  onSaved: (measure: Measure) => void;
}

/** A step row keeps the values it started with under a stable key, so removing a row above it changes nothing typed. */
interface Row {
  key: number;
  values: StepPlanValues;
}
let lastKey = 0;
const rowsOf = (steps: StepPlanValues[]): Row[] => steps.map((values) => ({ key: ++lastKey, values }));

/** The measure form (uncontrolled, read with FormData), checked with the server's own zod schema. */
export function MeasureForm({ agencyId, measure, years, members, indicators, onSaved }: Props) {
  const { api } = useApp();
  const f = useDraftForm({
    name: measure ? `measure.${agencyId}.${measure.id}` : `measure.new.${agencyId}`,
    initial: () => measureValues(measure, years[0]!),
    valid: isMeasureValues,
    read: readMeasure,
  });
  const [rows, setRows] = useState(() => rowsOf(f.start.values.steps));
  const [saved, setSaved] = useState(false);
  const rowsChanged = useRef(false);
  const { errors, start } = f;

  const remember = () => {
    f.remember();
    setSaved(false);
  };

  useEffect(() => {
    if (rowsChanged.current) remember();
    rowsChanged.current = false;
  }, [rows]);

  const changeRows = (next: Row[]) => {
    rowsChanged.current = true;
    // Step messages are keyed by row number, which has just changed.
    f.clearErrors();
    setRows(next);
  };

  const submit = (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = f.remember()!;
    const done = (m: Measure) => {
      setSaved(true);
      onSaved(m);
    };
    // Whether the new period still holds the planned steps is the server's to say (it has them all).
    if (measure) {
      const parsed = measureEditSchema.safeParse(values);
      f.submit(
        parsed.success
          ? () => api.editMeasure(agencyId, measure.id, parsed.data)
          : formFieldErrors(parsed.error),
        done,
      );
    } else {
      const parsed = measureCreateSchema.safeParse(values);
      f.submit(
        parsed.success ? () => api.createMeasure(agencyId, parsed.data) : formFieldErrors(parsed.error),
        done,
      );
    }
  };

  const discard = () => {
    f.discard();
    setRows(rowsOf(measureValues(measure, years[0]!).steps));
  };

  const { values } = start;
  const yearChoices = [...new Set([...years, Number(values.fiscalYear)].filter((y) => y > 0))].sort();
  return (
    <form
      key={start.version}
      ref={f.form}
      class="step-form"
      aria-label={measure ? "แก้ไขมาตรการ" : "เพิ่มมาตรการ"}
      noValidate
      onSubmit={submit}
      onInput={remember}
      onChange={remember}
    >
      {start.fromDraft && (
        <div class="draft-note" role="status">
          <p>แสดงข้อมูลที่กรอกค้างไว้ ยังไม่ได้บันทึก</p>
          <button type="button" class="button quiet" onClick={discard}>
            {measure ? "ใช้ข้อมูลเดิมจากระบบ" : "ล้างข้อมูลที่กรอก"}
          </button>
        </div>
      )}
      {!measure && (
        <Field name="fiscalYear" label="ปีงบประมาณ (พ.ศ.)" error={errors.fiscalYear}>
          <select {...fieldInput("fiscalYear", errors.fiscalYear)}>
            {yearChoices.map((y) => (
              <option key={y} value={y} selected={String(y) === values.fiscalYear}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field name="title" label="ชื่อมาตรการ" error={errors.title}>
        <textarea {...fieldInput("title", errors.title)} rows={2} defaultValue={values.title} />
      </Field>
      <fieldset class="field">
        <legend>ตัวชี้วัดที่เกี่ยวข้อง</legend>
        <div class="choices">
          {indicators.map(({ no, nameTh }) => (
            <label key={no} class="choice">
              <input
                type="checkbox"
                name="indicators"
                value={no}
                defaultChecked={values.indicators.includes(String(no))}
                aria-describedby="indicators-message"
              />
              <span>
                {no}. {nameTh}
              </span>
            </label>
          ))}
        </div>
        <FieldMessage name="indicators" error={errors.indicators} />
      </fieldset>
      <Field name="method" label="วิธีการดำเนินการ" error={errors.method}>
        <textarea {...fieldInput("method", errors.method)} rows={4} defaultValue={values.method} />
      </Field>
      <Field name="responsibleUnit" label="หน่วยงานที่รับผิดชอบ" error={errors.responsibleUnit}>
        <input
          {...fieldInput("responsibleUnit", errors.responsibleUnit)}
          placeholder="เช่น สำนักปลัด กองคลัง"
          defaultValue={values.responsibleUnit}
        />
      </Field>
      <Field name="periodStart" label="เริ่ม (ว่างไว้ได้)" error={errors.periodStart} lines={2}>
        <input
          {...fieldInput("periodStart", errors.periodStart)}
          type="date"
          defaultValue={values.periodStart}
        />
      </Field>
      <Field name="periodEnd" label="สิ้นสุด (ว่างไว้ได้)" error={errors.periodEnd} lines={2}>
        <input {...fieldInput("periodEnd", errors.periodEnd)} type="date" defaultValue={values.periodEnd} />
      </Field>
      <OwnerChoices
        name="ownerIds"
        legend="ผู้รับผิดชอบมาตรการ"
        hint="ไม่เลือก = ผู้ดูแลของหน่วยงานได้รับการแจ้งเตือน"
        members={members}
        checked={values.ownerIds}
        error={errors.ownerIds}
      />
      {!measure && (
        <>
          <h2>ขั้นตอน</h2>
          {rows.map((row, i) => (
            <fieldset key={row.key} class="step" data-step-row>
              <legend>ขั้นตอนที่ {i + 1}</legend>
              <StepPlanFields prefix={`steps.${i}.`} values={row.values} errors={errors} members={members} />
              <button
                type="button"
                class="button quiet danger-text"
                onClick={() => changeRows(rows.filter((r) => r.key !== row.key))}
              >
                ลบขั้นตอนที่ {i + 1}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            class="button"
            onClick={() => changeRows([...rows, ...rowsOf([stepPlanValues()])])}
          >
            + เพิ่มขั้นตอน
          </button>
          <FieldMessage name="steps" error={errors.steps} />
        </>
      )}
      <p class="form-error" role="alert">
        {f.problem}
      </p>
      <p class="saved" role="status">
        {saved && measure ? "บันทึกแล้ว" : ""}
      </p>
      <button type="submit" class="button primary" disabled={f.saving}>
        {f.saving ? "กำลังบันทึก…" : measure ? "บันทึกมาตรการ" : "สร้างมาตรการ"}
      </button>
    </form>
  );
}
