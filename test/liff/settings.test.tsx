import { cleanup, fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../liff/src/App.tsx";
import type { ReminderSettingsView } from "../../liff/src/api/types.ts";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const defaults: ReminderSettingsView = {
  agencyId: 7,
  muted: false,
  frequency: "weekly",
  firstLeadDays: 7,
  leadDays: [7, 1, 0],
  weeklyDay: 1,
  quietStart: "20:00",
  quietEnd: "08:00",
};

function server(put: (body: Record<string, unknown>) => Response) {
  return fakeServer({
    "GET /api/me": () => json({ userId: "U1", name: null, memberships: [member("viewer")], held: [] }),
    "GET /api/me/settings": (url) => {
      expect(url.searchParams.get("agencyId")).toBe("7");
      return json(defaults);
    },
    "PUT /api/me/settings": (_url, init) => put(JSON.parse(String(init.body))),
  });
}

describe("reminder settings page", () => {
  it("shows the current settings and saves a change", async () => {
    location.hash = "#/a/7/settings";
    const sent: Record<string, unknown>[] = [];
    const fetch = server((body) => {
      sent.push(body);
      return json({ ...defaults, ...body, leadDays: [body.firstLeadDays, 1, 0] });
    });
    renderWith(fetch, <App />);
    await screen.findByRole("heading", { name: "การแจ้งเตือนของฉัน" });
    expect(screen.getByRole("link", { name: "แจ้งเตือน" }).getAttribute("aria-current")).toBe("page");
    const mute = (await screen.findByRole("switch", { name: /ปิดการแจ้งเตือน/ })) as HTMLInputElement;
    expect(mute.checked).toBe(false);
    expect((screen.getByRole("radio", { name: "รายสัปดาห์" }) as HTMLInputElement).checked).toBe(true);
    const lead = screen.getByLabelText(/เตือนครั้งแรก/) as HTMLInputElement;
    expect(lead.value).toBe("7");
    expect(screen.getByText(/ทุกวันจันทร์/)).toBeTruthy();
    expect(screen.getByText(/ไม่ส่งช่วง 20:00–08:00 น\./)).toBeTruthy();

    fireEvent.click(mute);
    fireEvent.click(screen.getByRole("radio", { name: "รายวัน" }));
    lead.value = "3";
    fireEvent.input(lead);
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));

    await screen.findByText("บันทึกแล้ว ✓");
    expect(sent).toEqual([{ agencyId: 7, muted: true, frequency: "daily", firstLeadDays: 3 }]);
    // A viewer is not shown the account's quota, so the app does not ask for it.
    expect(fetch.mock.calls.map(([url]) => String(url))).not.toContainEqual(
      expect.stringContaining("/me/quota"),
    );
  });

  it("refuses a first reminder beyond 30 days next to the field, without calling the server", async () => {
    location.hash = "#/a/7/settings";
    const sent: unknown[] = [];
    renderWith(
      server((body) => {
        sent.push(body);
        return json(defaults);
      }),
      <App />,
    );
    const lead = (await screen.findByLabelText(/เตือนครั้งแรก/)) as HTMLInputElement;
    lead.value = "45";
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));
    await waitFor(() => expect(lead.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("firstLeadDays-message")?.textContent).toBe("เตือนล่วงหน้าได้ไม่เกิน 30 วัน");
    expect(sent).toEqual([]);
  });

  it("shows the server's message when saving fails", async () => {
    location.hash = "#/a/7/settings";
    renderWith(
      server(() => json({ error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" }, 403)),
      <App />,
    );
    fireEvent.click(await screen.findByRole("button", { name: "บันทึก" }));
    const alert = await screen.findByText("ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้");
    expect(alert.getAttribute("role")).toBe("alert");
  });

  it("shows an admin the LINE account's quota above the settings; a viewer never asks for it", async () => {
    location.hash = "#/a/7/settings";
    const note = "📊 คาดการณ์ข้อความเดือน ธ.ค. 2569: อย่างน้อย 320 ข้อความ เกินโควตา 300";
    renderWith(
      fakeServer({
        "GET /api/me": () => json({ userId: "U1", name: null, memberships: [member("admin")], held: [] }),
        "GET /api/me/settings": () => json(defaults),
        "GET /api/me/quota": (url) => {
          expect(url.searchParams.get("agencyId")).toBe("7");
          return json({ notes: [note] });
        },
      }),
      <App />,
    );
    const notes = await screen.findByRole("region", { name: "โควตาข้อความของบัญชี LINE" });
    expect(notes.textContent).toBe(note);
  });
});
