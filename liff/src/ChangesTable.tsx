import type { ResultChange } from "./api/types.ts";

const AGENCY_FIELDS: Record<string, string> = {
  nameTh: "ชื่อหน่วยงาน",
  type: "ประเภทหน่วยงาน",
  province: "จังหวัด",
  district: "อำเภอ",
};

/** "IIT", "ตัวชี้วัดที่ 4", "ข้อ O10", "คะแนนรวม"… */
export function changeLabel(change: Pick<ResultChange, "kind" | "code">): string {
  switch (change.kind) {
    case "total":
      return "คะแนนรวม";
    case "level":
      return "ระดับ";
    case "rank":
      return "ลำดับ";
    case "indicator":
      return `ตัวชี้วัดที่ ${change.code}`;
    case "sub":
      return `ตัวชี้วัดย่อย ${change.code}`;
    case "item":
      return `ข้อ ${change.code}`;
    case "agency":
      return AGENCY_FIELDS[change.code] ?? change.code;
    default:
      return change.code;
  }
}

/** What an import or an entry changes: year, figure, stored value → new value. */
export function ChangesTable({ changes, caption }: { changes: ResultChange[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table class="changes">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">ปี</th>
            <th scope="col">รายการ</th>
            <th scope="col">เดิม</th>
            <th scope="col">ใหม่</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.year}:${c.kind}:${c.code}`}>
              <td>{c.kind === "agency" ? "–" : c.year}</td>
              <td>{changeLabel(c)}</td>
              <td class="num">{c.from ?? "–"}</td>
              <td class="num">{c.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
