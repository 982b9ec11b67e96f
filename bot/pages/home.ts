import { html } from "hono/html";
import type { Kysely } from "kysely";
import { agenciesWithLatestResult } from "../../db/repositories/agency-list.ts";
import type { Database } from "../../db/schema.ts";

/** A plain page for whoever opens the server in a browser: what is loaded, and where to go next. */
export async function homePage(db: Kysely<Database>, options: { console: boolean } = { console: false }) {
  const rows = await agenciesWithLatestResult(db, 50);
  return html`<!doctype html>
<html lang="th">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>โปร่งใส — Prongsai</title>
<style>body{font-family:system-ui,"Sarabun",sans-serif;margin:1rem;max-width:48rem}table{border-collapse:collapse;width:100%}
td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}</style>
</head>
<body>
<h1>โปร่งใส</h1>
<p>ผู้ช่วยการประเมินคุณธรรมและความโปร่งใส (ITA) สำหรับหน่วยงานภาครัฐ — เซิร์ฟเวอร์ทำงานอยู่</p>
<h2>หน่วยงานในระบบ</h2>
<table><thead><tr><th>รหัส</th><th>หน่วยงาน</th><th>จังหวัด</th><th>ปีล่าสุด</th><th>คะแนน</th><th>ระดับ</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr><td>${r.code}</td><td>${r.nameTh}</td><td>${r.province}</td><td>${r.fiscalYear ?? "-"}</td><td class="n">${r.total ?? "-"}</td><td>${r.level ?? "-"}</td></tr>`,
  )}</tbody></table>
${options.console ? html`<p><a href="/dev/chat"><b>ลองคุยกับบอท</b></a> — หน้าจำลองแชต LINE (ไม่ต้องมีบัญชี LINE)</p>` : ""}
<p>ผู้ดูแล: <code>npm run ita -- show --agency SEED000</code> · สถานะ: <a href="/healthz">/healthz</a></p>
</body></html>`;
}
