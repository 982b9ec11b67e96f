import { AgencyPicker } from "./AgencyPicker.tsx";
import type { Membership } from "./api/types.ts";
import { useApp } from "./Context.tsx";
import { Dashboard } from "./Dashboard.tsx";
import { HeldNotices } from "./HeldNotices.tsx";
import { lazyPage } from "./lazy.tsx";
import { useLoad } from "./load.ts";
import { Notice } from "./Notice.tsx";
import { Pending } from "./Pending.tsx";
import { type Route, useRoute } from "./route.ts";
import { Shell } from "./Shell.tsx";

// Only the dashboard (the rich menu's first page) is in the first download.
const AuditPage = lazyPage(() => import("./AuditPage.tsx").then((m) => m.AuditPage));
const ImportPage = lazyPage(() => import("./ImportPage.tsx").then((m) => m.ImportPage));
const MeasurePage = lazyPage(() => import("./MeasurePage.tsx").then((m) => m.MeasurePage));
const MeasuresPage = lazyPage(() => import("./MeasuresPage.tsx").then((m) => m.MeasuresPage));
const ReportsPage = lazyPage(() => import("./ReportsPage.tsx").then((m) => m.ReportsPage));
const AdvicePage = lazyPage(() => import("./AdvicePage.tsx").then((m) => m.AdvicePage));
const MembersPage = lazyPage(() => import("./MembersPage.tsx").then((m) => m.MembersPage));
const CalendarPage = lazyPage(() => import("./CalendarPage.tsx").then((m) => m.CalendarPage));
const SettingsPage = lazyPage(() => import("./SettingsPage.tsx").then((m) => m.SettingsPage));
const StepPage = lazyPage(() => import("./StepPage.tsx").then((m) => m.StepPage));
const MeasureNewPage = lazyPage(() => import("./plan-pages.ts").then((m) => m.MeasureNewPage));
const MeasureEditPage = lazyPage(() => import("./plan-pages.ts").then((m) => m.MeasureEditPage));

type AgencyRoute = Exclude<Route, { page: "agencies" }>;

export function App() {
  const { api } = useApp();
  const me = useLoad("me", () => api.me());
  const route = useRoute();
  if (me.state !== "ready") return <Pending loaded={me} />;
  const { memberships } = me.data;
  if (memberships.length === 0) {
    return (
      <Notice title="ยังไม่ได้เชื่อมต่อหน่วยงาน">
        <p>พิมพ์ “เชื่อมต่อ” ตามด้วยรหัสเชิญ 6 หลักที่ได้จากผู้ดูแลของหน่วยงาน ในแชต LINE ของบัญชีโปร่งใส</p>
      </Notice>
    );
  }
  const only = memberships.length === 1 ? memberships[0] : undefined;
  const target: Route =
    route ?? (only ? { page: "dashboard", agencyId: only.agencyId } : { page: "agencies" });
  if (target.page === "agencies") return <AgencyPicker memberships={memberships} />;
  const membership = memberships.find((m) => m.agencyId === target.agencyId);
  if (!membership) return <AgencyPicker memberships={memberships} />;
  return (
    <Shell
      membership={membership}
      section={
        target.page === "members" ||
        target.page === "settings" ||
        target.page === "calendar" ||
        target.page === "audit" ||
        target.page === "import" ||
        target.page === "reports"
          ? target.page
          : target.page === "advice"
            ? "reports"
            : target.page === "dashboard"
              ? "dashboard"
              : "measures"
      }
      canSwitch={memberships.length > 1}
    >
      <HeldNotices held={me.data.held} />
      <Page route={target} membership={membership} />
    </Shell>
  );
}

function Page({ route, membership }: { route: AgencyRoute; membership: Membership }) {
  switch (route.page) {
    case "dashboard":
      return <Dashboard membership={membership} year={route.year} />;
    case "measures":
      return <MeasuresPage membership={membership} filter={route.filter} indicator={route.indicator} />;
    case "measure":
      return <MeasurePage membership={membership} measureId={route.measureId} />;
    case "measure-new":
      return <MeasureNewPage membership={membership} />;
    case "measure-edit":
      return <MeasureEditPage membership={membership} measureId={route.measureId} />;
    case "step":
      return <StepPage membership={membership} measureId={route.measureId} stepId={route.stepId} />;
    case "members":
      return <MembersPage membership={membership} />;
    case "settings":
      return <SettingsPage membership={membership} />;
    case "calendar":
      return <CalendarPage membership={membership} />;
    case "audit":
      return <AuditPage membership={membership} />;
    case "import":
      return <ImportPage membership={membership} />;
    case "reports":
      return <ReportsPage membership={membership} />;
    case "advice":
      return <AdvicePage membership={membership} />;
  }
}
