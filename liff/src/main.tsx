import { type ComponentChild, render } from "preact";
import { App } from "./App.tsx";
import { type Api, createApi } from "./api/client.ts";
import { AppProvider } from "./Context.tsx";
import { startLiff, startMockLiff } from "./liff.ts";
import { Notice } from "./Notice.tsx";
import { OpenInLine } from "./OpenInLine.tsx";
import { parseRoute, type Route } from "./route.ts";
import "./styles.css";

// The only place that reads the build's environment and the page URL's start-up flags.
const params = new URLSearchParams(location.search);
const mock = import.meta.env.VITE_LIFF_MOCK === "1" || params.get("mock") === "1";
// The server writes its LIFF_ID into the page (bot/liff-page.ts); a build-time ID is the fallback.
const liffId: string =
  document.querySelector<HTMLMetaElement>('meta[name="liff-id"]')?.content ||
  (import.meta.env.VITE_LIFF_ID ?? "");
const root = document.getElementById("app")!;

function show(page: ComponentChild) {
  if (root.querySelector(".boot")) root.replaceChildren();
  render(page, root);
}

async function start() {
  if (!mock && !liffId) {
    show(
      <Notice title="ยังไม่ได้ตั้งค่าแอป">
        <p>ไม่พบ LIFF ID ของแอปนี้ กรุณาแจ้งผู้ดูแลระบบ</p>
      </Notice>,
    );
    return;
  }
  const session = await (mock
    ? startMockLiff(liffId || "mock-liff-id", params.get("user"))
    : startLiff(liffId));
  if (!session.inClient) {
    show(<OpenInLine />);
    return;
  }
  const api = withEarlyDashboard(createApi({ idToken: session.idToken }), parseRoute(location.hash));
  show(
    <AppProvider value={{ api, now: () => new Date() }}>
      <App />
    </AppProvider>,
  );
}

/**
 * Opened on a dashboard (the rich menu's link), its data is asked for at once, alongside
 * /api/me, instead of after it: one round trip less on a slow phone network.
 */
function withEarlyDashboard(api: Api, route: Route | undefined): Api {
  if (route?.page !== "dashboard") return api;
  let early: ReturnType<Api["dashboard"]> | undefined = api.dashboard(route.agencyId, route.year);
  early.catch(() => {});
  return {
    ...api,
    dashboard(agencyId, year) {
      const taken = early;
      early = undefined;
      return taken && agencyId === route.agencyId && year === route.year
        ? taken
        : api.dashboard(agencyId, year);
    },
  };
}

start().catch((error: unknown) => {
  console.error(error);
  show(
    <Notice title="เปิดแอปไม่สำเร็จ">
      <p>กรุณาปิดแล้วเปิดใหม่จากเมนูในแชต LINE ของบัญชีโปร่งใส</p>
    </Notice>,
  );
});
