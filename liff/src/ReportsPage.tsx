import { useState } from "preact/hooks";
import type { Membership, ReportsInfo } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";
import { ReportFontCard } from "./ReportFontCard.tsx";
import { href } from "./route.ts";

type Kind = "analysis" | "progress";
type Format = "pdf" | "docx";

const TITLES: Record<Kind, { title: string; about: string }> = {
  analysis: {
    title: "รายงานการวิเคราะห์ผลการประเมิน ITA",
    about: "ผลคะแนน จุดแข็ง จุดที่ต้องพัฒนา ข้อเสนอแนะ และมาตรการของปีถัดไป",
  },
  progress: {
    title: "รายงานผลการดำเนินการตามมาตรการ",
    about: "บันทึกข้อความ ตารางผลการดำเนินการของแต่ละมาตรการ และคะแนนเทียบกับปีก่อน",
  },
};

/** "รายงาน": the two official documents, as PDF to publish or Word to edit before signing. */
export function ReportsPage({ membership }: { membership: Membership }) {
  const { api } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`reports/${agencyId}`, () => api.reports(agencyId));
  const [arabic, setArabic] = useState(false);
  return (
    <section class="page">
      <h1>รายงาน</h1>
      {loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : membership.role === "viewer" ? (
        <p class="hint">รายงานดาวน์โหลดได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน</p>
      ) : (
        <>
          {loaded.data.canDownload ? (
            <>
              <label class="choice digits-choice">
                <input
                  type="checkbox"
                  checked={arabic}
                  onChange={(e) => setArabic(e.currentTarget.checked)}
                />
                ใช้เลขอารบิก (2567) แทนเลขไทย (๒๕๖๗)
              </label>
              {(["analysis", "progress"] as const).map((kind) => (
                <ReportCard key={kind} agencyId={agencyId} kind={kind} info={loaded.data} arabic={arabic} />
              ))}
            </>
          ) : (
            <p class="hint">บริการดาวน์โหลดรายงานยังไม่เปิดบนเซิร์ฟเวอร์นี้ กรุณาแจ้งผู้ดูแลระบบ</p>
          )}
          <p>
            <a class="button" href={href({ page: "advice", agencyId })}>
              ข้อเสนอแนะในรายงาน
            </a>
          </p>
          <ReportFontCard
            agencyId={agencyId}
            isAdmin={membership.role === "admin"}
            initial={loaded.data.font ?? { family: "Sarabun", custom: false }}
          />
        </>
      )}
    </section>
  );
}

function ReportCard({
  agencyId,
  kind,
  info,
  arabic,
}: {
  agencyId: number;
  kind: Kind;
  info: ReportsInfo;
  arabic: boolean;
}) {
  const { api } = useApp();
  const years = kind === "analysis" ? info.analysisYears : info.progressYears;
  const [year, setYear] = useState(years[0]);
  const [busy, setBusy] = useState<Format | null>(null);
  const [problem, setProblem] = useState("");
  const [link, setLink] = useState<string | null>(null);

  const open = async (format: Format) => {
    if (year === undefined) return;
    setBusy(format);
    setProblem("");
    try {
      const r = await api.reportLink(agencyId, {
        kind,
        year,
        format,
        ...(arabic ? { digits: "arabic" } : {}),
      });
      if (!r.ok) {
        setProblem(Object.values(r.fields)[0] ?? r.message);
        return;
      }
      setLink(r.value.url);
      // LINE's browser shows a PDF and hands a Word file to the phone's apps.
      window.location.assign(r.value.url);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "สร้างลิงก์ไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setBusy(null);
    }
  };

  const id = `report-year-${kind}`;
  return (
    <article class="card report">
      <h2>{TITLES[kind].title}</h2>
      <p class="hint">{TITLES[kind].about}</p>
      {years.length === 0 ? (
        <p class="hint">ยังไม่มีผลการประเมินในระบบ นำเข้าคะแนนก่อนจึงจะสร้างรายงานนี้ได้</p>
      ) : (
        <>
          <label for={id}>ปีงบประมาณ</label>
          <select id={id} value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <div class="report-actions">
            <button type="button" class="button primary" disabled={busy !== null} onClick={() => open("pdf")}>
              {busy === "pdf" ? "กำลังสร้าง…" : "PDF พร้อมเผยแพร่"}
            </button>
            <button type="button" class="button" disabled={busy !== null} onClick={() => open("docx")}>
              {busy === "docx" ? "กำลังสร้าง…" : "Word แก้ไขได้"}
            </button>
          </div>
          <p class="form-error" role="alert">
            {problem}
          </p>
          {link && (
            <p class="hint">
              ถ้าไฟล์ไม่เปิดเอง <a href={link}>แตะที่นี่</a> (ลิงก์ใช้ได้ 15 นาที)
            </p>
          )}
        </>
      )}
    </article>
  );
}
