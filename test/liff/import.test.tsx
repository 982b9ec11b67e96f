import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { EntryForm, Membership } from "../../liff/src/api/types.ts";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const form: EntryForm = {
  years: [2568, 2567],
  year: 2568,
  total: { reported: null, current: "88.50" },
  tools: [
    { code: "IIT", nameTh: "การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", reported: "90.00", current: "90.00" },
    { code: "OIT", nameTh: "การเปิดเผยข้อมูลสาธารณะ", reported: null, current: null },
  ],
  indicators: [{ no: 1, nameTh: "การปฏิบัติหน้าที่", tool: "IIT", reported: null, current: null }],
};

const summary = {
  agenciesCreated: 0,
  agenciesUpdated: 0,
  assessmentsCreated: 1,
  assessmentsChanged: 1,
  assessmentsUnchanged: 0,
  scoresWritten: 4,
  mismatches: 0,
};

type Handler = Parameters<typeof fakeServer>[0][string];

function server(membership: Membership, routes: Record<string, Handler> = {}) {
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: "สมชาย", memberships: [membership], held: [] }),
    "GET /api/agencies/7/results/entry": () => json(form),
    ...routes,
  });
}

function chooseFile(name = "ผล-2567.csv") {
  const input = screen.getByLabelText("ไฟล์ผลคะแนน") as HTMLInputElement;
  const file = new File(["agency_code,fiscal_year\n"], name, { type: "text/csv" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  fireEvent.change(input);
  return file;
}

const sentFile = (init: RequestInit) => (init.body as FormData).get("file") as File;

describe("score import page", () => {
  it("checks a file, shows the changes, then imports it", async () => {
    location.hash = "#/a/7/import";
    const fetch = server(member("admin"), {
      "POST /api/agencies/7/results/preview": () =>
        json({
          ok: true,
          rows: 2,
          changes: [
            { year: 2567, kind: "tool", code: "IIT", from: "92.90", to: "93.00" },
            { year: 2568, kind: "total", code: "total", from: null, to: "88.50" },
          ],
          notes: [],
        }),
      "POST /api/agencies/7/results/import": () => json({ ok: true, rows: 2, summary, notes: [] }),
    });
    renderWith(fetch, <App />);
    await screen.findByRole("heading", { name: "นำเข้าคะแนน" });
    expect(screen.getByRole("link", { name: "นำเข้าคะแนน" }).getAttribute("aria-current")).toBe("page");
    chooseFile();
    fireEvent.click(screen.getByRole("button", { name: "ตรวจสอบ" }));

    const table = await screen.findByRole("table", { name: "สิ่งที่จะเปลี่ยน" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toEqual([
      ["2567", "IIT", "92.90", "93.00"],
      ["2568", "คะแนนรวม", "–", "88.50"],
    ]);
    expect(screen.getByText(/จะเปลี่ยน 2 รายการ/)).toBeTruthy();
    const [, previewInit] = fetch.mock.calls.find(([u]) => String(u).endsWith("/results/preview"))!;
    expect(sentFile(previewInit!).name).toBe("ผล-2567.csv");
    expect(fetch.mock.calls.some(([u]) => String(u).endsWith("/results/import"))).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "นำเข้า" }));
    await screen.findByText(/นำเข้าแล้ว/);
    expect(screen.getByText(/ปีใหม่ 1 ปี, แก้ไข 1 ปี/)).toBeTruthy();
    const [, importInit] = fetch.mock.calls.find(([u]) => String(u).endsWith("/results/import"))!;
    expect(sentFile(importInit!).name).toBe("ผล-2567.csv");
    expect(new Headers(importInit!.headers).get("authorization")).toBe("Bearer test-id-token");
  });

  it("shows a refused file's errors by row and column, with nothing to import", async () => {
    location.hash = "#/a/7/import";
    const fetch = server(member("admin"), {
      "POST /api/agencies/7/results/preview": () =>
        json(
          {
            ok: false,
            errors: [
              { line: 3, column: "IIT", th: "คะแนน 101 เกิน 100" },
              { line: 4, column: "agency_code", th: "รหัสหน่วยงาน SEED001 ไม่ใช่รหัสของหน่วยงานนี้" },
            ],
          },
          400,
        ),
    });
    renderWith(fetch, <App />);
    await screen.findByRole("heading", { name: "นำเข้าคะแนน" });
    chooseFile();
    fireEvent.click(screen.getByRole("button", { name: "ตรวจสอบ" }));
    const table = await screen.findByRole("table", { name: "ข้อผิดพลาดในไฟล์" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toEqual([
      ["3", "IIT", "คะแนน 101 เกิน 100"],
      ["4", "agency_code", "รหัสหน่วยงาน SEED001 ไม่ใช่รหัสของหน่วยงานนี้"],
    ]);
    expect(screen.getByText(/ยังนำเข้าไม่ได้/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "นำเข้า" })).toBeNull();
  });

  it("asks for a file before checking", async () => {
    location.hash = "#/a/7/import";
    const fetch = server(member("admin"));
    renderWith(fetch, <App />);
    await screen.findByRole("heading", { name: "นำเข้าคะแนน" });
    fireEvent.click(screen.getByRole("button", { name: "ตรวจสอบ" }));
    await screen.findByText("กรุณาเลือกไฟล์ผลคะแนน (.csv หรือ .xlsx)");
    expect(fetch.mock.calls.some(([u]) => String(u).includes("/results/preview"))).toBe(false);
  });

  it("takes scores by hand: the shared schema refuses 101 at once, then the entry is saved", async () => {
    location.hash = "#/a/7/import";
    let posted: unknown;
    const fetch = server(member("admin"), {
      "POST /api/agencies/7/results/entry": (_url, init) => {
        posted = JSON.parse(String(init.body));
        return json({
          ok: true,
          summary,
          changes: [{ year: 2568, kind: "tool", code: "OIT", from: null, to: "95.50" }],
        });
      },
    });
    renderWith(fetch, <App />);
    const iit = (await screen.findByLabelText(/^IIT/)) as HTMLInputElement;
    expect(iit.value).toBe("90.00");
    expect((screen.getByLabelText("คะแนนรวม") as HTMLInputElement).placeholder).toBe("88.50 (คำนวณ)");

    const oit = screen.getByLabelText(/^OIT/) as HTMLInputElement;
    oit.value = "๑๐๑";
    fireEvent.click(screen.getByRole("button", { name: "บันทึกคะแนน" }));
    await waitFor(() => expect(oit.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(oit.getAttribute("aria-describedby")!)?.textContent).toBe(
      "คะแนนต้องอยู่ระหว่าง 0 ถึง 100",
    );
    expect(posted).toBeUndefined();

    oit.value = "๙๕.๕";
    fireEvent.click(screen.getByRole("button", { name: "บันทึกคะแนน" }));
    const saved = await screen.findByRole("table", { name: "คะแนนที่บันทึก" });
    expect(saved.textContent).toContain("95.50");
    expect(posted).toEqual({
      year: 2568,
      total: "",
      tools: { IIT: "90.00", OIT: "๙๕.๕" },
      indicators: { "1": "" },
    });
  });

  it("shows the server's field errors next to the boxes", async () => {
    location.hash = "#/a/7/import";
    const fetch = server(member("admin"), {
      "POST /api/agencies/7/results/entry": () =>
        json({ error: "กรุณาแก้ข้อมูลที่ระบุ", fields: { "indicators.1": "ปี 2568 ไม่มีตัวชี้วัดที่ 1" } }, 400),
    });
    renderWith(fetch, <App />);
    const indicator = (await screen.findByLabelText(/^ตัวชี้วัดที่ 1/)) as HTMLInputElement;
    indicator.value = "80";
    fireEvent.click(screen.getByRole("button", { name: "บันทึกคะแนน" }));
    await waitFor(() =>
      expect(document.getElementById(indicator.getAttribute("aria-describedby")!)?.textContent).toBe(
        "ปี 2568 ไม่มีตัวชี้วัดที่ 1",
      ),
    );
  });

  it("is for admins: editors get no link and no form", async () => {
    location.hash = "#/a/7/import";
    const fetch = server(member("editor"));
    renderWith(fetch, <App />);
    await screen.findByText("เฉพาะผู้ดูแลของหน่วยงานนำเข้าหรือแก้ไขคะแนนได้");
    expect(screen.queryByRole("link", { name: "นำเข้าคะแนน" })).toBeNull();
    expect(screen.getByRole("link", { name: "ประวัติ" })).toBeTruthy();
    expect(screen.queryByLabelText("ไฟล์ผลคะแนน")).toBeNull();
  });
});
