import { useState } from "preact/hooks";
import { ApiError } from "./api/call.ts";
import type { ReportFontView } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { FieldMessage, fieldInput } from "./Field.tsx";

const FONT_TYPES = ".ttf,.otf,font/ttf,font/otf,application/x-font-ttf";

/**
 * The typeface of the agency's reports. Everyone who makes reports sees which one; an admin can
 * upload the agency's own (typically TH Sarabun New: regular and bold files) or go back to Sarabun.
 */
export function ReportFontCard({
  agencyId,
  isAdmin,
  initial,
}: {
  agencyId: number;
  isAdmin: boolean;
  initial: ReportFontView;
}) {
  const { api } = useApp();
  const [font, setFont] = useState(initial);
  const [regular, setRegular] = useState<File | undefined>();
  const [bold, setBold] = useState<File | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<string | undefined>) => {
    setBusy(true);
    setProblem("");
    setDone("");
    try {
      const message = await action();
      if (message) setDone(message);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : "ส่งไฟล์ไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: Event) => {
    event.preventDefault();
    if (!regular) {
      setErrors({ regular: "กรุณาเลือกไฟล์ฟอนต์ตัวปกติ (.ttf หรือ .otf)" });
      return;
    }
    setErrors({});
    void act(async () => {
      const r = await api.uploadReportFont(agencyId, { regular, bold });
      if (!r.ok) {
        setErrors(r.fields);
        if (Object.keys(r.fields).length === 0) setProblem(r.message);
        return undefined;
      }
      setFont(r.value);
      return `รายงานฉบับต่อไปใช้ฟอนต์ ${r.value.family}`;
    });
  };

  const reset = () =>
    act(async () => {
      setFont(await api.resetReportFont(agencyId));
      setErrors({});
      return "รายงานฉบับต่อไปใช้ฟอนต์ Sarabun";
    });

  return (
    <article class="card report" aria-labelledby="report-font-title">
      <h2 id="report-font-title">ฟอนต์ในรายงาน</h2>
      <p>{font.custom ? `${font.family} (ไฟล์ของหน่วยงาน)` : "Sarabun (ฟอนต์ตั้งต้นของระบบ)"}</p>
      {isAdmin ? (
        <form class="report-actions" aria-label="อัปโหลดฟอนต์ของหน่วยงาน" noValidate onSubmit={upload}>
          <p class="hint">
            อัปโหลด TH Sarabun New ได้ ไฟล์ .ttf หรือ .otf ไม่เกิน 2 MB ต่อไฟล์ ถ้าไม่มีตัวหนาจะใช้ตัวปกติแทน
          </p>
          <div class="field">
            <label htmlFor="field-regular">ตัวปกติ (เช่น THSarabunNew.ttf)</label>
            <input
              {...fieldInput("regular", errors.regular)}
              type="file"
              accept={FONT_TYPES}
              onChange={(e) => setRegular(e.currentTarget.files?.[0])}
            />
            <FieldMessage name="regular" error={errors.regular} lines={2} />
          </div>
          <div class="field">
            <label htmlFor="field-bold">ตัวหนา (ไม่บังคับ)</label>
            <input
              {...fieldInput("bold", errors.bold)}
              type="file"
              accept={FONT_TYPES}
              onChange={(e) => setBold(e.currentTarget.files?.[0])}
            />
            <FieldMessage name="bold" error={errors.bold} lines={2} />
          </div>
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? "กำลังส่ง…" : "อัปโหลดฟอนต์"}
          </button>
          {font.custom && (
            <button type="button" class="button" disabled={busy} onClick={reset}>
              กลับไปใช้ Sarabun
            </button>
          )}
          <p class="form-error" role="alert">
            {problem}
          </p>
          <p class="hint" role="status">
            {done}
          </p>
        </form>
      ) : (
        <p class="hint">ผู้ดูแลของหน่วยงานเปลี่ยนฟอนต์ได้</p>
      )}
    </article>
  );
}
