import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { AuditItem, Membership } from "../../liff/src/api/types.ts";
import { describeEntry } from "../../liff/src/audit-text.ts";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const entry = (overrides: Partial<AuditItem>): AuditItem => ({
  id: "1",
  at: "2025-03-24T03:15:00.000Z",
  actor: "line:U1",
  memberName: "สมชาย",
  action: "step.update",
  entity: "step",
  entityId: "11",
  entityTitle: "จัดทำคู่มือการปฏิบัติงาน",
  before: null,
  after: null,
  ...overrides,
});

const statusChange = entry({
  id: "42",
  before: { status: "in_progress", progress: 40, evidenceUrl: null },
  after: { status: "done", progress: 100, evidenceUrl: "https://www.example.go.th/ita/o10.pdf" },
});
const recompute = entry({
  id: "43",
  action: "measure.recompute",
  entity: "measure",
  entityId: "5",
  entityTitle: "เปิดเผยข้อมูลการจัดซื้อจัดจ้าง",
  before: { progress: 40 },
  after: { progress: 70 },
});
const scores = entry({
  id: "7",
  at: "2025-01-10T02:00:00.000Z",
  actor: "cli:import:ita-2567.csv",
  memberName: null,
  action: "assessment.update",
  entity: "assessment",
  entityId: "SEED000/2567",
  entityTitle: null,
  before: { "tool:IIT": "92.90", "indicator:4": "66.67" },
  after: { "tool:IIT": "93.00", "indicator:4": "70.00" },
});

function server(
  membership: Membership,
  pages: Record<string, { entries: AuditItem[]; nextBefore: string | null }>,
) {
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: "สมชาย", memberships: [membership], held: [] }),
    "GET /api/agencies/7/audit": (url) => json(pages[url.searchParams.get("before") ?? "first"]),
  });
}

describe("audit log page", () => {
  it("reads each change in Thai with the changed fields before → after, and pages with ดูเพิ่มเติม", async () => {
    location.hash = "#/a/7/audit";
    const fetch = server(member("editor"), {
      first: { entries: [recompute, statusChange], nextBefore: "42" },
      "42": { entries: [scores], nextBefore: null },
    });
    renderWith(fetch, <App />);
    const list = await screen.findByRole("list", { name: "ประวัติการแก้ไข" });
    expect(list.textContent).toContain("สมชาย เปลี่ยนสถานะ 'จัดทำคู่มือการปฏิบัติงาน' จาก กำลังดำเนินการ เป็น เสร็จแล้ว");
    const update = within(list)
      .getByText(/สมชาย เปลี่ยนสถานะ/)
      .closest("li")!;
    const changes = [...update.querySelectorAll(".audit-changes li")].map((li) => li.textContent);
    expect(changes).toEqual(["ความคืบหน้า 40% → 100%", "ลิงก์หลักฐาน – → https://www.example.go.th/ita/o10.pdf"]);
    expect(update.querySelector("time")?.textContent).toBe("24 มี.ค. 68 10:15 น.");
    expect(list.textContent).toContain("มาตรการ 'เปิดเผยข้อมูลการจัดซื้อจัดจ้าง' ปรับความคืบหน้าตามขั้นตอน");
    expect(screen.getByRole("link", { name: "ประวัติ" }).getAttribute("aria-current")).toBe("page");

    fireEvent.click(screen.getByRole("button", { name: "ดูเพิ่มเติม" }));
    await screen.findByText("ผู้ดูแลระบบ (นำเข้าไฟล์ ita-2567.csv) แก้ไขผลคะแนน ITA ปี 2567");
    expect(screen.getAllByRole("listitem").filter((li) => li.classList.contains("audit-entry"))).toHaveLength(
      3,
    );
    expect(screen.getByText("ตัวชี้วัดที่ 4", { exact: false }).closest("li")?.textContent).toBe(
      "ตัวชี้วัดที่ 4 66.67 → 70.00",
    );
    expect(screen.queryByRole("button", { name: "ดูเพิ่มเติม" })).toBeNull();
    const urls = fetch.mock.calls.map(([input]) => String(input));
    expect(urls).toContain("/api/agencies/7/audit?before=42");
  });

  it("says so when nothing has changed yet", async () => {
    location.hash = "#/a/7/audit";
    renderWith(server(member("admin"), { first: { entries: [], nextBefore: null } }), <App />);
    await screen.findByText("ยังไม่มีการเปลี่ยนแปลง");
    expect(screen.queryByRole("button", { name: "ดูเพิ่มเติม" })).toBeNull();
  });

  it("gives viewers no link and no log", async () => {
    location.hash = "#/a/7/audit";
    const fetch = server(member("viewer"), {});
    renderWith(fetch, <App />);
    await screen.findByText(/บทบาทผู้ดูเปิดประวัติการแก้ไขไม่ได้/);
    expect(screen.queryByRole("link", { name: "ประวัติ" })).toBeNull();
    await waitFor(() => expect(fetch.mock.calls.map(([u]) => String(u))).toEqual(["/api/me"]));
  });
});

describe("audit sentences", () => {
  it("names the member, the CLI, a join and an invite in Thai", () => {
    expect(describeEntry(entry({ before: { note: "" }, after: { note: "ประชุมแล้ว" } })).sentence).toBe(
      "สมชาย อัปเดตขั้นตอน 'จัดทำคู่มือการปฏิบัติงาน'",
    );
    expect(
      describeEntry(
        entry({
          action: "member.join",
          entity: "member",
          entityTitle: "วิไล",
          after: { role: "editor", displayName: "วิไล" },
        }),
      ).sentence,
    ).toBe("วิไล เข้าร่วมหน่วยงานในบทบาทผู้แก้ไข");
    expect(
      describeEntry(
        entry({ actor: "cli:invite", memberName: null, action: "invite.create", after: { role: "admin" } }),
      ).sentence,
    ).toBe("ผู้ดูแลระบบ สร้างรหัสเชิญสำหรับผู้ดูแล");
    const created = describeEntry(
      entry({
        actor: "demo:seed-results.csv",
        memberName: null,
        action: "assessment.create",
        entityId: "SEED000/2567",
        after: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`item:i${i + 1}`, "100.00"])),
      }),
    );
    expect(created.sentence).toBe("ข้อมูลตัวอย่าง บันทึกผลคะแนน ITA ปี 2567");
    expect(created.changes).toHaveLength(12);
    expect(created.more).toBe(8);
  });

  it("says a step was added or deleted, naming a deleted step by its title before deletion", () => {
    expect(describeEntry(entry({ action: "step.create", after: { title: "ประชุมชี้แจง" } })).sentence).toBe(
      "สมชาย เพิ่มขั้นตอน 'จัดทำคู่มือการปฏิบัติงาน'",
    );
    expect(
      describeEntry(entry({ action: "step.delete", entityTitle: null, before: { title: "ประชุมชี้แจง" } }))
        .sentence,
    ).toBe("สมชาย ลบขั้นตอน 'ประชุมชี้แจง'");
  });

  it("describes changes to the report's recommendations and font", () => {
    const advice = describeEntry(
      entry({
        action: "recommendation.set",
        entity: "report_recommendation",
        entityId: "indicator:4",
        entityTitle: null,
        before: { text: "ข้อความเดิม" },
        after: { text: "ตรวจนับทุกไตรมาส" },
      }),
    );
    expect(advice.sentence).toBe("สมชาย แก้ไขข้อเสนอแนะในรายงาน 'indicator:4'");
    expect(advice.changes).toEqual([{ label: "ข้อความ", from: "ข้อความเดิม", to: "ตรวจนับทุกไตรมาส" }]);
    expect(
      describeEntry(
        entry({
          action: "report_font.set",
          entityTitle: null,
          after: { family: "TH Sarabun New", regularBytes: 1 },
        }),
      ).sentence,
    ).toBe("สมชาย อัปโหลดแบบอักษรของรายงาน 'TH Sarabun New'");
    expect(describeEntry(entry({ action: "report_font.reset" })).sentence).toBe(
      "สมชาย กลับไปใช้แบบอักษร Sarabun ในรายงาน",
    );
  });
});
