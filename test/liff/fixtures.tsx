import { render } from "@testing-library/preact";
import type { ComponentChildren } from "preact";
import { vi } from "vitest";
import type { Measure, Step } from "../../core/measures/measure.ts";
import { createApi } from "../../liff/src/api/client.ts";
import type { FrameworkSummary, Membership } from "../../liff/src/api/types.ts";
import { AppProvider } from "../../liff/src/Context.tsx";

export const NOW = new Date("2025-03-24T03:00:00Z");

export function step(overrides: Partial<Step> = {}): Step {
  return {
    id: 11,
    measureId: 5,
    seq: 1,
    title: "ติดป้ายประกาศช่องทางร้องเรียน",
    dueOn: "2025-03-31",
    responsibleUnit: "สำนักปลัด",
    status: "not_started",
    progress: 0,
    note: "",
    evidenceUrl: null,
    doneOn: null,
    snoozedUntil: null,
    owners: [],
    ...overrides,
  };
}

export function measure(overrides: Partial<Measure> = {}): Measure {
  return {
    id: 5,
    agencyId: 7,
    fiscalYear: 2568,
    seq: 1,
    title: "เปิดเผยข้อมูลการจัดซื้อจัดจ้าง",
    indicators: [9],
    items: ["O12"],
    method: "",
    responsibleUnit: "กองคลัง",
    periodText: null,
    periodStart: null,
    periodEnd: null,
    followUp: "monthly",
    status: "in_progress",
    progress: 40,
    resultSummary: "",
    outcome: "",
    suggestions: "",
    evidenceLinks: [],
    owners: [],
    steps: [step()],
    ...overrides,
  };
}

export const member = (role: Membership["role"]): Membership => ({
  agencyId: 7,
  agencyName: "เทศบาลตำบลทดสอบ",
  role,
});

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

/** The tools and indicators the server offers the app's forms and filters (as in the shipped 2569). */
export const FRAMEWORK: FrameworkSummary = {
  year: 2569,
  provisional: "กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)",
  tools: [
    { code: "IIT", nameTh: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", weightPercent: 30 },
    { code: "EIT", nameTh: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", weightPercent: 30 },
    { code: "OIT", nameTh: "แบบตรวจการเปิดเผยข้อมูลสาธารณะ", weightPercent: 40 },
  ],
  indicators: [
    "การปฏิบัติหน้าที่",
    "การใช้งบประมาณ",
    "การใช้อำนาจ",
    "การใช้ทรัพย์สินของราชการ",
    "การแก้ไขปัญหาการทุจริต",
    "คุณภาพการดำเนินงาน",
    "ประสิทธิภาพการสื่อสาร",
    "การปรับปรุงระบบการทำงาน",
    "การเปิดเผยข้อมูล",
    "การป้องกันการทุจริต",
  ].map((nameTh, i) => ({ no: i + 1, nameTh, tool: i < 5 ? "IIT" : i < 8 ? "EIT" : "OIT" })),
};

/**
 * A stand-in for the server at the api client's fetch boundary: "GET /api/me" → handler. The
 * framework summary every form loads is answered unless a test gives its own.
 */
export function fakeServer(routes: Record<string, Handler>) {
  const all: Record<string, Handler> = { "GET /api/framework": () => json(FRAMEWORK), ...routes };
  return vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "https://liff.test");
    const route = `${init.method ?? "GET"} ${url.pathname}`;
    const handler = all[route];
    if (!handler) throw new Error(`unexpected call: ${route}`);
    return handler(url, init);
  });
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export function renderWith(fetch: typeof globalThis.fetch, ui: ComponentChildren) {
  const api = createApi({ idToken: () => "test-id-token", fetch });
  return render(<AppProvider value={{ api, now: () => NOW }}>{ui}</AppProvider>);
}
