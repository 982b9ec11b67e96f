import type { TargetedEvent } from "preact";
import { useState } from "preact/hooks";
import { type MemberRole, ROLE_TH, ROLES } from "../../core/members/roles.ts";
import { bangkokDate } from "../../core/thai/fiscal-year.ts";
import { ApiError } from "./api/call.ts";
import type { MemberSummary } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { thaiDate } from "./format.ts";

interface Props {
  agencyId: number;
  member: MemberSummary;
  isMe: boolean;
  canManage: boolean;
  onChanged: (member: MemberSummary) => void;
}

/** One member: name, joined date and role; for admins a role select and a remove button that asks first. */
export function MemberRow({ agencyId, member, isMe, canManage, onChanged }: Props) {
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState("");
  const [saved, setSaved] = useState("");
  const name = member.displayName ?? `สมาชิกหมายเลข ${member.id}`;

  const change = async (patch: { role?: MemberRole; active?: boolean }): Promise<boolean> => {
    setBusy(true);
    setProblem("");
    setSaved("");
    try {
      const result = await api.updateMember(agencyId, member.id, patch);
      if (result.ok) {
        onChanged(result.value);
        return true;
      }
      setProblem(result.message);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setBusy(false);
    }
    return false;
  };

  const changeRole = async (e: TargetedEvent<HTMLSelectElement>) => {
    const select = e.currentTarget;
    const role = select.value as MemberRole;
    if (await change({ role })) setSaved(`เปลี่ยนเป็น${ROLE_TH[role]}แล้ว`);
    else select.value = member.role;
  };

  const selectId = `role-${member.id}`;
  return (
    <li class="member">
      <div class="member-head">
        <p class="member-name">
          {name}
          {isMe && <span class="hint"> (ท่าน)</span>}
        </p>
        <p class="card-meta">เข้าร่วมเมื่อ {thaiDate(bangkokDate(new Date(member.joinedAt)))}</p>
      </div>
      {canManage ? (
        <div class="member-role">
          <label htmlFor={selectId}>บทบาท</label>
          <select
            id={selectId}
            aria-label={`บทบาทของ ${name}`}
            value={member.role}
            disabled={busy}
            onChange={changeRole}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_TH[r]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <span class="badge">{ROLE_TH[member.role]}</span>
      )}
      {canManage &&
        (confirming ? (
          <fieldset class="confirm">
            <legend>นำ {name} ออกจากหน่วยงาน?</legend>
            <p>ผู้นี้จะดูข้อมูลของหน่วยงานไม่ได้อีก จนกว่าจะใช้รหัสเชิญใหม่</p>
            <div class="confirm-actions">
              <button
                type="button"
                class="button danger"
                disabled={busy}
                onClick={async () => {
                  if (!(await change({ active: false }))) setConfirming(false);
                }}
              >
                ยืนยันนำออก
              </button>
              <button type="button" class="button" disabled={busy} onClick={() => setConfirming(false)}>
                ยกเลิก
              </button>
            </div>
          </fieldset>
        ) : (
          <button type="button" class="button quiet danger-text" onClick={() => setConfirming(true)}>
            นำออกจากหน่วยงาน
          </button>
        ))}
      <p class="form-error" role="alert">
        {problem}
      </p>
      {saved && (
        <p class="hint" role="status">
          {saved}
        </p>
      )}
    </li>
  );
}
