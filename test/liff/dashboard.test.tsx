import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { ComparisonCardView, ScoreCardView } from "../../core/chat/cards.ts";
import { App } from "../../liff/src/App.tsx";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const card = (year: number): ScoreCardView => ({
  agencyName: "เทศบาลตำบลทดสอบ",
  year,
  total: year === 2567 ? "88.40" : "86.19",
  level: { code: "A", nameTh: "ระดับ A", color: "#2E7D32" },
  national: { rank: 120, of: 2400, agencyType: "เทศบาลตำบล" },
  tools: [
    { code: "IIT", label: "IIT", value: "92.10", percent: 92 },
    { code: "EIT", label: "EIT", value: "85.00", percent: 85 },
  ],
  indicators: [
    { code: "1", label: "1. การปฏิบัติหน้าที่", value: "95.00", percent: 95 },
    { code: "9", label: "9. การเปิดเผยข้อมูล", value: "61.50", percent: 62, highlight: true },
  ],
  mismatchCount: 0,
  otherYears: [],
});

const comparison: ComparisonCardView = {
  agencyName: "เทศบาลตำบลทดสอบ",
  fromYear: 2566,
  toYear: 2567,
  total: { code: "total", label: "คะแนนรวม", from: "86.19", to: "88.40", delta: "+2.21", direction: "up" },
  tools: [{ code: "EIT", label: "EIT", from: "86.00", to: "85.00", delta: "-1.00", direction: "down" }],
  indicators: [],
};

describe("dashboard", () => {
  it("shows a reformed year as the server gives it: its own tools, what cannot be compared, provisional", async () => {
    const reform: ScoreCardView = {
      ...card(2570),
      year: 2570,
      total: "77.98",
      level: { code: "พอใช้", nameTh: "พอใช้", color: "#F9A825" },
      tools: [
        { code: "PERC", label: "PERC", value: "76.78", percent: 77 },
        { code: "OPEN", label: "OPEN", value: "79.17", percent: 79 },
      ],
      provisional: "กรอบการประเมินปี ๒๕๗๐ (ร่างสำหรับทดสอบ ไม่ใช่ของ ป.ป.ช.)",
    };
    const fetch = fakeServer({
      "GET /api/me": () => json({ userId: "U1", name: null, memberships: [member("viewer")], held: [] }),
      "GET /api/agencies/7/dashboard": () =>
        json({
          agencyName: "เทศบาลตำบลทดสอบ",
          role: "viewer",
          years: [2570, 2569],
          card: reform,
          comparison: {
            ...comparison,
            fromYear: 2569,
            toYear: 2570,
            tools: [],
            notComparable: "กรอบการประเมินสองปีนี้ต่างกัน เทียบได้เฉพาะที่มีทั้งสองปี — ปี 2569 มี IIT ซึ่งอีกปีไม่มี",
          },
        }),
    });
    renderWith(fetch, <App />);
    await screen.findByText("77.98");
    const tools = screen.getByRole("region", { name: "เครื่องมือการประเมิน" });
    expect(within(tools).getByText("PERC")).toBeTruthy();
    expect(within(tools).getByText("OPEN")).toBeTruthy();
    expect(screen.getByText(/กรอบการประเมินสองปีนี้ต่างกัน/)).toBeTruthy();
    expect(screen.getByText("กรอบการประเมินปี ๒๕๗๐ (ร่างสำหรับทดสอบ ไม่ใช่ของ ป.ป.ช.)")).toBeTruthy();
  });

  it("shows the total, level, weakest indicator and the change since last year, per chosen year", async () => {
    const fetch = fakeServer({
      "GET /api/me": () => json({ userId: "U1", name: null, memberships: [member("viewer")], held: [] }),
      "GET /api/agencies/7/dashboard": (url) => {
        const year = Number(url.searchParams.get("year") ?? 2567);
        return json({
          agencyName: "เทศบาลตำบลทดสอบ",
          role: "viewer",
          years: [2567, 2566],
          card: card(year),
          comparison: year === 2567 ? comparison : null,
        });
      },
    });
    renderWith(fetch, <App />);

    await screen.findByText("88.40");
    expect(screen.getByText("ระดับ A").getAttribute("style")).toContain("background");
    const indicators = screen.getByRole("region", { name: "ตัวชี้วัด" });
    const weakest = within(indicators).getByText("จุดอ่อน").closest("li");
    expect(weakest?.textContent).toContain("9. การเปิดเผยข้อมูล");
    expect(screen.getByRole("region", { name: "คะแนนรวม" }).textContent).toContain("+2.21");
    expect(screen.getByRole("region", { name: "เครื่องมือการประเมิน" }).textContent).toContain("-1.00");

    fireEvent.change(screen.getByLabelText("ปีงบประมาณ"), { target: { value: "2566" } });
    await screen.findByText("86.19");
    expect(fetch.mock.calls.map(([input]) => String(input))).toContain("/api/agencies/7/dashboard?year=2566");
    await waitFor(() => expect(screen.queryByText("+2.21")).toBeNull());
  });

  it("shows reminders the monthly quota held back, so none is silently lost", async () => {
    const fetch = fakeServer({
      "GET /api/me": () =>
        json({
          userId: "U1",
          name: null,
          memberships: [member("viewer")],
          held: [{ id: "7", text: "แจ้งเตือน 24 มี.ค. 68: 1 งาน" }],
        }),
      "GET /api/agencies/7/dashboard": () =>
        json({ agencyName: "เทศบาลตำบลทดสอบ", role: "viewer", years: [], card: null, comparison: null }),
    });
    renderWith(fetch, <App />);
    const held = await screen.findByRole("region", { name: "การแจ้งเตือนที่รอส่ง" });
    expect(held.textContent).toContain("แจ้งเตือน 24 มี.ค. 68: 1 งาน");
  });
});
