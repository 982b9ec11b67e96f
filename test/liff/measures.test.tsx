import { cleanup, fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { Membership } from "../../liff/src/api/types.ts";
import { fakeServer, json, measure, member, renderWith, step } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const onTime = measure({ id: 5, seq: 1, title: "เปิดเผยข้อมูลการจัดซื้อจัดจ้าง" });
const late = measure({
  id: 6,
  seq: 2,
  title: "ประกาศเจตจำนงสุจริตของผู้บริหาร",
  steps: [step({ id: 21, measureId: 6, title: "ผู้บริหารลงนามประกาศ", dueOn: "2025-01-31" })],
});

function server(membership: Membership) {
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: "สมชาย", memberships: [membership], held: [] }),
    "GET /api/agencies/7/measures": (url) => {
      const filter = url.searchParams.get("filter");
      const indicator = Number(url.searchParams.get("indicator"));
      const listed = filter === "overdue" ? [late] : filter === "mine" ? [onTime] : [onTime, late];
      const measures = indicator ? listed.filter((m) => m.indicators.includes(indicator)) : listed;
      return json({ role: membership.role, measures });
    },
  });
}

describe("measures", () => {
  it("filters the list with the tabs ทั้งหมด / ของฉัน / เลยกำหนด", async () => {
    location.hash = "#/a/7/measures";
    const fetch = server(member("editor"));
    renderWith(fetch, <App />);
    const list = await screen.findByRole("list", { name: "รายการมาตรการ" });
    expect(list.querySelectorAll("li")).toHaveLength(2);

    fireEvent.click(screen.getByRole("link", { name: "เลยกำหนด" }));
    const titles = () =>
      [...screen.getByRole("list", { name: "รายการมาตรการ" }).querySelectorAll(".card-title")].map(
        (t) => t.textContent,
      );
    await waitFor(() => expect(titles()).toEqual([late.title]));
    expect(screen.getByRole("link", { name: "เลยกำหนด" }).getAttribute("aria-current")).toBe("page");
    const urls = fetch.mock.calls.map(([input]) => String(input));
    expect(urls).toContain("/api/agencies/7/measures?filter=overdue");

    fireEvent.click(screen.getByRole("link", { name: "ของฉัน" }));
    await waitFor(() => expect(titles()).toEqual([onTime.title]));
  });

  it("narrows the list to one indicator and keeps it when switching tabs", async () => {
    location.hash = "#/a/7/measures";
    const fetch = server(member("viewer"));
    renderWith(fetch, <App />);
    await screen.findByRole("list", { name: "รายการมาตรการ" });
    fireEvent.change(screen.getByLabelText("ตัวชี้วัด"), { target: { value: "9" } });
    await waitFor(() => expect(location.hash).toBe("#/a/7/measures?indicator=9"));
    await waitFor(() =>
      expect(screen.getByRole("link", { name: "ของฉัน" }).getAttribute("href")).toBe(
        "#/a/7/measures?filter=mine&indicator=9",
      ),
    );
    expect(screen.getByRole("list", { name: "รายการมาตรการ" }).querySelectorAll("li")).toHaveLength(2);
    fireEvent.change(screen.getByLabelText("ตัวชี้วัด"), { target: { value: "3" } });
    expect(await screen.findByText("ไม่มีมาตรการของตัวชี้วัดที่ 3 ในรายการนี้")).toBeTruthy();
    const urls = fetch.mock.calls.map(([input]) => String(input));
    expect(urls).toContain("/api/agencies/7/measures?filter=all&indicator=3");
  });

  it("gives editors an update button per step", async () => {
    location.hash = "#/a/7/measures/6";
    renderWith(server(member("editor")), <App />);
    await screen.findByRole("heading", { name: late.title });
    expect(screen.getAllByRole("link", { name: "อัปเดตสถานะ" })).toHaveLength(1);
    expect(screen.getByText("เลยกำหนด")).toBeTruthy();
  });

  it("shows viewers the steps without any edit button", async () => {
    location.hash = "#/a/7/measures/6";
    renderWith(server(member("viewer")), <App />);
    await screen.findByRole("heading", { name: late.title });
    expect(screen.getByText("ผู้บริหารลงนามประกาศ", { exact: false })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "อัปเดตสถานะ" })).toBeNull();
    expect(screen.queryByRole("button", { name: /บันทึก|อัปเดต/ })).toBeNull();
  });

  it("shows viewers no form even at the step's address", async () => {
    location.hash = "#/a/7/measures/6/steps/21";
    renderWith(server(member("viewer")), <App />);
    await screen.findByText(/บทบาทผู้ดูแก้ไขสถานะไม่ได้/);
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.queryByRole("button", { name: "บันทึก" })).toBeNull();
  });
});
