import type { TargetedEvent, TargetedSubmitEvent } from "preact";
import { useState } from "preact/hooks";
import { ApiError } from "./api/call.ts";
import type { FileError, ResultsImported, ResultsPreview } from "./api/types.ts";
import { ChangesTable } from "./ChangesTable.tsx";
import { useApp } from "./Context.tsx";
import { FileErrors } from "./FileErrors.tsx";

type State =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "refused"; errors: FileError[] }
  | { step: "checked"; preview: ResultsPreview }
  | { step: "importing"; preview: ResultsPreview }
  | { step: "imported"; imported: ResultsImported };

/** Upload a results file, see what it would change ("ตรวจสอบ"), then apply it ("นำเข้า"). */
export function ImportFile({ agencyId, agencyName }: { agencyId: number; agencyName: string }) {
  const { api } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const [problem, setProblem] = useState("");

  const choose = (e: TargetedEvent<HTMLInputElement>) => {
    setFile(e.currentTarget.files?.[0] ?? null);
    setState({ step: "idle" });
    setProblem("");
  };

  const failed = (error: unknown, back: State) => {
    setProblem(error instanceof ApiError ? error.message : "ส่งไฟล์ไม่สำเร็จ กรุณาลองอีกครั้ง");
    setState(back);
  };

  const check = async (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProblem("");
    if (!file) {
      setProblem("กรุณาเลือกไฟล์ผลคะแนน (.csv หรือ .xlsx)");
      return;
    }
    setState({ step: "checking" });
    try {
      const answer = await api.previewResults(agencyId, file);
      setState(answer.ok ? { step: "checked", preview: answer } : { step: "refused", errors: answer.errors });
    } catch (error) {
      failed(error, { step: "idle" });
    }
  };

  const apply = async () => {
    if (!file || state.step !== "checked") return;
    const { preview } = state;
    setProblem("");
    setState({ step: "importing", preview });
    try {
      const answer = await api.importResults(agencyId, file);
      setState(
        answer.ok ? { step: "imported", imported: answer } : { step: "refused", errors: answer.errors },
      );
    } catch (error) {
      failed(error, { step: "checked", preview });
    }
  };

  const preview = state.step === "checked" || state.step === "importing" ? state.preview : undefined;
  return (
    <section class="import-file" aria-labelledby="import-file-title">
      <h2 id="import-file-title">นำเข้าจากไฟล์</h2>
      <p class="hint">ไฟล์ .csv หรือ .xlsx ตามรูปแบบนำเข้า ใส่ได้เฉพาะแถวของ{agencyName} นำเข้าทั้งไฟล์หรือไม่นำเข้าเลย</p>
      <form class="step-form" aria-label="ตรวจสอบไฟล์ผลคะแนน" noValidate onSubmit={check}>
        <div class="field">
          <label htmlFor="results-file">ไฟล์ผลคะแนน</label>
          <input
            id="results-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={choose}
          />
        </div>
        <button
          type="submit"
          class="button"
          disabled={state.step === "checking" || state.step === "importing"}
        >
          {state.step === "checking" ? "กำลังตรวจสอบ…" : "ตรวจสอบ"}
        </button>
      </form>
      <p class="form-error" role="alert">
        {problem}
      </p>
      {state.step === "refused" && <FileErrors errors={state.errors} />}
      {preview && (
        <div class="preview" role="status">
          <p>
            ไฟล์ถูกต้อง {preview.rows} แถว
            {preview.changes.length > 0
              ? ` — จะเปลี่ยน ${preview.changes.length} รายการ ดังนี้`
              : " — ตรงกับที่บันทึกไว้แล้ว ไม่มีอะไรต้องนำเข้า"}
          </p>
          {preview.notes.map((n) => (
            <p class="hint" key={n}>
              {n}
            </p>
          ))}
          {preview.changes.length > 0 && (
            <>
              <ChangesTable changes={preview.changes} caption="สิ่งที่จะเปลี่ยน" />
              <button
                type="button"
                class="button primary"
                onClick={apply}
                disabled={state.step === "importing"}
              >
                {state.step === "importing" ? "กำลังนำเข้า…" : "นำเข้า"}
              </button>
            </>
          )}
        </div>
      )}
      {state.step === "imported" && <Imported imported={state.imported} />}
    </section>
  );
}

function Imported({ imported }: { imported: ResultsImported }) {
  const s = imported.summary;
  const parts = [
    s.assessmentsCreated > 0 && `ปีใหม่ ${s.assessmentsCreated} ปี`,
    s.assessmentsChanged > 0 && `แก้ไข ${s.assessmentsChanged} ปี`,
    s.assessmentsUnchanged > 0 && `ไม่เปลี่ยน ${s.assessmentsUnchanged} ปี`,
  ].filter(Boolean);
  return (
    <div class="saved-box" role="status">
      <p>
        <strong>นำเข้าแล้ว</strong> {imported.rows} แถว{parts.length ? ` (${parts.join(", ")})` : ""}
      </p>
      {s.mismatches > 0 && (
        <p class="hint">คะแนนที่รายงานต่างจากที่คำนวณได้ {s.mismatches} รายการ (ระบบใช้ค่าที่รายงานเป็นทางการ)</p>
      )}
    </div>
  );
}
