import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Step } from "../../core/measures/measure.ts";
import { App } from "../../liff/src/App.tsx";
import type { Membership } from "../../liff/src/api/types.ts";
import { MeasureEditPage } from "../../liff/src/MeasureEditPage.tsx";
import { fakeServer, json, measure, member, renderWith, step } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  localStorage.clear();
  location.hash = "";
});

const planned = measure({
  periodStart: "2024-10-01",
  periodEnd: "2025-09-30",
  steps: [
    step({ id: 11, seq: 1, title: "จัดทำแผน", dueOn: "2024-10-31" }),
    step({ id: 12, seq: 2, title: "ประกาศแผน", dueOn: "2024-11-30", status: "done", progress: 100 }),
  ],
});

const team = {
  role: "editor",
  myMemberId: 4,
  members: [
    { id: 3, displayName: "สมชาย", role: "admin", active: true, joinedAt: "2025-01-01T00:00:00Z" },
    { id: 4, displayName: "มานี", role: "editor", active: true, joinedAt: "2025-01-01T00:00:00Z" },
    { id: 5, displayName: "ลาออกแล้ว", role: "viewer", active: false, joinedAt: "2025-01-01T00:00:00Z" },
  ],
};

function server(membership: Membership, extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: "มานี", memberships: [membership], held: [] }),
    "GET /api/agencies/7/measures": () => json({ role: membership.role, measures: [planned] }),
    "GET /api/agencies/7/members": () => json(team),
    ...extra,
  });
}

const type = (field: HTMLElement, value: string) => {
  (field as HTMLInputElement).value = value;
  fireEvent.input(field);
};
const stepTitles = () =>
  [...screen.getByRole("list", { name: "ขั้นตอนของมาตรการ" }).querySelectorAll(":scope > li > h3")].map(
    (h) => h.textContent,
  );

describe("measure edit page", () => {
  it("adds a step after the last, with only active members to choose from", async () => {
    const fetch = server(member("editor"), {
      "POST /api/agencies/7/measures/5/steps": (_url, init) => {
        const body = JSON.parse(String(init.body));
        return json({ step: step({ ...body, id: 13, seq: 3, owners: [] } as Partial<Step>) }, 201);
      },
    });
    renderWith(fetch, <MeasureEditPage membership={member("editor")} measureId={5} />);
    const add = await screen.findByRole("form", { name: "เพิ่มขั้นตอน" });
    expect(within(add).queryByRole("checkbox", { name: "ลาออกแล้ว" })).toBeNull();
    type(within(add).getByLabelText("ชื่อขั้นตอน"), "รายงานผล");
    type(within(add).getByLabelText(/ครบกำหนด/), "2025-09-15");
    fireEvent.click(within(add).getByRole("checkbox", { name: "มานี" }));
    fireEvent.click(within(add).getByRole("button", { name: "เพิ่มขั้นตอน" }));
    await waitFor(() => expect(stepTitles()).toEqual(["1. จัดทำแผน", "2. ประกาศแผน", "3. รายงานผล"]));
    const [, init] = fetch.mock.calls.at(-1)!;
    expect(JSON.parse(String(init?.body))).toEqual({ title: "รายงานผล", dueOn: "2025-09-15", ownerIds: [4] });
    const emptied = screen.getByRole("form", { name: "เพิ่มขั้นตอน" });
    expect((within(emptied).getByLabelText("ชื่อขั้นตอน") as HTMLInputElement).value).toBe("");
  });

  it("refuses a due date outside the measure's period next to the field, before calling the server", async () => {
    const fetch = server(member("editor"));
    renderWith(fetch, <MeasureEditPage membership={member("editor")} measureId={5} />);
    const add = await screen.findByRole("form", { name: "เพิ่มขั้นตอน" });
    const calls = fetch.mock.calls.length;
    type(within(add).getByLabelText("ชื่อขั้นตอน"), "ช้าไป");
    const due = within(add).getByLabelText(/ครบกำหนด/);
    type(due, "2025-10-15");
    fireEvent.click(within(add).getByRole("button", { name: "เพิ่มขั้นตอน" }));
    await waitFor(() =>
      expect(document.getElementById(due.getAttribute("aria-describedby")!)?.textContent).toBe(
        "วันครบกำหนดต้องอยู่ในระยะเวลาของมาตรการ (1 ต.ค. 67 – 30 ก.ย. 68)",
      ),
    );
    expect(fetch.mock.calls.length).toBe(calls);
  });

  it("edits a step's plan in place, and keeps the edit open after a reload while a draft waits", async () => {
    const fetch = server(member("editor"), {
      "PATCH /api/agencies/7/steps/11": (_url, init) =>
        json({ step: { ...planned.steps[0], ...JSON.parse(String(init.body)), owners: [] } }),
    });
    const first = renderWith(fetch, <MeasureEditPage membership={member("editor")} measureId={5} />);
    await screen.findByText("1. จัดทำแผน");
    fireEvent.click(screen.getAllByRole("button", { name: "แก้ไขขั้นตอน" })[0]!);
    const form = screen.getByRole("form", { name: "แก้ไขขั้นตอนที่ 1" });
    type(within(form).getByLabelText("ชื่อขั้นตอน"), "จัดทำแผนจัดซื้อ");
    first.unmount();

    renderWith(fetch, <MeasureEditPage membership={member("editor")} measureId={5} />);
    const again = await screen.findByRole("form", { name: "แก้ไขขั้นตอนที่ 1" });
    expect((within(again).getByLabelText("ชื่อขั้นตอน") as HTMLInputElement).value).toBe("จัดทำแผนจัดซื้อ");
    fireEvent.click(within(again).getByRole("button", { name: "บันทึกขั้นตอน" }));
    await screen.findByText("1. จัดทำแผนจัดซื้อ");
    expect(screen.queryByRole("form", { name: "แก้ไขขั้นตอนที่ 1" })).toBeNull();
    expect(localStorage.getItem("prongsai.draft.step-plan.7.11")).toBeNull();
  });

  it("deletes a step after a confirmation and renumbers the rest; a step with recorded work stays, with the reason", async () => {
    const fetch = server(member("editor"), {
      "DELETE /api/agencies/7/steps/11": () => json({ deleted: 11 }),
      "DELETE /api/agencies/7/steps/12": () =>
        json({ error: "ขั้นตอนนี้บันทึกผลการดำเนินงานไว้แล้ว จึงลบไม่ได้ หากไม่ทำแล้วให้อัปเดตสถานะเป็น “ยกเลิก”" }, 409),
    });
    renderWith(fetch, <MeasureEditPage membership={member("editor")} measureId={5} />);
    await screen.findByText("2. ประกาศแผน");
    fireEvent.click(screen.getAllByRole("button", { name: "ลบ" })[1]!);
    fireEvent.click(screen.getByRole("button", { name: "ลบขั้นตอน" }));
    await screen.findByText(/จึงลบไม่ได้/);
    expect(stepTitles()).toEqual(["1. จัดทำแผน", "2. ประกาศแผน"]);

    fireEvent.click(screen.getAllByRole("button", { name: "ลบ" })[0]!);
    expect(screen.getByText(/ลบแล้วเรียกคืนไม่ได้/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "ลบขั้นตอน" }));
    await waitFor(() => expect(stepTitles()).toEqual(["1. ประกาศแผน"]));
  });

  it("tells a viewer they cannot edit, and asks the server nothing", () => {
    const fetch = server(member("viewer"));
    renderWith(fetch, <MeasureEditPage membership={member("viewer")} measureId={5} />);
    expect(screen.getByText(/บทบาทผู้ดูแก้ไขมาตรการไม่ได้/)).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("add and edit buttons", () => {
  it("are shown to editors on the list and on a measure", async () => {
    location.hash = "#/a/7/measures";
    renderWith(server(member("editor")), <App />);
    const add = await screen.findByRole("link", { name: "+ เพิ่มมาตรการ" });
    expect(add.getAttribute("href")).toBe("#/a/7/measures/new");
    location.hash = "#/a/7/measures/5";
    fireEvent(window, new HashChangeEvent("hashchange"));
    const edit = await screen.findByRole("link", { name: "แก้ไขมาตรการและขั้นตอน" });
    expect(edit.getAttribute("href")).toBe("#/a/7/measures/5/edit");
  });

  it("are not shown to viewers", async () => {
    location.hash = "#/a/7/measures";
    renderWith(server(member("viewer")), <App />);
    await screen.findByRole("list", { name: "รายการมาตรการ" });
    expect(screen.queryByText(/เพิ่มมาตรการ/)).toBeNull();
    location.hash = "#/a/7/measures/5";
    fireEvent(window, new HashChangeEvent("hashchange"));
    await screen.findByRole("heading", { name: planned.title });
    expect(screen.queryByText(/แก้ไข/)).toBeNull();
  });
});
