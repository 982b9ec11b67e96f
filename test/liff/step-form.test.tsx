import { cleanup, fireEvent, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StepForm } from "../../liff/src/StepForm.tsx";
import { fakeServer, json, renderWith, step } from "./fixtures.tsx";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const type = (label: RegExp | string, value: string) => {
  const field = screen.getByLabelText(label) as HTMLInputElement;
  field.value = value;
  fireEvent.input(field);
  return field;
};

const messageOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute("aria-describedby") ?? "");

describe("step status form", () => {
  it("refuses an evidence link without https:// next to the field, without calling the server", async () => {
    const fetch = fakeServer({});
    renderWith(fetch, <StepForm agencyId={7} step={step()} onSaved={vi.fn()} />);

    const evidence = type("ลิงก์หลักฐาน", "www.example.go.th");
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));

    await waitFor(() => expect(evidence.getAttribute("aria-invalid")).toBe("true"));
    expect(messageOf(evidence)?.textContent).toBe(
      "ลิงก์หลักฐานต้องขึ้นต้นด้วย https:// เช่น https://www.example.go.th/ita/o10",
    );
    expect(evidence.closest(".field")?.contains(messageOf(evidence))).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("keeps every field's message line in place before any error (no layout shift)", () => {
    renderWith(fakeServer({}), <StepForm agencyId={7} step={step()} onSaved={vi.fn()} />);
    for (const label of ["ความคืบหน้า (%)", "บันทึกการดำเนินงาน", "ลิงก์หลักฐาน", /วันที่เสร็จ/]) {
      expect(messageOf(screen.getByLabelText(label))?.textContent).toBe("");
    }
  });

  it("restores a typed draft after the form is mounted again", () => {
    const first = renderWith(fakeServer({}), <StepForm agencyId={7} step={step()} onSaved={vi.fn()} />);
    fireEvent.click(screen.getByRole("radio", { name: "กำลังดำเนินการ" }));
    type("ความคืบหน้า (%)", "60");
    type("บันทึกการดำเนินงาน", "ติดป้ายที่หน้าสำนักงานแล้ว รอถ่ายรูป");
    first.unmount();

    renderWith(fakeServer({}), <StepForm agencyId={7} step={step()} onSaved={vi.fn()} />);
    expect((screen.getByRole("radio", { name: "กำลังดำเนินการ" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("ความคืบหน้า (%)") as HTMLInputElement).value).toBe("60");
    expect((screen.getByLabelText("บันทึกการดำเนินงาน") as HTMLTextAreaElement).value).toBe(
      "ติดป้ายที่หน้าสำนักงานแล้ว รอถ่ายรูป",
    );
    expect(screen.getByRole("status").textContent).toContain("ยังไม่ได้บันทึก");
  });

  it("keeps the draft when the server fails, and drops it once the server accepts", async () => {
    let up = false;
    const fetch = fakeServer({
      "POST /api/agencies/7/steps/11/status": async (_url, init) => {
        if (!up) return json({ error: "ระบบขัดข้อง" }, 500);
        const body = JSON.parse(String(init.body));
        return json({ step: step({ ...body, evidenceUrl: body.evidenceUrl || null, doneOn: null }) });
      },
    });
    const onSaved = vi.fn();
    const first = renderWith(fetch, <StepForm agencyId={7} step={step()} onSaved={onSaved} />);
    type("บันทึกการดำเนินงาน", "ประชุมแล้ว");
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));
    await screen.findByText(/ระบบขัดข้อง/);
    expect(onSaved).not.toHaveBeenCalled();
    first.unmount();

    up = true;
    const second = renderWith(fetch, <StepForm agencyId={7} step={step()} onSaved={onSaved} />);
    expect((screen.getByLabelText("บันทึกการดำเนินงาน") as HTMLTextAreaElement).value).toBe("ประชุมแล้ว");
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [, init] = fetch.mock.calls.at(-1)!;
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer test-id-token");
    expect(JSON.parse(String(init?.body))).toMatchObject({
      status: "not_started",
      progress: 0,
      note: "ประชุมแล้ว",
    });
    second.unmount();

    renderWith(fetch, <StepForm agencyId={7} step={step()} onSaved={onSaved} />);
    expect((screen.getByLabelText("บันทึกการดำเนินงาน") as HTMLTextAreaElement).value).toBe("");
  });

  it("shows the server's field errors next to their fields", async () => {
    const fetch = fakeServer({
      "POST /api/agencies/7/steps/11/status": () =>
        json({ error: "กรุณาแก้ข้อมูลที่ระบุ", fields: { doneOn: "วันที่ไม่ถูกต้อง" } }, 400),
    });
    renderWith(fetch, <StepForm agencyId={7} step={step()} onSaved={vi.fn()} />);
    fireEvent.click(screen.getByRole("button", { name: "บันทึก" }));
    const doneOn = screen.getByLabelText(/วันที่เสร็จ/);
    await waitFor(() => expect(messageOf(doneOn)?.textContent).toBe("วันที่ไม่ถูกต้อง"));
    expect(screen.getByRole("alert").textContent).toBe("กรุณาแก้ข้อมูลที่ระบุ");
  });
});
