import { useState } from "preact/hooks";
import { AuditEntry } from "./AuditEntry.tsx";
import { ApiError } from "./api/call.ts";
import type { AuditItem, Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";

/** The agency's audit log, newest first, for admins and editors; "ดูเพิ่มเติม" loads older entries. */
export function AuditPage({ membership }: { membership: Membership }) {
  if (membership.role === "viewer") {
    return (
      <section class="page">
        <h1>ประวัติการแก้ไข</h1>
        <p class="empty">บทบาทผู้ดูเปิดประวัติการแก้ไขไม่ได้ (เฉพาะผู้ดูแลและผู้แก้ไข)</p>
      </section>
    );
  }
  return <AuditList key={membership.agencyId} agencyId={membership.agencyId} />;
}

function AuditList({ agencyId }: { agencyId: number }) {
  const { api } = useApp();
  const first = useLoad(`audit/${agencyId}`, () => api.audit(agencyId));
  const [older, setOlder] = useState<{ entries: AuditItem[]; nextBefore: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState("");
  if (first.state !== "ready") return <Pending loaded={first} />;

  const entries = [...first.data.entries, ...(older?.entries ?? [])];
  const next = older ? older.nextBefore : first.data.nextBefore;
  const loadMore = async () => {
    if (!next || loading) return;
    setLoading(true);
    setProblem("");
    try {
      const page = await api.audit(agencyId, next);
      setOlder((o) => ({ entries: [...(o?.entries ?? []), ...page.entries], nextBefore: page.nextBefore }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "โหลดไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setLoading(false);
    }
  };

  return (
    <section class="page">
      <h1>ประวัติการแก้ไข</h1>
      <p class="hint">ทุกการเปลี่ยนแปลงของหน่วยงาน ใครทำ ทำเมื่อไร และค่าก่อน → หลัง</p>
      {entries.length === 0 ? (
        <p class="empty">ยังไม่มีการเปลี่ยนแปลง</p>
      ) : (
        <ol class="audit" aria-label="ประวัติการแก้ไข">
          {entries.map((e) => (
            <AuditEntry key={e.id} entry={e} />
          ))}
        </ol>
      )}
      <p class="form-error" role="alert">
        {problem}
      </p>
      {next && (
        <button type="button" class="button" onClick={loadMore} disabled={loading}>
          {loading ? "กำลังโหลด…" : "ดูเพิ่มเติม"}
        </button>
      )}
    </section>
  );
}
