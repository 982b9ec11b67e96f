import { cleanup, fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { Membership } from "../../liff/src/api.ts";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  location.hash = "";
});

function server(membership: Membership, onLink: (body: unknown) => Response) {
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: "สมชาย", memberships: [membership], held: [] }),
    "GET /api/agencies/7/reports": () =>
      json({
        canDownload: membership.role !== "viewer",
        analysisYears: [2567, 2566],
        progressYears: [2568],
      }),
    "POST /api/agencies/7/reports/links": (_url, init) => onLink(JSON.parse(String(init.body))),
  });
}

describe("reports page", () => {
  it("asks for a link to the chosen year's analysis as PDF and opens it", async () => {
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => {});
    const asked: unknown[] = [];
    location.hash = "#/a/7/reports";
    renderWith(
      server(member("editor"), (body) => {
        asked.push(body);
        return json({ url: "https://prongsai.test/r/abc", validMinutes: 15 });
      }),
      <App />,
    );
    const year = await screen.findByLabelText("ปีงบประมาณ", { selector: "#report-year-analysis" });
    fireEvent.change(year, { target: { value: "2566" } });
    fireEvent.click(screen.getAllByRole("button", { name: "PDF พร้อมเผยแพร่" })[0]!);
    await waitFor(() => expect(assign).toHaveBeenCalledWith("https://prongsai.test/r/abc"));
    expect(asked).toEqual([{ kind: "analysis", year: 2566, format: "pdf" }]);
    expect(await screen.findByRole("link", { name: "แตะที่นี่" })).toHaveProperty(
      "href",
      "https://prongsai.test/r/abc",
    );
  });

  it("shows the server's Thai message when the link cannot be made", async () => {
    location.hash = "#/a/7/reports";
    renderWith(
      server(member("admin"), () =>
        json({ error: "ข้อมูลไม่ถูกต้อง", fields: { year: "ปีต้องอยู่ระหว่าง พ.ศ. 2560–2600" } }, 400),
      ),
      <App />,
    );
    fireEvent.click((await screen.findAllByRole("button", { name: "Word แก้ไขได้" }))[1]!);
    expect(await screen.findByText("ปีต้องอยู่ระหว่าง พ.ศ. 2560–2600")).toBeTruthy();
  });

  it("tells a viewer that reports are for admins and editors, with no buttons", async () => {
    location.hash = "#/a/7/reports";
    renderWith(
      server(member("viewer"), () => json({}, 500)),
      <App />,
    );
    expect(await screen.findByText("รายงานดาวน์โหลดได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "PDF พร้อมเผยแพร่" })).toBeNull();
  });
});
