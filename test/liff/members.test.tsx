import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { MemberSummary, Membership } from "../../liff/src/api/types.ts";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const people: MemberSummary[] = [
  { id: 1, displayName: "สมชาย ใจดี", role: "admin", active: true, joinedAt: "2025-01-05T02:00:00.000Z" },
  { id: 2, displayName: "สมศรี รักงาน", role: "viewer", active: true, joinedAt: "2025-03-01T09:30:00.000Z" },
];

type Handlers = Parameters<typeof fakeServer>[0];

function server(membership: Membership, extra: Handlers = {}) {
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: "สมชาย", memberships: [membership], held: [] }),
    "GET /api/agencies/7/members": () => json({ role: membership.role, myMemberId: 1, members: people }),
    "GET /api/agencies/7/measures": () => json({ role: membership.role, measures: [] }),
    ...extra,
  });
}

const bodyOf = (fetch: ReturnType<typeof fakeServer>, method: string) =>
  fetch.mock.calls
    .filter(([, init]) => init?.method === method)
    .map(([input, init]) => ({ url: String(input), body: JSON.parse(String(init?.body)) as unknown }));

describe("members page", () => {
  it("lists members with their role and joined date, and sends an admin's role change", async () => {
    location.hash = "#/a/7/members";
    const fetch = server(member("admin"), {
      "PATCH /api/agencies/7/members/2": (_url, init) =>
        json({ member: { ...people[1], ...JSON.parse(String(init.body)) } }),
    });
    renderWith(fetch, <App />);
    const list = await screen.findByRole("list", { name: "รายชื่อสมาชิก" });
    expect(list.querySelectorAll("li.member")).toHaveLength(2);
    expect(within(list).getByText(/เข้าร่วมเมื่อ 1 มี\.ค\. 68/)).toBeTruthy();
    expect(within(list).getByText("(ท่าน)", { exact: false }).closest("li")?.textContent).toContain("สมชาย");
    expect(screen.getByRole("link", { name: "สมาชิก" }).getAttribute("aria-current")).toBe("page");

    const select = screen.getByRole("combobox", { name: "บทบาทของ สมศรี รักงาน" }) as HTMLSelectElement;
    expect(select.value).toBe("viewer");
    select.value = "editor";
    fireEvent.change(select);

    await screen.findByText("เปลี่ยนเป็นผู้แก้ไขแล้ว");
    expect(bodyOf(fetch, "PATCH")).toEqual([{ url: "/api/agencies/7/members/2", body: { role: "editor" } }]);
    expect(select.value).toBe("editor");
  });

  it("asks before removing a member, then removes them from the list", async () => {
    location.hash = "#/a/7/members";
    const fetch = server(member("admin"), {
      "PATCH /api/agencies/7/members/2": () => json({ member: { ...people[1], active: false } }),
    });
    renderWith(fetch, <App />);
    const row = (await screen.findByText("สมศรี รักงาน")).closest("li")!;
    fireEvent.click(within(row).getByRole("button", { name: "นำออกจากหน่วยงาน" }));
    const confirm = within(row).getByRole("group", { name: "นำ สมศรี รักงาน ออกจากหน่วยงาน?" });
    expect(bodyOf(fetch, "PATCH")).toEqual([]);
    fireEvent.click(within(confirm).getByRole("button", { name: "ยกเลิก" }));
    expect(within(row).queryByRole("group")).toBeNull();

    fireEvent.click(within(row).getByRole("button", { name: "นำออกจากหน่วยงาน" }));
    fireEvent.click(within(row).getByRole("button", { name: "ยืนยันนำออก" }));
    await waitFor(() => expect(screen.queryByText("สมศรี รักงาน")).toBeNull());
    expect(bodyOf(fetch, "PATCH")).toEqual([{ url: "/api/agencies/7/members/2", body: { active: false } }]);
    expect(screen.getByRole("heading", { name: "สมาชิก (1)" })).toBeTruthy();
  });

  it("shows the server's Thai message when the last admin tries to step down, and keeps the role", async () => {
    location.hash = "#/a/7/members";
    const message = "หน่วยงานต้องมีผู้ดูแลอย่างน้อย 1 คน";
    renderWith(
      server(member("admin"), { "PATCH /api/agencies/7/members/1": () => json({ error: message }, 400) }),
      <App />,
    );
    const select = (await screen.findByRole("combobox", { name: "บทบาทของ สมชาย ใจดี" })) as HTMLSelectElement;
    select.value = "viewer";
    fireEvent.change(select);
    const row = select.closest("li")!;
    await waitFor(() => expect(within(row).getByRole("alert").textContent).toBe(message));
    expect(select.value).toBe("admin");
  });

  it("creates an invite code and shows it large with how to use it in LINE chat", async () => {
    location.hash = "#/a/7/members";
    const fetch = server(member("admin"), {
      "POST /api/agencies/7/invites": () =>
        json({ code: "482913", expiresAt: "2025-03-27T03:00:00.000Z" }, 201),
    });
    renderWith(fetch, <App />);
    const form = await screen.findByRole("form", { name: "สร้างรหัสเชิญ" });
    const hours = within(form).getByLabelText(/อายุรหัส/) as HTMLInputElement;
    hours.value = "1000";
    fireEvent.click(within(form).getByRole("button", { name: "สร้างรหัสเชิญ" }));
    await waitFor(() => expect(hours.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("hours-message")?.textContent).toContain("720");
    expect(bodyOf(fetch, "POST")).toEqual([]);

    hours.value = "48";
    (within(form).getByLabelText(/ใช้ได้กี่คน/) as HTMLInputElement).value = "3";
    fireEvent.click(within(form).getByRole("button", { name: "สร้างรหัสเชิญ" }));
    const code = await screen.findByText("482913");
    expect(code.classList.contains("code")).toBe(true);
    expect(bodyOf(fetch, "POST")).toEqual([
      { url: "/api/agencies/7/invites", body: { role: "editor", maxUses: 3, hours: 48 } },
    ]);
    const card = code.closest(".invite-code")!;
    expect(card.textContent).toContain("“เชื่อมต่อ 482913”");
    expect(card.textContent).toContain("แชต LINE");
    expect(card.textContent).toContain("27 มี.ค. 68 เวลา 10:00 น.");
  });

  it("shows editors the list without role controls or invite codes", async () => {
    location.hash = "#/a/7/members";
    renderWith(server(member("editor")), <App />);
    await screen.findByRole("list", { name: "รายชื่อสมาชิก" });
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("button", { name: "นำออกจากหน่วยงาน" })).toBeNull();
    expect(screen.queryByRole("form", { name: "สร้างรหัสเชิญ" })).toBeNull();
    expect(screen.getAllByText("ผู้ดูแล").length).toBeGreaterThan(0);
  });

  it("gives viewers no members link, and no list at the page's address", async () => {
    location.hash = "#/a/7/measures";
    const fetch = server(member("viewer"));
    renderWith(fetch, <App />);
    await screen.findByRole("heading", { name: "มาตรการ" });
    const nav = screen.getByRole("navigation", { name: "เมนู" });
    expect(within(nav).queryByRole("link", { name: "สมาชิก" })).toBeNull();
    expect(within(nav).getByRole("link", { name: "แจ้งเตือน" })).toBeTruthy();

    location.hash = "#/a/7/members";
    fireEvent(window, new HashChangeEvent("hashchange"));
    await screen.findByText(/เฉพาะผู้ดูแลและผู้แก้ไข/);
    expect(fetch.mock.calls.map(([input]) => String(input))).not.toContain("/api/agencies/7/members");
  });
});
