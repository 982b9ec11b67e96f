import type { Me } from "./api/types.ts";

/** Reminders LINE could not push this month (quota used up), so nothing is silently lost. */
export function HeldNotices({ held }: { held: Me["held"] }) {
  if (held.length === 0) return null;
  return (
    <section class="held" aria-label="การแจ้งเตือนที่รอส่ง">
      <h2>การแจ้งเตือนที่ยังส่งทาง LINE ไม่ได้ ({held.length})</h2>
      <p>โควตาข้อความของบัญชีเดือนนี้หมดแล้ว จึงแสดงไว้ที่นี่</p>
      <ul>
        {held.map((h) => (
          <li key={h.id}>{h.text}</li>
        ))}
      </ul>
    </section>
  );
}
