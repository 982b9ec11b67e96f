import { cleanup, fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { Membership, RecommendationEntry } from "../../liff/src/api/types.ts";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const ENTRIES: RecommendationEntry[] = [
  {
    key: "indicator:4",
    label: "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ",
    defaultText: "กำหนดแนวทางการใช้และการยืมทรัพย์สินของราชการ",
    text: null,
  },
  {
    key: "e-service",
    label: "ยังไม่มีหรือไม่ได้เผยแพร่ระบบการให้บริการออนไลน์ (E-Service)",
    defaultText: "หน่วยงานควรจัดให้มีระบบ E-Service",
    text: "เปิดระบบรับคำร้องออนไลน์ภายในไตรมาสแรก",
  },
];

function server(membership: Membership, calls: { method: string; path: string; body?: unknown }[]) {
  const record = (url: URL, init: RequestInit) => {
    calls.push({
      method: init.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      ...(init.body ? { body: JSON.parse(String(init.body)) } : {}),
    });
  };
  const entry = (key: string, text: string | null) => ({ ...ENTRIES.find((e) => e.key === key)!, text });
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: "สมชาย", memberships: [membership], held: [] }),
    "GET /api/agencies/7/recommendations": () => json({ entries: ENTRIES }),
    "PUT /api/agencies/7/recommendations/indicator%3A4": (url, init) => {
      record(url, init);
      return json(entry("indicator:4", JSON.parse(String(init.body)).text));
    },
    "DELETE /api/agencies/7/recommendations/e-service": (url, init) => {
      record(url, init);
      return json(entry("e-service", null));
    },
  });
}

describe("advice page", () => {
  it("lists each recommendation with its label and the text in use", async () => {
    location.hash = "#/a/7/reports/advice";
    renderWith(server(member("editor"), []), <App />);
    expect(await screen.findByRole("heading", { name: "ข้อเสนอแนะในรายงาน" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ" })).toBeTruthy();
    expect(screen.getByText("กำหนดแนวทางการใช้และการยืมทรัพย์สินของราชการ")).toBeTruthy();
    expect(screen.getByText("เปิดระบบรับคำร้องออนไลน์ภายในไตรมาสแรก")).toBeTruthy();
    expect(screen.getByText("ข้อความของหน่วยงาน")).toBeTruthy();
  });

  it("refuses an empty text beside the field without asking the server, then saves the edited one", async () => {
    const calls: { method: string; path: string; body?: unknown }[] = [];
    location.hash = "#/a/7/reports/advice";
    renderWith(server(member("admin"), calls), <App />);
    const [edit] = await screen.findAllByRole("button", { name: "แก้ไข" });
    fireEvent.click(edit!);
    const box = screen.getByLabelText("ข้อเสนอแนะของหน่วยงาน") as HTMLTextAreaElement;
    expect(box.value).toBe("กำหนดแนวทางการใช้และการยืมทรัพย์สินของราชการ");
    const message = document.getElementById(`${box.name}-message`)!;
    expect(message.textContent).toBe("");
    expect(message.style.minHeight).toBe("3em");
    fireEvent.input(box, { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));
    expect(message.textContent).toBe("ข้อเสนอแนะต้องไม่ว่าง");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(calls).toEqual([]);
    fireEvent.input(box, { target: { value: " ตรวจนับครุภัณฑ์ทุกไตรมาส " } });
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));
    expect(await screen.findByText("ตรวจนับครุภัณฑ์ทุกไตรมาส")).toBeTruthy();
    expect(calls).toEqual([
      {
        method: "PUT",
        path: "/api/agencies/7/recommendations/indicator:4",
        body: { text: "ตรวจนับครุภัณฑ์ทุกไตรมาส" },
      },
    ]);
  });

  it("goes back to the library's text", async () => {
    const calls: { method: string; path: string; body?: unknown }[] = [];
    location.hash = "#/a/7/reports/advice";
    renderWith(server(member("editor"), calls), <App />);
    const edits = await screen.findAllByRole("button", { name: "แก้ไข" });
    fireEvent.click(edits[1]!);
    fireEvent.click(screen.getByRole("button", { name: "ใช้ข้อความตั้งต้น" }));
    expect(await screen.findByText("หน่วยงานควรจัดให้มีระบบ E-Service")).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "DELETE /api/agencies/7/recommendations/e-service",
    ]);
    await waitFor(() => expect(screen.queryByText("ข้อความของหน่วยงาน")).toBeNull());
  });

  it("tells a viewer who may edit, without loading anything", async () => {
    location.hash = "#/a/7/reports/advice";
    renderWith(server(member("viewer"), []), <App />);
    expect(await screen.findByText("ข้อเสนอแนะในรายงานแก้ได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน")).toBeTruthy();
  });
});
