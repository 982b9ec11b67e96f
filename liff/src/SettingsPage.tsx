import type { Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { useLoad } from "./load.ts";
import { Pending } from "./Pending.tsx";
import { SettingsForm } from "./SettingsForm.tsx";

/** "การแจ้งเตือนของฉัน": the caller's own reminder settings in this agency; admins also see the quota. */
export function SettingsPage({ membership }: { membership: Membership }) {
  const { api } = useApp();
  const { agencyId } = membership;
  const loaded = useLoad(`settings/${agencyId}`, () => api.settings(agencyId));
  return (
    <section class="page">
      <h1>การแจ้งเตือนของฉัน</h1>
      {membership.role === "admin" && <QuotaNotes agencyId={agencyId} />}
      {loaded.state !== "ready" ? (
        <Pending loaded={loaded} />
      ) : (
        <SettingsForm key={agencyId} agencyId={agencyId} initial={loaded.data} />
      )}
    </section>
  );
}

/**
 * The LINE account's quota as the chat tells admins: the 80 % warning and the coming month's
 * forecast. Secondary to the form, so a failure to load shows nothing rather than an error.
 */
function QuotaNotes({ agencyId }: { agencyId: number }) {
  const { api } = useApp();
  const loaded = useLoad(`quota/${agencyId}`, () => api.quotaNotes(agencyId));
  if (loaded.state !== "ready" || loaded.data.length === 0) return null;
  return (
    <section class="quota-notes" aria-label="โควตาข้อความของบัญชี LINE">
      {loaded.data.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </section>
  );
}
