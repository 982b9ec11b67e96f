import { useState } from "preact/hooks";
import type { MemberSummary, Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { InviteForm } from "./InviteForm.tsx";
import { useLoad } from "./load.ts";
import { MemberRow } from "./MemberRow.tsx";
import { Pending } from "./Pending.tsx";

/** The agency's members: admins change roles, remove members and create invite codes; editors only look. */
export function MembersPage({ membership }: { membership: Membership }) {
  const { api } = useApp();
  const { agencyId, role } = membership;
  const loaded = useLoad(`members/${agencyId}/${role}`, () =>
    role === "viewer" ? Promise.resolve(null) : api.members(agencyId),
  );
  const [changed, setChanged] = useState<Record<number, MemberSummary>>({});
  const [selfChanged, setSelfChanged] = useState(false);
  if (loaded.state !== "ready") return <Pending loaded={loaded} />;
  if (loaded.data === null) {
    return (
      <section class="page">
        <h1>สมาชิก</h1>
        <p class="empty">เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงานดูรายชื่อสมาชิกได้</p>
      </section>
    );
  }
  const { myMemberId, members } = loaded.data;
  const canManage = loaded.data.role === "admin" && !selfChanged;
  const shown = members.map((m) => changed[m.id] ?? m).filter((m) => m.active);
  const onChanged = (member: MemberSummary) => {
    setChanged((c) => ({ ...c, [member.id]: member }));
    if (member.id === myMemberId) setSelfChanged(true);
  };
  return (
    <section class="page">
      <h1>สมาชิก ({shown.length})</h1>
      {selfChanged && (
        <div class="draft-note" role="status">
          <p>บทบาทของท่านเปลี่ยนแล้ว</p>
          <button type="button" class="button quiet" onClick={() => location.reload()}>
            โหลดใหม่
          </button>
        </div>
      )}
      <ul class="members" aria-label="รายชื่อสมาชิก">
        {shown.map((m) => (
          <MemberRow
            key={m.id}
            agencyId={agencyId}
            member={m}
            isMe={m.id === myMemberId}
            canManage={canManage}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {canManage && <InviteForm agencyId={agencyId} />}
    </section>
  );
}
