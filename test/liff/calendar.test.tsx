import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { CalendarEntry, CalendarView } from "../../liff/src/api/types.ts";
import { CalendarPage } from "../../liff/src/CalendarPage.tsx";
import { fakeServer, json, member, renderWith } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
});

const national: CalendarEntry[] = [
  {
    id: 1,
    key: "annual-report",
    titleTh: "ส่งรายงานผลการดำเนินงานประจำปีงบประมาณ ๒๕๖๙",
    startsOn: null,
    dueOn: "2026-10-30",
    kind: "duty",
    provisional: false,
    daysLeft: -26,
  },
  {
    id: 4,
    key: "oit-submission",
    titleTh: "ITA ๒๕๗๐: เผยแพร่ข้อมูล OIT บนเว็บไซต์และส่งคำตอบในระบบ ITAS",
    startsOn: "2027-03-01",
    dueOn: "2027-04-30",
    kind: "ita",
    provisional: true,
    daysLeft: 156,
  },
];

const meeting: CalendarEntry = {
  id: 40,
  key: null,
  titleTh: "ประชุมคณะทำงาน ITA",
  startsOn: null,
  dueOn: "2027-01-15",
  kind: "agency",
  provisional: false,
  daysLeft: 51,
};

type Handlers = Parameters<typeof fakeServer>[0];

/** A calendar server that keeps the agency's own dates, so a reload shows what was written. */
function server(options: { canEdit?: boolean; own?: CalendarEntry[]; extra?: Handlers } = {}) {
  const state = { own: [...(options.own ?? [meeting])] };
  const view = (): CalendarView => ({
    year: 2570,
    today: "2026-11-25",
    canEdit: options.canEdit ?? true,
    national,
    own: state.own,
  });
  const fetch = fakeServer({ "GET /api/agencies/7/calendar": () => json(view()), ...options.extra });
  return { fetch, state };
}

const callsOf = (fetch: ReturnType<typeof fakeServer>, method: string) =>
  fetch.mock.calls
    .filter(([, init]) => (init?.method ?? "GET") === method)
    .map(([input, init]) => ({
      url: String(input),
      ...(init?.body === undefined ? {} : { body: JSON.parse(String(init.body)) as unknown }),
    }));
const loads = (fetch: ReturnType<typeof fakeServer>) =>
  callsOf(fetch, "GET").filter((c) => c.url === "/api/agencies/7/calendar").length;

const fill = (form: HTMLElement, label: RegExp, value: string) => {
  const input = within(form).getByLabelText(label) as HTMLInputElement;
  input.value = value;
  fireEvent.input(input);
  return input;
};
const messageOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent ?? "";

describe("calendar page", () => {
  it("lists the NACC's dates in full Thai dates with days left, marking provisional ones", async () => {
    const { fetch } = server();
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    const list = await screen.findByRole("list", { name: "ปฏิทินของ ป.ป.ช." });
    expect(screen.getByRole("heading", { name: "ปฏิทินของ ป.ป.ช." })).toBeTruthy();
    expect(screen.getByText("ปีงบประมาณ พ.ศ. 2570")).toBeTruthy();
    const [report, oit] = within(list).getAllByRole("listitem");
    expect(oit!.textContent).toContain(national[1]!.titleTh);
    expect(oit!.textContent).toContain("1 มีนาคม 2570 – 30 เมษายน 2570");
    expect(oit!.textContent).toContain("อีก 156 วัน");
    expect(within(oit!).getByText("โดยประมาณ")).toBeTruthy();
    expect(report!.textContent).toContain("30 ตุลาคม 2569");
    expect(report!.textContent).toContain("ผ่านมาแล้ว 26 วัน");
    expect(within(report!).queryByText("โดยประมาณ")).toBeNull();
    expect(screen.getByText(/รอประกาศจาก ป\.ป\.ช\./)).toBeTruthy();

    const own = screen.getByRole("list", { name: "วันสำคัญของหน่วยงาน" });
    expect(within(own).getAllByRole("listitem")).toHaveLength(1);
    expect(own.textContent).toContain("ประชุมคณะทำงาน ITA");
    expect(own.textContent).toContain("15 มกราคม 2570 · อีก 51 วัน");
  });

  it("adds an admin's date as typed in พ.ศ. and reloads the calendar with it", async () => {
    const { fetch, state } = server({
      extra: {
        "POST /api/agencies/7/calendar": () => {
          const entry: CalendarEntry = {
            ...meeting,
            id: 41,
            titleTh: "ส่งแผนปรับปรุงให้ผู้บริหาร",
            dueOn: "2027-04-30",
            daysLeft: 156,
          };
          state.own = [...state.own, entry];
          return json({ entry }, 201);
        },
      },
    });
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    const form = await screen.findByRole("form", { name: "เพิ่มวันสำคัญ" });
    expect(loads(fetch)).toBe(1);
    fill(form, /ชื่อวันสำคัญ/, "ส่งแผนปรับปรุงให้ผู้บริหาร");
    fill(form, /วันครบกำหนด/, "30/4/2570");
    fireEvent.click(within(form).getByRole("button", { name: "เพิ่มวันสำคัญ" }));

    await waitFor(() =>
      expect(screen.getByRole("list", { name: "วันสำคัญของหน่วยงาน" }).textContent).toContain(
        "ส่งแผนปรับปรุงให้ผู้บริหาร",
      ),
    );
    expect(callsOf(fetch, "POST")).toEqual([
      {
        url: "/api/agencies/7/calendar",
        body: { titleTh: "ส่งแผนปรับปรุงให้ผู้บริหาร", dueOn: "30/4/2570", startsOn: null },
      },
    ]);
    expect(loads(fetch)).toBe(2);
    // The form is ready for the next date.
    const again = screen.getByRole("form", { name: "เพิ่มวันสำคัญ" });
    expect((within(again).getByLabelText(/ชื่อวันสำคัญ/) as HTMLInputElement).value).toBe("");
  });

  it("refuses a day that does not exist and an empty title next to the fields, without calling the server", async () => {
    const { fetch } = server();
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    const form = await screen.findByRole("form", { name: "เพิ่มวันสำคัญ" });
    const title = fill(form, /ชื่อวันสำคัญ/, "  ");
    const due = fill(form, /วันครบกำหนด/, "31/2/2570");
    fireEvent.click(within(form).getByRole("button", { name: "เพิ่มวันสำคัญ" }));

    await waitFor(() => expect(due.getAttribute("aria-invalid")).toBe("true"));
    expect(messageOf(due)).toBe("วันที่ไม่ถูกต้อง ใส่เป็น วัน/เดือน/ปี พ.ศ. เช่น 30/04/2570");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(messageOf(title)).toBe("ใส่ชื่อวันสำคัญ");

    // A start after the due date is named on the start field.
    fill(form, /ชื่อวันสำคัญ/, "ประชุม");
    fill(form, /วันครบกำหนด/, "30/4/2570");
    const start = fill(form, /วันเริ่ม/, "1/5/2570");
    fireEvent.click(within(form).getByRole("button", { name: "เพิ่มวันสำคัญ" }));
    await waitFor(() => expect(messageOf(start)).toBe("วันเริ่มต้องไม่หลังวันครบกำหนด"));
    expect(due.getAttribute("aria-invalid")).toBeNull();
    expect(messageOf(title)).toBe("");

    expect(callsOf(fetch, "POST")).toEqual([]);
    expect(loads(fetch)).toBe(1);
  });

  it("shows the server's field message when it refuses the date", async () => {
    const refusal = "ปีงบประมาณนี้ยังไม่เปิดในระบบ";
    const { fetch } = server({
      extra: {
        "POST /api/agencies/7/calendar": () =>
          json({ error: "กรุณาแก้ข้อมูลที่ระบุ", fields: { dueOn: refusal } }, 400),
      },
    });
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    const form = await screen.findByRole("form", { name: "เพิ่มวันสำคัญ" });
    fill(form, /ชื่อวันสำคัญ/, "ประชุม");
    const due = fill(form, /วันครบกำหนด/, "30/4/2570");
    fireEvent.click(within(form).getByRole("button", { name: "เพิ่มวันสำคัญ" }));

    await waitFor(() => expect(messageOf(due)).toBe(refusal));
    expect(due.getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByRole("alert").textContent).toBe("กรุณาแก้ข้อมูลที่ระบุ");
    // What was typed stays, and the calendar is not reloaded.
    expect(due.value).toBe("30/4/2570");
    expect(callsOf(fetch, "POST")).toHaveLength(1);
    expect(loads(fetch)).toBe(1);
  });

  it("lets an admin move an own date, starting from its current values, and reloads", async () => {
    const { fetch, state } = server({
      extra: {
        "PATCH /api/agencies/7/calendar/40": () => {
          const entry = { ...meeting, dueOn: "2027-01-20", startsOn: "2027-01-10", daysLeft: 56 };
          state.own = [entry];
          return json({ entry });
        },
      },
    });
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    const card = (await screen.findByText("ประชุมคณะทำงาน ITA")).closest("li")!;
    fireEvent.click(within(card).getByRole("button", { name: "แก้ไข" }));
    const form = within(card).getByRole("form", { name: "แก้ไขวันสำคัญ" });
    expect((within(form).getByLabelText(/ชื่อวันสำคัญ/) as HTMLInputElement).value).toBe("ประชุมคณะทำงาน ITA");
    expect((within(form).getByLabelText(/วันครบกำหนด/) as HTMLInputElement).value).toBe("15/1/2570");
    expect((within(form).getByLabelText(/วันเริ่ม/) as HTMLInputElement).value).toBe("");
    fill(form, /วันครบกำหนด/, "20/1/2570");
    fill(form, /วันเริ่ม/, "10/1/2570");
    fireEvent.click(within(form).getByRole("button", { name: "บันทึก" }));

    await waitFor(() =>
      expect(screen.getByRole("list", { name: "วันสำคัญของหน่วยงาน" }).textContent).toContain(
        "10 มกราคม 2570 – 20 มกราคม 2570 · อีก 56 วัน",
      ),
    );
    expect(callsOf(fetch, "PATCH")).toEqual([
      {
        url: "/api/agencies/7/calendar/40",
        body: { titleTh: "ประชุมคณะทำงาน ITA", dueOn: "20/1/2570", startsOn: "10/1/2570" },
      },
    ]);
    expect(loads(fetch)).toBe(2);
    expect(screen.queryByRole("form", { name: "แก้ไขวันสำคัญ" })).toBeNull();
  });

  it("asks before deleting an own date, then deletes it and reloads", async () => {
    const { fetch, state } = server({
      extra: {
        "DELETE /api/agencies/7/calendar/40": () => {
          state.own = [];
          return json({ ok: true });
        },
      },
    });
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    const card = (await screen.findByText("ประชุมคณะทำงาน ITA")).closest("li")!;
    fireEvent.click(within(card).getByRole("button", { name: "ลบ" }));
    let confirm = within(card).getByRole("alertdialog", { name: "ยืนยันการลบ" });
    expect(confirm.textContent).toContain("ลบ “ประชุมคณะทำงาน ITA” ออกจากปฏิทินของหน่วยงาน?");
    fireEvent.click(within(confirm).getByRole("button", { name: "ยกเลิก" }));
    expect(within(card).queryByRole("alertdialog")).toBeNull();
    expect(callsOf(fetch, "DELETE")).toEqual([]);

    fireEvent.click(within(card).getByRole("button", { name: "ลบ" }));
    confirm = within(card).getByRole("alertdialog", { name: "ยืนยันการลบ" });
    fireEvent.click(within(confirm).getByRole("button", { name: "ลบ" }));

    await screen.findByText("ยังไม่มีวันสำคัญของหน่วยงาน");
    expect(screen.queryByText("ประชุมคณะทำงาน ITA")).toBeNull();
    expect(callsOf(fetch, "DELETE")).toEqual([{ url: "/api/agencies/7/calendar/40" }]);
    expect(loads(fetch)).toBe(2);
  });

  it("shows the server's reason when a delete is refused, and keeps the date", async () => {
    const reason = "วันสำคัญของหน่วยงานแก้ได้เฉพาะผู้ดูแลของหน่วยงาน";
    const { fetch } = server({
      extra: { "DELETE /api/agencies/7/calendar/40": () => json({ error: reason }, 403) },
    });
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    const card = (await screen.findByText("ประชุมคณะทำงาน ITA")).closest("li")!;
    fireEvent.click(within(card).getByRole("button", { name: "ลบ" }));
    const confirm = within(card).getByRole("alertdialog", { name: "ยืนยันการลบ" });
    fireEvent.click(within(confirm).getByRole("button", { name: "ลบ" }));
    await waitFor(() => expect(within(card).getByRole("alert").textContent).toBe(reason));
    expect(screen.getByText("ประชุมคณะทำงาน ITA")).toBeTruthy();
    expect(loads(fetch)).toBe(1);
  });

  it("shows a viewer the dates with no form and no edit or delete buttons", async () => {
    const { fetch } = server({ canEdit: false });
    renderWith(fetch, <CalendarPage membership={member("viewer")} />);
    await screen.findByRole("list", { name: "ปฏิทินของ ป.ป.ช." });
    expect(screen.getByText("ประชุมคณะทำงาน ITA")).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.queryByRole("button", { name: "แก้ไข" })).toBeNull();
    expect(screen.queryByRole("button", { name: "ลบ" })).toBeNull();
    expect(screen.queryByRole("button", { name: "เพิ่มวันสำคัญ" })).toBeNull();
    expect(screen.queryByLabelText(/ชื่อวันสำคัญ/)).toBeNull();
  });

  it("tells the agency it has no dates of its own yet", async () => {
    const { fetch } = server({ own: [] });
    renderWith(fetch, <CalendarPage membership={member("admin")} />);
    await screen.findByText("ยังไม่มีวันสำคัญของหน่วยงาน");
    expect(screen.queryByRole("list", { name: "วันสำคัญของหน่วยงาน" })).toBeNull();
    expect(screen.getByRole("form", { name: "เพิ่มวันสำคัญ" })).toBeTruthy();
  });
});
