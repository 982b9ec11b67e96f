import { describe, expect, it } from "vitest";
import {
  dueOutsidePeriod,
  formFieldErrors,
  measureCreateSchema,
  measureEditSchema,
  parseDateInput,
  periodProblems,
  stepPlanPatchSchema,
  stepPlanSchema,
} from "../../../core/schemas/measure-form.ts";

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : formFieldErrors(result.error as Parameters<typeof formFieldErrors>[0]);

describe("dates as officials type them", () => {
  it("reads ISO dates and day/month/year (พ.ศ. or ค.ศ.) in Thai or Arabic digits", () => {
    expect(parseDateInput("2025-03-31")).toBe("2025-03-31");
    expect(parseDateInput("31/3/2568")).toBe("2025-03-31");
    expect(parseDateInput("๓๑/๐๓/๒๕๖๘")).toBe("2025-03-31");
    expect(parseDateInput("๓๑/๓/๖๘")).toBe("2025-03-31");
    expect(parseDateInput("31-03-2025")).toBe("2025-03-31");
    expect(parseDateInput("31.3.2025")).toBe("2025-03-31");
    expect(parseDateInput("๒๕๖๘-๐๓-๓๑")).toBe("2025-03-31");
    expect(parseDateInput("  ")).toBeNull();
  });

  it("refuses dates that do not exist", () => {
    expect(parseDateInput("31/02/2568")).toBeUndefined();
    expect(parseDateInput("29/2/2567")).toBe("2024-02-29");
    expect(parseDateInput("พรุ่งนี้")).toBeUndefined();
    expect(parseDateInput("31 มีนาคม 2568")).toBeUndefined();
    expect(parseDateInput("2025-13-01")).toBeUndefined();
  });
});

describe("measure create form", () => {
  const form = {
    fiscalYear: "๒๕๖๘",
    title: "  เปิดเผยข้อมูลการจัดซื้อจัดจ้าง ",
    indicators: ["9", "๑๐", "9"],
    method: "ประกาศผลทุกเดือนบนเว็บไซต์",
    responsibleUnit: "กองคลัง",
    periodStart: "1/10/2567",
    periodEnd: "30/9/2568",
    ownerIds: ["12", "3"],
    steps: [
      { title: "จัดทำแผน", dueOn: "๓๑/๑๐/๒๕๖๗", ownerIds: [] },
      { title: "ประกาศผล", dueOn: "", ownerIds: ["3"] },
    ],
  };

  it("turns the form's strings (Thai digits too) into what the repository takes", () => {
    const result = measureCreateSchema.parse(form);
    expect(result).toEqual({
      fiscalYear: 2568,
      title: "เปิดเผยข้อมูลการจัดซื้อจัดจ้าง",
      indicators: [9, 10],
      method: "ประกาศผลทุกเดือนบนเว็บไซต์",
      responsibleUnit: "กองคลัง",
      periodStart: "2024-10-01",
      periodEnd: "2025-09-30",
      ownerIds: [3, 12],
      steps: [
        { title: "จัดทำแผน", dueOn: "2024-10-31", ownerIds: [] },
        { title: "ประกาศผล", dueOn: null, ownerIds: [3] },
      ],
    });
    // What the app checked is what it sends: the output is valid input and reads the same.
    expect(measureCreateSchema.parse(result)).toEqual(result);
  });

  it("needs only a fiscal year and a title", () => {
    expect(measureCreateSchema.parse({ fiscalYear: 2568, title: "มาตรการ" })).toMatchObject({
      indicators: [],
      method: "",
      periodStart: null,
      ownerIds: [],
      steps: [],
    });
  });

  it("names each wrong field in Thai, steps by their row", () => {
    const errors = errorsOf(
      measureCreateSchema.safeParse({
        ...form,
        fiscalYear: "ปีหน้า",
        title: " ",
        indicators: ["100"],
        ownerIds: ["x"],
        periodEnd: "31/02/2568",
        steps: [{ title: "", dueOn: "1/1/2567", ownerIds: [] }],
      }),
    );
    expect(errors).toEqual({
      fiscalYear: "ใส่ปีงบประมาณเป็น พ.ศ. เช่น 2568",
      title: "ใส่ชื่อมาตรการ",
      indicators: "ตัวชี้วัดต้องเป็นเลข 1–99",
      ownerIds: "เลือกผู้รับผิดชอบจากรายชื่อสมาชิกของหน่วยงาน",
      periodEnd: "วันที่ไม่ถูกต้อง ใส่เป็น วัน/เดือน/ปี พ.ศ. เช่น 31/03/2568",
      "steps.0.title": "ใส่ชื่อขั้นตอน",
      // The period end did not parse, so only its start bounds the step.
      "steps.0.dueOn": "วันครบกำหนดต้องอยู่ในระยะเวลาของมาตรการ (1 ต.ค. 67 – …)",
    });
  });

  it("wants the period in order and every step due within it", () => {
    const errors = errorsOf(
      measureCreateSchema.safeParse({
        ...form,
        periodStart: "1/10/2567",
        periodEnd: "31/3/2568",
        steps: [{ title: "ก", dueOn: "1/4/2568" }],
      }),
    );
    expect(errors).toEqual({
      "steps.0.dueOn": "วันครบกำหนดต้องอยู่ในระยะเวลาของมาตรการ (1 ต.ค. 67 – 31 มี.ค. 68)",
    });
    expect(errorsOf(measureCreateSchema.safeParse({ ...form, periodEnd: "30/9/2567", steps: [] }))).toEqual({
      periodEnd: "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม",
    });
  });

  it("refuses a body that is not an object with an answer, not a crash", () => {
    for (const body of [null, 5, "x", []]) {
      expect(measureCreateSchema.safeParse(body).success).toBe(false);
      expect(measureEditSchema.safeParse(body).success).toBe(false);
    }
  });

  it("refuses more than 30 steps", () => {
    const steps = Array.from({ length: 31 }, (_, i) => ({ title: `ขั้น ${i}` }));
    expect(errorsOf(measureCreateSchema.safeParse({ ...form, steps }))).toEqual({
      steps: "ขั้นตอนได้ไม่เกิน 30 ขั้น",
    });
  });
});

describe("measure edit and step plan", () => {
  it("edits only the plan fields it is given, never the fiscal year", () => {
    const edit = measureEditSchema.parse({ title: "ใหม่", fiscalYear: 2570, periodStart: "" });
    expect(edit).toEqual({ title: "ใหม่", periodStart: null });
    expect(errorsOf(measureEditSchema.safeParse({ title: "", method: 5 }))).toEqual({
      title: "ใส่ชื่อมาตรการ",
      method: "ข้อความไม่ถูกต้อง",
    });
    expect(stepPlanPatchSchema.parse({ dueOn: "" })).toEqual({ dueOn: null });
  });

  it("checks a step's title and due date", () => {
    expect(stepPlanSchema.parse({ title: "ติดประกาศ", dueOn: "๑๕/๑/๒๕๖๘", ownerIds: ["๗"] })).toEqual({
      title: "ติดประกาศ",
      dueOn: "2025-01-15",
      ownerIds: [7],
    });
    expect(errorsOf(stepPlanSchema.safeParse({ title: "x".repeat(501), dueOn: "15/13/2568" }))).toEqual({
      title: "ชื่อยาวเกิน 500 ตัวอักษร กรุณาย่อให้สั้นลง",
      dueOn: "วันที่ไม่ถูกต้อง ใส่เป็น วัน/เดือน/ปี พ.ศ. เช่น 31/03/2568",
    });
  });

  it("says when a period is out of order or would leave a planned step outside", () => {
    const period = { periodStart: "2024-11-01", periodEnd: "2025-06-30" };
    expect(dueOutsidePeriod("2025-07-01", period)).toContain("30 มิ.ย. 68");
    expect(dueOutsidePeriod(null, period)).toBeUndefined();
    expect(dueOutsidePeriod("2030-01-01", { periodStart: null, periodEnd: null })).toBeUndefined();
    expect(
      periodProblems(period, [
        { seq: 1, dueOn: "2024-10-31" },
        { seq: 2, dueOn: "2025-03-01" },
        { seq: 3, dueOn: "2025-08-31" },
        { seq: 4, dueOn: null },
      ]),
    ).toEqual({
      periodStart: "ขั้นตอนที่ 1 ครบกำหนด 31 ต.ค. 67 ก่อนวันเริ่มนี้ แก้วันครบกำหนดก่อน",
      periodEnd: "ขั้นตอนที่ 3 ครบกำหนด 31 ส.ค. 68 หลังวันสิ้นสุดนี้ แก้วันครบกำหนดก่อน",
    });
    expect(periodProblems({ periodStart: "2025-06-01", periodEnd: "2025-05-01" }, [])).toEqual({
      periodEnd: "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม",
    });
  });
});
