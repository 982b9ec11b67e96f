import { useState } from "preact/hooks";
import { type MemberRole, ROLE_TH } from "../../core/members/roles.ts";
import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import { thaiDate } from "./format.ts";

/** The new six-digit code, large, with how to use it in LINE chat. */
export function InviteCode({ code, expiresAt, role }: { code: string; expiresAt: string; role: MemberRole }) {
  const [copied, setCopied] = useState(false);
  const message = `เชื่อมต่อ ${code}`;
  const expiry = new Date(expiresAt);
  const time = new Date(expiry.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class="invite-code" role="status">
      <p class="hint">รหัสเชิญ ({ROLE_TH[role]})</p>
      <p class="code">{code}</p>
      <p>
        ใช้ได้ถึง {thaiDate(bangkokDate(expiry))} เวลา {time} น.
      </p>
      <ol class="how-to">
        <li>ส่งรหัสนี้ให้ผู้ที่จะเข้าร่วม (รหัสแสดงครั้งเดียว)</li>
        <li>
          ผู้นั้นพิมพ์ <strong class="say">“{message}”</strong> ในแชต LINE ของบัญชีโปร่งใส
        </li>
        <li>เมื่อบอทตอบรับ ผู้นั้นจะเป็น{ROLE_TH[role]}ของหน่วยงานทันที</li>
      </ol>
      {typeof navigator !== "undefined" && navigator.clipboard && (
        <button type="button" class="button" onClick={copy}>
          {copied ? "คัดลอกแล้ว ✓" : "คัดลอกข้อความ"}
        </button>
      )}
    </div>
  );
}
