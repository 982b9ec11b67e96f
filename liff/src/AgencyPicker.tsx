import { ROLE_TH } from "../../core/members/roles.ts";
import type { Membership } from "./api/types.ts";
import { href } from "./route.ts";

export function AgencyPicker({ memberships }: { memberships: Membership[] }) {
  return (
    <main class="page">
      <h1>เลือกหน่วยงาน</h1>
      <ul class="cards" aria-label="หน่วยงานของท่าน">
        {memberships.map((m) => (
          <li key={m.agencyId}>
            <a class="card" href={href({ page: "dashboard", agencyId: m.agencyId })}>
              <span class="card-title">{m.agencyName}</span>
              <span class="card-meta">บทบาท: {ROLE_TH[m.role]}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
