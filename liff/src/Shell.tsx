import type { ComponentChildren } from "preact";
import type { Membership } from "./api/types.ts";
import { href } from "./route.ts";

interface Props {
  membership: Membership;
  section: "dashboard" | "measures" | "calendar" | "members" | "settings" | "audit" | "import" | "reports";
  canSwitch: boolean;
  children: ComponentChildren;
}

/** The agency's name and the two sections, above every page of one agency. */
export function Shell({ membership, section, canSwitch, children }: Props) {
  const { agencyId } = membership;
  return (
    <>
      <header class="top">
        <p class="agency">{membership.agencyName}</p>
        {canSwitch && (
          <a class="switch" href={href({ page: "agencies" })}>
            เปลี่ยนหน่วยงาน
          </a>
        )}
        <nav class="sections" aria-label="เมนู">
          <a
            href={href({ page: "dashboard", agencyId })}
            aria-current={section === "dashboard" ? "page" : undefined}
          >
            คะแนน ITA
          </a>
          <a
            href={href({ page: "measures", agencyId, filter: "all" })}
            aria-current={section === "measures" ? "page" : undefined}
          >
            มาตรการ
          </a>
          <a
            href={href({ page: "calendar", agencyId })}
            aria-current={section === "calendar" ? "page" : undefined}
          >
            ปฏิทิน
          </a>
          {membership.role !== "viewer" && (
            <a
              href={href({ page: "members", agencyId })}
              aria-current={section === "members" ? "page" : undefined}
            >
              สมาชิก
            </a>
          )}
          <a
            href={href({ page: "settings", agencyId })}
            aria-current={section === "settings" ? "page" : undefined}
          >
            แจ้งเตือน
          </a>
          {membership.role !== "viewer" && (
            <a
              href={href({ page: "audit", agencyId })}
              aria-current={section === "audit" ? "page" : undefined}
            >
              ประวัติ
            </a>
          )}
          {membership.role !== "viewer" && (
            <a
              href={href({ page: "reports", agencyId })}
              aria-current={section === "reports" ? "page" : undefined}
            >
              รายงาน
            </a>
          )}
          {membership.role === "admin" && (
            <a
              href={href({ page: "import", agencyId })}
              aria-current={section === "import" ? "page" : undefined}
            >
              นำเข้าคะแนน
            </a>
          )}
        </nav>
      </header>
      <main>{children}</main>
    </>
  );
}
