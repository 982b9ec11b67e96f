import { describe, expect, it } from "vitest";
import type { FrameworkDocument } from "../../../core/ita/framework.ts";
import { frameworkChanges } from "../../../core/ita/framework-diff.ts";
import { fw } from "../../fixtures/frameworks.ts";

const doc = (year = 2569): FrameworkDocument => structuredClone(fw(year).document);

describe("frameworkChanges", () => {
  it("says the year was added when there is no previous version", () => {
    expect(frameworkChanges(undefined, doc())).toEqual(["+ year 2569"]);
    expect(frameworkChanges(undefined, doc(2565))).toEqual(["+ year 2565"]);
  });

  it("finds nothing between identical documents", () => {
    expect(frameworkChanges(doc(), doc())).toEqual([]);
    expect(frameworkChanges(fw(2565).document, doc(2565))).toEqual([]);
  });

  it("names a changed item title by the item's code, with both values", () => {
    const after = doc();
    const o25 = after.items.find((i) => i.code === "O25")!;
    o25.titleTh = "หัวข้อใหม่";
    expect(frameworkChanges(doc(), after)).toEqual([
      'items[O25].titleTh: "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" → "หัวข้อใหม่"',
    ]);
  });

  it("still finds an item by its code after an item before it is removed", () => {
    const after = doc();
    after.items = after.items.filter((i) => i.code !== "O2");
    expect(frameworkChanges(doc(), after)).toEqual(["- items[O2]"]);
  });

  it("lists added and removed items by code", () => {
    const after = doc();
    after.items = after.items.filter((i) => i.code !== "O2");
    after.items.push({ code: "O27", titleTh: "ข้อใหม่" });
    const changes = frameworkChanges(doc(), after);
    expect(changes).toContain("+ items[O27]");
    expect(changes).toContain("- items[O2]");
    expect(changes).toHaveLength(2);
  });

  it("names a changed tool weight by the tool code", () => {
    const after = doc();
    after.tools[1]!.weightPercent = 35;
    after.tools[2]!.weightPercent = 35;
    expect(frameworkChanges(doc(), after)).toEqual([
      "tools[EIT].weightPercent: 30 → 35",
      "tools[OIT].weightPercent: 40 → 35",
    ]);
  });

  it("names a changed indicator by its number and a changed level by its code", () => {
    const after = doc();
    after.indicators[1]!.nameTh = "การใช้จ่ายงบประมาณ";
    after.levels[2]!.color = "#000000";
    expect(frameworkChanges(doc(), after)).toEqual([
      'indicators[2].nameTh: "การใช้งบประมาณ" → "การใช้จ่ายงบประมาณ"',
      'levels[ผ่าน].color: "#7CB342" → "#000000"',
    ]);
  });

  it("names a changed part and sub-indicator by their codes", () => {
    const a = doc();
    a.tools[1]!.parts![1]!.nameTh = "EIT ส่วนที่ 2";
    expect(frameworkChanges(doc(), a)).toEqual([
      'tools[EIT].parts[EIT2].nameTh: "EIT ส่วนที่ 2 การสำรวจ" → "EIT ส่วนที่ 2"',
    ]);
    const b = doc(2565);
    b.indicators[8]!.subIndicators![0]!.nameTh = "ข้อมูลพื้นฐานของหน่วยงาน";
    expect(frameworkChanges(doc(2565), b)).toEqual([
      'indicators[9].subIndicators[9.1].nameTh: "ข้อมูลพื้นฐาน" → "ข้อมูลพื้นฐานของหน่วยงาน"',
    ]);
  });

  it("says the order changed when indicators are only reordered", () => {
    const after = doc();
    after.indicators.reverse();
    expect(frameworkChanges(doc(), after)).toEqual(["~ indicators: order"]);
  });

  it("shows a changed plain list whole, and a changed value in a top-level field", () => {
    const after = doc();
    after.indicators[0]!.items = ["i1", "i2"];
    after.passMark = 80;
    expect(frameworkChanges(doc(), after)).toEqual([
      "passMark: 85 → 80",
      'indicators[1].items: ["i1","i2","i3"] → ["i1","i2"]',
    ]);
  });

  it("shows an added or removed optional field as undefined on the other side", () => {
    const after = doc();
    after.nameTh = "กรอบการประเมิน ITA ปี ๒๕๖๙";
    delete after.provisionalNote;
    expect(frameworkChanges(doc(), after)).toEqual([
      'provisionalNote: "รอยืนยันจาก ป.ป.ช." → undefined',
      'nameTh: undefined → "กรอบการประเมิน ITA ปี ๒๕๖๙"',
    ]);
  });

  it("shortens a long value to 80 characters", () => {
    const after = doc();
    after.source = "ก".repeat(200);
    const [line] = frameworkChanges(doc(), after);
    const shown = line!.slice(line!.lastIndexOf(" → ") + 3);
    expect(shown).toHaveLength(78);
    expect(shown.endsWith("…")).toBe(true);
  });

  it("cuts more than 200 changes with how many more there are", () => {
    const codes = [
      ...Array.from({ length: 99 }, (_, i) => `a${i + 1}`),
      ...Array.from({ length: 99 }, (_, i) => `b${i + 1}`),
      ...Array.from({ length: 52 }, (_, i) => `c${i + 1}`),
    ];
    const before = { ...doc(), items: codes.map((code) => ({ code })) };
    const after = { ...doc(), items: [] };
    const changes = frameworkChanges(before, after);
    expect(changes).toHaveLength(201);
    expect(changes[0]).toBe("- items[a1]");
    expect(changes[199]).toBe("- items[c2]");
    expect(changes[200]).toBe("… 50 more");
  });

  it("does not cut exactly 200 changes", () => {
    const codes = [
      ...Array.from({ length: 99 }, (_, i) => `a${i + 1}`),
      ...Array.from({ length: 99 }, (_, i) => `b${i + 1}`),
      "c1",
      "c2",
    ];
    const before = { ...doc(), items: codes.map((code) => ({ code })) };
    const changes = frameworkChanges(before, { ...doc(), items: [] });
    expect(changes).toHaveLength(200);
    expect(changes.some((c) => c.startsWith("…"))).toBe(false);
  });
});
