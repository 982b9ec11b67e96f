import { type ComponentChild, render } from "preact";
import { App } from "./App.tsx";
import { createApi } from "./api.ts";
import { AppProvider } from "./Context.tsx";
import { startLiff, startMockLiff } from "./liff.ts";
import { Notice } from "./Notice.tsx";
import { OpenInLine } from "./OpenInLine.tsx";
import "./styles.css";

// The only place that reads the build's environment and the page URL's start-up flags.
const params = new URLSearchParams(location.search);
const mock = import.meta.env.VITE_LIFF_MOCK === "1" || params.get("mock") === "1";
const liffId: string = import.meta.env.VITE_LIFF_ID ?? "";
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
  const api = createApi({ idToken: session.idToken });
  show(
    <AppProvider value={{ api, now: () => new Date() }}>
      <App />
    </AppProvider>,
  );
}

start().catch((error: unknown) => {
  console.error(error);
  show(
    <Notice title="เปิดแอปไม่สำเร็จ">
      <p>กรุณาปิดแล้วเปิดใหม่จากเมนูในแชต LINE ของบัญชีโปร่งใส</p>
    </Notice>,
  );
});
