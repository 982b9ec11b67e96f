import type { Membership } from "./api/types.ts";
import { ImportFile } from "./ImportFile.tsx";
import { ScoreEntryForm } from "./ScoreEntryForm.tsx";

/** Score import and entry, for the agency's admins. */
export function ImportPage({ membership }: { membership: Membership }) {
  if (membership.role !== "admin") {
    return (
      <section class="page">
        <h1>นำเข้าคะแนน</h1>
        <p class="empty">เฉพาะผู้ดูแลของหน่วยงานนำเข้าหรือแก้ไขคะแนนได้</p>
      </section>
    );
  }
  return (
    <section class="page">
      <h1>นำเข้าคะแนน</h1>
      <ImportFile
        key={membership.agencyId}
        agencyId={membership.agencyId}
        agencyName={membership.agencyName}
      />
      <ScoreEntryForm key={membership.agencyId} agencyId={membership.agencyId} />
    </section>
  );
}
