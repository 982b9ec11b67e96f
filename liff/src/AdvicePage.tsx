import { useState } from "preact/hooks";
import { RECOMMENDATION_MAX_CHARS, recommendationTextSchema } from "../../core/schemas/recommendation.ts";
import { ApiError } from "./api/call.ts";
import type { Membership, RecommendationEntry } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { FieldMessage, fieldInput } from "./Field.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";
import { href } from "./route.ts";

/**
 * "ข้อเสนอแนะในรายงาน": the analysis report's recommendation per indicator and item concept, in
 * the agency's own words where it has them; admins and editors rewrite one at a time.
 */
export function AdvicePage({ membership }: { membership: Membership }) {
  const { api } = useApp();
  const { agencyId } = membership;
  const canEdit = membership.role !== "viewer";
  const loaded = useLoad(`advice/${agencyId}`, () =>
    canEdit ? api.recommendations(agencyId) : Promise.resolve({ entries: [] }),
  );
  return (
    <section class="page">
      <a class="back" href={href({ page: "reports", agencyId })}>
        ‹ รายงาน
      </a>
      <h1>ข้อเสนอแนะในรายงาน</h1>
      {!canEdit ? (
        <p class="hint">ข้อเสนอแนะในรายงานแก้ได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน</p>
      ) : loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : (
        <>
          <p class="hint">
            รายงานการวิเคราะห์ผลใช้ข้อความเหล่านี้กับตัวชี้วัดหรือประเด็นที่ได้คะแนนต่ำ แก้เป็นถ้อยคำของหน่วยงานได้
            และกลับไปใช้ข้อความตั้งต้นได้ทุกเมื่อ
          </p>
          <div class="cards">
            {loaded.data.entries.map((entry) => (
              <AdviceItem key={entry.key} agencyId={agencyId} initial={entry} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function AdviceItem({ agencyId, initial }: { agencyId: number; initial: RecommendationEntry }) {
  const { api } = useApp();
  const [entry, setEntry] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const own = entry.text !== null;
  const name = `advice-${entry.key.replace(/[^a-z0-9]/g, "-")}`;

  const start = () => {
    setDraft(entry.text ?? entry.defaultText);
    setError(undefined);
    setProblem("");
    setEditing(true);
  };

  const run = async (action: () => Promise<RecommendationEntry | string>) => {
    setBusy(true);
    setProblem("");
    try {
      const outcome = await action();
      if (typeof outcome === "string") setError(outcome);
      else {
        setEntry(outcome);
        setEditing(false);
      }
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : "บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setBusy(false);
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    const parsed = recommendationTextSchema.safeParse({ text: draft });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    void run(async () => {
      const r = await api.saveRecommendation(agencyId, entry.key, parsed.data.text);
      return r.ok ? r.value : (r.fields.text ?? r.message);
    });
  };

  const reset = () => run(() => api.resetRecommendation(agencyId, entry.key));

  return (
    <article class="card">
      <h2>{entry.label}</h2>
      <p class="hint">{own ? "ข้อความของหน่วยงาน" : "ข้อความตั้งต้น"}</p>
      {!editing ? (
        <>
          <p>{entry.text ?? (entry.defaultText || "ยังไม่มีข้อความ")}</p>
          <button type="button" class="button" onClick={start}>
            แก้ไข
          </button>
        </>
      ) : (
        <form class="field" onSubmit={save} noValidate>
          <label htmlFor={`field-${name}`}>ข้อเสนอแนะของหน่วยงาน</label>
          <textarea
            {...fieldInput(name, error)}
            rows={6}
            maxLength={RECOMMENDATION_MAX_CHARS + 100}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <FieldMessage name={name} error={error} lines={2} />
          <div class="report-actions">
            <button type="submit" class="button primary" disabled={busy}>
              {busy ? "กำลังบันทึก…" : "บันทึก"}
            </button>
            {own && (
              <button type="button" class="button" disabled={busy} onClick={reset}>
                ใช้ข้อความตั้งต้น
              </button>
            )}
            <button type="button" class="button quiet" disabled={busy} onClick={() => setEditing(false)}>
              ยกเลิก
            </button>
          </div>
          <p class="form-error" role="alert">
            {problem}
          </p>
        </form>
      )}
    </article>
  );
}
