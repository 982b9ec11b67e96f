import { html, raw } from "hono/html";
import type { DemoUser } from "../../db/demo/users.ts";

const SCRIPT = `
const $ = (s) => document.querySelector(s);
const log = $("#log");
const who = $("#who");
function bubble(cls, inner) {
  const d = document.createElement("div");
  d.className = "msg " + cls;
  d.innerHTML = inner;
  log.appendChild(d);
  log.scrollTop = log.scrollHeight;
  return d;
}
function esc(t) { const d = document.createElement("div"); d.textContent = t; return d.innerHTML; }
async function send(text, event) {
  if (event === "message" && !text.trim()) return;
  bubble("me", event === "message" ? esc(text) : event === "follow" ? "<i>(เพิ่มเพื่อน)</i>" : "<i>(ส่งสติกเกอร์)</i>");
  document.querySelectorAll(".qr").forEach((q) => q.remove());
  const res = await fetch("/dev/chat/send", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: who.value, text, event }) });
  const data = await res.json();
  if (!res.ok) { bubble("sys", esc(data.error || "ผิดพลาด")); return; }
  if (data.messages.length === 0) bubble("sys", "(บอทไม่ได้ตอบ — webhook " + data.webhookStatus + ")");
  for (const m of data.messages) {
    bubble("bot", m.html);
    if (m.quickReplies.length) {
      const row = bubble("qr", "");
      for (const q of m.quickReplies) {
        const b = document.createElement("button");
        b.textContent = q.label;
        b.onclick = () => send(q.text, "message");
        row.appendChild(b);
      }
    }
  }
}
$("#f").onsubmit = (e) => { e.preventDefault(); const t = $("#t").value; $("#t").value = ""; send(t, "message"); };
$("#follow").onclick = () => send("", "follow");
$("#sticker").onclick = () => send("", "sticker");
$("#invite").onclick = async () => {
  const res = await fetch("/dev/chat/invite", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ agencyCode: $("#agency").value, role: $("#role").value }) });
  const data = await res.json();
  bubble("sys", res.ok ? "รหัสเชิญของ " + esc(data.agency) + ": <b>" + data.code + "</b> — พิมพ์ เชื่อมต่อ " + data.code
    : esc(data.error));
};
who.onchange = () => { log.innerHTML = ""; };
`;

const STYLE = `
body{font-family:system-ui,"Sarabun",sans-serif;margin:0;background:#8cabd9;display:flex;flex-direction:column;height:100vh}
header{background:#243447;color:#fff;padding:.5rem;display:flex;gap:.5rem;flex-wrap:wrap;align-items:center;font-size:14px}
#log{flex:1;overflow:auto;padding:.75rem;display:flex;flex-direction:column;gap:.5rem;max-width:40rem;width:100%;margin:0 auto;box-sizing:border-box}
.msg{max-width:85%;border-radius:14px;padding:.5rem .75rem;white-space:pre-wrap;word-break:break-word}
.me{align-self:flex-end;background:#85e249}.bot{align-self:flex-start;background:#fff;padding:.25rem}
.bot>.lt{padding:.25rem .5rem}.sys{align-self:center;background:#ffffffcc;font-size:13px}
.qr{align-self:flex-start;background:none;display:flex;gap:.4rem;flex-wrap:wrap;padding:0}
.qr button{border:1px solid #fff;background:#ffffffdd;border-radius:16px;padding:.35rem .7rem;font:inherit;cursor:pointer;min-height:36px}
form{display:flex;gap:.5rem;padding:.5rem;background:#fff;max-width:40rem;width:100%;margin:0 auto;box-sizing:border-box}
#t{flex:1;font:inherit;padding:.5rem;border:1px solid #ccc;border-radius:18px}button{font:inherit}
`;

export function consolePage(users: readonly DemoUser[]) {
  const agencies = [...new Set(users.flatMap((u) => (u.agencyCode ? [u.agencyCode] : [])))];
  return html`<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>โปร่งใส — แชตจำลอง</title><style>${raw(STYLE)}</style></head>
<body>
<header>
  <b>แชตจำลอง LINE</b>
  <label>คุยในนาม <select id="who">${users.map(
    (u) => html`<option value="${u.lineUserId}">${u.displayName}</option>`,
  )}</select></label>
  <button id="follow" type="button">เพิ่มเพื่อน</button>
  <button id="sticker" type="button">ส่งสติกเกอร์</button>
  <span>รหัสเชิญ: <select id="agency">${agencies.map((a) => html`<option>${a}</option>`)}</select>
  <select id="role"><option value="viewer">ผู้ดู</option><option value="editor">ผู้แก้ไข</option><option value="admin">ผู้ดูแล</option></select>
  <button id="invite" type="button">สร้าง</button></span>
</header>
<div id="log"><div class="msg sys">ข้อความผ่าน webhook จริง (ลงลายมือชื่อ) และคำตอบมาจากแพลตฟอร์ม LINE จำลอง ลองพิมพ์ "คะแนน ITA", "จุดอ่อน", "ตัวชี้วัดที่ ๔", "เทียบปี 66 กับ 67"</div></div>
<form id="f"><input id="t" autocomplete="off" placeholder="พิมพ์ข้อความ" aria-label="ข้อความ"><button>ส่ง</button></form>
<script>${raw(SCRIPT)}</script>
</body></html>`;
}
