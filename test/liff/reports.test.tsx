import { cleanup, fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { Membership } from "../../liff/src/api/types.ts";
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
  it("asks for a link to the chosen year's analysis as PDF and opens it, with Arabic digits when ticked", async () => {
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
    fireEvent.click(screen.getByLabelText("ใช้เลขอารบิก (2567) แทนเลขไทย (๒๕๖๗)"));
    fireEvent.click(screen.getAllByRole("button", { name: "Word แก้ไขได้" })[1]!);
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual({ kind: "progress", year: 2568, format: "docx", digits: "arabic" });
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

describe("report font on the reports page", () => {
  function fontServer(
    role: Membership["role"],
    font: { family: string; custom: boolean },
    onUpload: (form: FormData) => Response,
  ) {
    return fakeServer({
      "GET /api/me": () => json({ userId: "U1", name: "สมชาย", memberships: [member(role)], held: [] }),
      "GET /api/agencies/7/reports": () =>
        json({ canDownload: true, analysisYears: [2567], progressYears: [2568], font }),
      "POST /api/agencies/7/report-font": (_url, init) => onUpload(init.body as FormData),
      "DELETE /api/agencies/7/report-font": () => json({ font: { family: "Sarabun", custom: false } }),
    });
  }
  const choose = (label: string, file: File) =>
    fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

  it("lets an admin upload TH Sarabun New's two files and shows the font now in use", async () => {
    const sent: FormData[] = [];
    location.hash = "#/a/7/reports";
    renderWith(
      fontServer("admin", { family: "Sarabun", custom: false }, (form) => {
        sent.push(form);
        return json({ font: { family: "TH Sarabun New", custom: true } });
      }),
      <App />,
    );
    expect(await screen.findByText("Sarabun (ฟอนต์ตั้งต้นของระบบ)")).toBeTruthy();
    expect(screen.getByRole("link", { name: "ข้อเสนอแนะในรายงาน" }).getAttribute("href")).toBe(
      "#/a/7/reports/advice",
    );
    fireEvent.click(screen.getByRole("button", { name: "อัปโหลดฟอนต์" }));
    expect(await screen.findByText("กรุณาเลือกไฟล์ฟอนต์ตัวปกติ (.ttf หรือ .otf)")).toBeTruthy();
    expect(sent).toEqual([]);
    choose("ตัวปกติ (เช่น THSarabunNew.ttf)", new File(["r"], "THSarabunNew.ttf"));
    choose("ตัวหนา (ไม่บังคับ)", new File(["b"], "THSarabunNew Bold.ttf"));
    fireEvent.click(screen.getByRole("button", { name: "อัปโหลดฟอนต์" }));
    expect(await screen.findByText("TH Sarabun New (ไฟล์ของหน่วยงาน)")).toBeTruthy();
    expect((sent[0]!.get("regular") as File).name).toBe("THSarabunNew.ttf");
    expect((sent[0]!.get("bold") as File).name).toBe("THSarabunNew Bold.ttf");
    expect(screen.getByRole("button", { name: "กลับไปใช้ Sarabun" })).toBeTruthy();
  });

  it("shows the server's reason beside the file it refused, and resets to Sarabun", async () => {
    location.hash = "#/a/7/reports";
    renderWith(
      fontServer("admin", { family: "TH Sarabun New", custom: true }, () =>
        json({ error: "กรุณาแก้ไฟล์ที่ระบุ", fields: { bold: "ไฟล์ WOFF ใช้ไม่ได้ กรุณาเลือกไฟล์ .ttf หรือ .otf" } }, 400),
      ),
      <App />,
    );
    await screen.findByText("TH Sarabun New (ไฟล์ของหน่วยงาน)");
    choose("ตัวปกติ (เช่น THSarabunNew.ttf)", new File(["r"], "a.ttf"));
    choose("ตัวหนา (ไม่บังคับ)", new File(["b"], "b.woff"));
    fireEvent.click(screen.getByRole("button", { name: "อัปโหลดฟอนต์" }));
    const message = await screen.findByText("ไฟล์ WOFF ใช้ไม่ได้ กรุณาเลือกไฟล์ .ttf หรือ .otf");
    expect(message.id).toBe("bold-message");
    expect(screen.getByLabelText("ตัวหนา (ไม่บังคับ)").getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "กลับไปใช้ Sarabun" }));
    expect(await screen.findByText("Sarabun (ฟอนต์ตั้งต้นของระบบ)")).toBeTruthy();
  });

  it("shows an editor the font in use but no upload", async () => {
    location.hash = "#/a/7/reports";
    renderWith(
      fontServer("editor", { family: "TH Sarabun New", custom: true }, () => json({}, 500)),
      <App />,
    );
    expect(await screen.findByText("TH Sarabun New (ไฟล์ของหน่วยงาน)")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "อัปโหลดฟอนต์" })).toBeNull();
    expect(screen.getByText("ผู้ดูแลของหน่วยงานเปลี่ยนฟอนต์ได้")).toBeTruthy();
  });
});
