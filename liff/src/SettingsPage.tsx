import type { Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";
import { SettingsForm } from "./SettingsForm.tsx";

/** "การแจ้งเตือนของฉัน": the caller's own reminder settings in this agency. */
export function SettingsPage({ membership }: { membership: Membership }) {
  const { api } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`settings/${agencyId}`, () => api.settings(agencyId));
  return (
    <section class="page">
      <h1>การแจ้งเตือนของฉัน</h1>
      {loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : (
        <SettingsForm key={agencyId} agencyId={agencyId} initial={loaded.data} />
      )}
    </section>
  );
}
