import { cleanup, fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MemberSummary } from "../../liff/src/api/types.ts";
import { MeasureForm } from "../../liff/src/MeasureForm.tsx";
import { FRAMEWORK, fakeServer, json, measure, renderWith, step } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const members: MemberSummary[] = [
  { id: 3, displayName: "สมชาย", role: "admin", active: true, joinedAt: "2025-01-01T00:00:00Z" },
  { id: 4, displayName: "มานี", role: "editor", active: true, joinedAt: "2025-01-01T00:00:00Z" },
];

const type = (field: HTMLElement, value: string) => {
  (field as HTMLInputElement).value = value;
  fireEvent.input(field);
  return field;
};
const byName = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const messageOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute("aria-describedby") ?? "");

const newForm = (fetch = fakeServer({}), onSaved = vi.fn()) =>
  renderWith(
    fetch,
    <MeasureForm
      agencyId={7}
      years={[2568, 2569]}
      members={members}
      indicators={FRAMEWORK.indicators}
      onSaved={onSaved}
    />,
  );

describe("measure form", () => {
  it("shows Thai messages next to the wrong fields, without calling the server", async () => {
    const fetch = fakeServer({});
    newForm(fetch);
    type(byName("periodStart"), "2025-03-01");
    type(byName("periodEnd"), "2025-02-01");
    fireEvent.click(screen.getByRole("button", { name: "สร้างมาตรการ" }));

    const title = screen.getByLabelText("ชื่อมาตรการ");
    await waitFor(() => expect(title.getAttribute("aria-invalid")).toBe("true"));
    expect(messageOf(title)?.textContent).toBe("ใส่ชื่อมาตรการ");
    expect(messageOf(byName("periodEnd"))?.textContent).toBe("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม");
    expect(messageOf(byName("steps.0.title"))?.textContent).toBe("ใส่ชื่อขั้นตอน");
    expect(document.activeElement).toBe(title);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("keeps a message line under every field before any error (no layout shift)", () => {
    newForm();
    for (const name of ["fiscalYear", "title", "method", "responsibleUnit", "periodStart", "periodEnd"]) {
      expect(messageOf(byName(name))?.textContent).toBe("");
    }
    for (const name of ["indicators", "ownerIds", "steps.0.title", "steps.0.dueOn", "steps.0.ownerIds"]) {
      const line = document.getElementById(`${name}-message`);
      expect(line?.textContent).toBe("");
      expect(line?.getAttribute("style")).toContain("min-height");
    }
  });

  it("keeps what was typed, steps included, across a remount and a failed submit; sends it once the server is back", async () => {
    let up = false;
    const fetch = fakeServer({
      "POST /api/agencies/7/measures": () =>
        up ? json({ measure: measure({ id: 40 }) }, 201) : json({ error: "ระบบขัดข้อง" }, 500),
    });
    const onSaved = vi.fn();
    const first = newForm(fetch, onSaved);
    type(screen.getByLabelText("ชื่อมาตรการ"), "เปิดเผยแผนจัดซื้อจัดจ้าง");
    fireEvent.click(screen.getByRole("checkbox", { name: "9. การเปิดเผยข้อมูล" }));
    fireEvent.click(screen.getAllByRole("checkbox", { name: "มานี" })[0]!);
    type(byName("steps.0.title"), "จัดทำแผน");
    fireEvent.click(screen.getByRole("button", { name: "+ เพิ่มขั้นตอน" }));
    type(byName("steps.1.title"), "ประกาศแผน");
    type(byName("steps.1.dueOn"), "2025-11-30");
    fireEvent.click(screen.getByRole("button", { name: "สร้างมาตรการ" }));
    await screen.findByText(/ระบบขัดข้อง.*ยังเก็บไว้ในเครื่องนี้/);
    expect(onSaved).not.toHaveBeenCalled();
    first.unmount();

    up = true;
    newForm(fetch, onSaved);
    expect(screen.getByText("แสดงข้อมูลที่กรอกค้างไว้ ยังไม่ได้บันทึก")).toBeTruthy();
    expect((screen.getByLabelText("ชื่อมาตรการ") as HTMLTextAreaElement).value).toBe("เปิดเผยแผนจัดซื้อจัดจ้าง");
    expect(byName("steps.1.title").value).toBe("ประกาศแผน");
    expect((screen.getByRole("checkbox", { name: "9. การเปิดเผยข้อมูล" }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole("button", { name: "สร้างมาตรการ" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [, init] = fetch.mock.calls.at(-1)!;
    expect(JSON.parse(String(init?.body))).toEqual({
      fiscalYear: 2568,
      title: "เปิดเผยแผนจัดซื้อจัดจ้าง",
      indicators: [9],
      method: "",
      responsibleUnit: "",
      periodStart: null,
      periodEnd: null,
      ownerIds: [4],
      steps: [
        { title: "จัดทำแผน", dueOn: null, ownerIds: [] },
        { title: "ประกาศแผน", dueOn: "2025-11-30", ownerIds: [] },
      ],
    });
    cleanup();
    newForm(fetch, onSaved);
    expect((screen.getByLabelText("ชื่อมาตรการ") as HTMLTextAreaElement).value).toBe("");
  });

  it("removes a step row without touching what was typed in the others", () => {
    newForm();
    type(byName("steps.0.title"), "ขั้นแรก");
    fireEvent.click(screen.getByRole("button", { name: "+ เพิ่มขั้นตอน" }));
    type(byName("steps.1.title"), "ขั้นที่สอง");
    fireEvent.click(screen.getByRole("button", { name: "ลบขั้นตอนที่ 1" }));
    expect(byName("steps.0.title").value).toBe("ขั้นที่สอง");
    expect(byName("steps.1.title")).toBeNull();
    expect(JSON.parse(localStorage.getItem("prongsai.draft.measure.new.7")!).steps).toEqual([
      { title: "ขั้นที่สอง", dueOn: "", ownerIds: [] },
    ]);
  });

  it("shows the server's field messages next to their fields, steps by row", async () => {
    const fetch = fakeServer({
      "POST /api/agencies/7/measures": () =>
        json(
          {
            error: "กรุณาแก้ข้อมูลที่ระบุ",
            fields: { "steps.0.ownerIds": "มีผู้ที่เลือกไม่ได้เป็นสมาชิกของหน่วยงานแล้ว กรุณาเลือกใหม่" },
          },
          400,
        ),
    });
    newForm(fetch);
    type(screen.getByLabelText("ชื่อมาตรการ"), "มาตรการ");
    type(byName("steps.0.title"), "ขั้นแรก");
    fireEvent.click(screen.getByRole("button", { name: "สร้างมาตรการ" }));
    await waitFor(() =>
      expect(document.getElementById("steps.0.ownerIds-message")?.textContent).toContain("ไม่ได้เป็นสมาชิก"),
    );
    expect(screen.getByRole("alert").textContent).toBe("กรุณาแก้ข้อมูลที่ระบุ");
  });

  it("edits a measure's plan fields with its stored values, offering to drop a waiting draft", async () => {
    const stored = measure({
      owners: [{ memberId: 3, displayName: "สมชาย" }],
      periodStart: "2024-10-01",
      periodEnd: "2025-09-30",
      steps: [step()],
    });
    const fetch = fakeServer({
      "PATCH /api/agencies/7/measures/5": (_url, init) => {
        const body = JSON.parse(String(init.body));
        return json({ measure: { ...stored, ...body, owners: [] } });
      },
    });
    const onSaved = vi.fn();
    const first = renderWith(
      fetch,
      <MeasureForm
        agencyId={7}
        measure={stored}
        years={[2568]}
        members={members}
        indicators={FRAMEWORK.indicators}
        onSaved={onSaved}
      />,
    );
    expect(screen.queryByLabelText("ปีงบประมาณ (พ.ศ.)")).toBeNull();
    expect(byName("periodStart").value).toBe("2024-10-01");
    expect((screen.getByRole("checkbox", { name: "สมชาย" }) as HTMLInputElement).checked).toBe(true);
    type(screen.getByLabelText("ชื่อมาตรการ"), "ชื่อใหม่");
    first.unmount();

    renderWith(
      fetch,
      <MeasureForm
        agencyId={7}
        measure={stored}
        years={[2568]}
        members={members}
        indicators={FRAMEWORK.indicators}
        onSaved={onSaved}
      />,
    );
    expect((screen.getByLabelText("ชื่อมาตรการ") as HTMLTextAreaElement).value).toBe("ชื่อใหม่");
    fireEvent.click(screen.getByRole("button", { name: "ใช้ข้อมูลเดิมจากระบบ" }));
    expect((screen.getByLabelText("ชื่อมาตรการ") as HTMLTextAreaElement).value).toBe(stored.title);
    fireEvent.click(screen.getByRole("checkbox", { name: "สมชาย" }));
    fireEvent.click(screen.getByRole("button", { name: "บันทึกมาตรการ" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(screen.getByText("บันทึกแล้ว")).toBeTruthy();
    const [, init] = fetch.mock.calls.at(-1)!;
    expect(JSON.parse(String(init?.body))).toMatchObject({
      title: stored.title,
      ownerIds: [],
      indicators: [9],
    });
  });
});
