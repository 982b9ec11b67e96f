import { describe, expect, it } from "vitest";
import { buildFramework, frameworkCatalog, itemKey, provisionalLabel } from "../../../core/ita/catalog.ts";
import { type FrameworkDocument, frameworkSchema } from "../../../core/ita/framework.ts";
import { fw, SHIPPED } from "../../fixtures/frameworks.ts";

/**
 * A made-up year with nothing of ITA's shape: two tools, six indicators, items p1–p12 three to an
 * indicator in the first four, and d1–d6 accepted by a range on OPEN without membership.
 */
const TEST_DOCUMENT: FrameworkDocument = frameworkSchema.parse({
  year: 2600,
  provisional: true,
  source: "a test document written by hand",
  passMark: 60,
  tools: [
    { code: "PERC", nameTh: "แบบวัดการรับรู้", weightPercent: 50 },
    { code: "OPEN", nameTh: "แบบตรวจการเปิดเผย", weightPercent: 50 },
  ],
  indicators: [
    { no: 1, nameTh: "การรับรู้ที่หนึ่ง", tool: "PERC", concept: "perception-one", items: ["p1", "p2", "p3"] },
    { no: 2, nameTh: "การรับรู้ที่สอง", tool: "PERC", items: ["p4", "p5", "p6"] },
    { no: 3, nameTh: "การรับรู้ที่สาม", tool: "PERC", items: ["p7", "p8", "p9"] },
    { no: 4, nameTh: "การเปิดเผยที่หนึ่ง", tool: "OPEN", concept: "open-one", items: ["p10", "p11", "p12"] },
    { no: 5, nameTh: "การเปิดเผยที่สอง", tool: "OPEN" },
    { no: 6, nameTh: "การเปิดเผยที่สาม", tool: "OPEN" },
  ],
  items: [
    { code: "p2", titleTh: "ข้อที่สอง", concept: "perception-item-two" },
    { code: "d3", titleTh: "เอกสารที่สาม", concept: "document-three", coverage: "previous" },
  ],
  itemRanges: [{ prefix: "d", from: 1, to: 6, tool: "OPEN" }],
  levels: [
    { code: "HIGH", nameTh: "สูง", minTotal: 80, minEachTool: 80, color: "#1B5E20" },
    { code: "MID", nameTh: "กลาง", minTotal: 60, color: "#7CB342" },
    { code: "LOW", nameTh: "ต่ำ", minTotal: 0, color: "#C62828" },
  ],
});

describe("itemKey", () => {
  it("reads an item code in any case and without leading zeros", () => {
    expect(itemKey("O025")).toBe("o25");
    expect(itemKey("o25")).toBe("o25");
    expect(itemKey(" i12 ")).toBe("i12");
    expect(itemKey("EIT9")).toBe("eit9");
  });

  it("refuses what is not an item code", () => {
    expect(itemKey("I 12")).toBeUndefined();
    expect(itemKey("O0")).toBeUndefined();
    expect(itemKey("O100")).toBeUndefined();
    expect(itemKey("ABCD1")).toBeUndefined();
    expect(itemKey("12")).toBeUndefined();
    expect(itemKey("")).toBeUndefined();
  });
});

describe("buildFramework", () => {
  it("finds an item in any case and with leading zeros, in the framework's own spelling", () => {
    const y2569 = fw(2569);
    const o25 = y2569.item("o025");
    expect(o25?.code).toBe("O25");
    expect(o25?.tool).toBe("OIT");
    expect(o25?.titleTh).toBe("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร");
    expect(y2569.item("O25")).toEqual(o25);
    const y2565 = fw(2565);
    expect(y2565.item("I05")).toMatchObject({ code: "i5", tool: "IIT", indicator: 1 });
    expect(y2565.item("o1")).toMatchObject({ code: "O1", tool: "OIT", indicator: 9, subIndicator: "9.1" });
  });

  it("does not find an item the year does not have, or a text that is not a code", () => {
    expect(fw(2569).item("O27")).toBeUndefined();
    expect(fw(2565).item("O44")).toBeUndefined();
    expect(fw(2569).item("I 12")).toBeUndefined();
    expect(fw(2569).item("")).toBeUndefined();
  });

  it("accepts an item in an itemRange without a definition, with its tool but no indicator", () => {
    const y2566 = fw(2566);
    expect(y2566.items).toEqual([]);
    expect(y2566.item("o43")).toEqual({ code: "O43", tool: "OIT" });
    expect(y2566.item("O44")).toBeUndefined();
  });

  it("keeps a defined item's title and concept when it is accepted by a range only", () => {
    const o11 = fw(2569).item("O11");
    expect(o11).toMatchObject({ code: "O11", tool: "OIT", concept: "procurement-monthly-summary" });
    expect(o11?.indicator).toBeUndefined();
  });

  it("lists the items an indicator rolls up from, directly or through its sub-indicators", () => {
    const y2565 = fw(2565);
    expect(y2565.itemsOf(1)).toEqual(["i1", "i2", "i3", "i4", "i5", "i6"]);
    expect(y2565.itemsOf(9)).toEqual(Array.from({ length: 33 }, (_, i) => `O${i + 1}`));
    expect(y2565.itemsOf(10)).toEqual(Array.from({ length: 10 }, (_, i) => `O${i + 34}`));
    expect(fw(2569).itemsOf(9)).toEqual([]);
    expect(fw(2569).itemsOf(99)).toEqual([]);
  });

  it("finds an item and an indicator by concept", () => {
    const y2569 = fw(2569);
    expect(y2569.itemByConcept("procurement-monthly-summary")?.code).toBe("O11");
    expect(y2569.itemByConcept("no-such-concept")).toBeUndefined();
    expect(y2569.indicatorByConcept("budget-use")?.no).toBe(2);
    expect(y2569.indicatorByConcept("no-such-concept")).toBeUndefined();
  });

  it("orders items by indicator first, then by range, with unknown codes last", () => {
    const y2569 = fw(2569);
    expect(y2569.itemOrder("i1")).toBe(0);
    expect(y2569.itemOrder("i15")).toBeLessThan(y2569.itemOrder("e1"));
    expect(y2569.itemOrder("e9")).toBeLessThan(y2569.itemOrder("O1"));
    expect(y2569.itemOrder("O2")).toBeLessThan(y2569.itemOrder("O10"));
    expect(y2569.itemOrder("o010")).toBe(y2569.itemOrder("O10"));
    expect(y2569.itemOrder("O27")).toBe(Number.MAX_SAFE_INTEGER);
    expect(y2569.itemOrder("not a code")).toBe(Number.MAX_SAFE_INTEGER);
    const codes = ["O10", "X9", "e1", "i12", "O2", "i3"];
    expect(codes.sort((a, b) => y2569.itemOrder(a) - y2569.itemOrder(b))).toEqual([
      "i3",
      "i12",
      "e1",
      "O2",
      "O10",
      "X9",
    ]);
  });

  it("gives each tool the indicators that name it, in the document's order", () => {
    const y2569 = fw(2569);
    expect(y2569.tool("IIT")?.indicators).toEqual([1, 2, 3, 4, 5]);
    expect(y2569.tool("eit")?.indicators).toEqual([6, 7, 8]);
    expect(y2569.tool("OIT")?.indicators).toEqual([9, 10]);
    expect(y2569.tool("XIT")).toBeUndefined();
    expect(y2569.partCodes).toEqual(["EIT1", "EIT2"]);
    expect(fw(2565).partCodes).toEqual([]);
  });

  it("finds an indicator by its number", () => {
    expect(fw(2569).indicator(6)?.nameTh).toBe("คุณภาพการดำเนินงาน");
    expect(fw(2569).indicator(11)).toBeUndefined();
  });

  it("names the year in Thai digits unless the document names itself", () => {
    expect(fw(2569).nameTh).toBe("กรอบการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๙");
    expect(fw(2562).nameTh).toBe("กรอบการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๒");
    const named = buildFramework({ ...fw(2569).document, nameTh: "กรอบทดลอง" });
    expect(named.nameTh).toBe("กรอบทดลอง");
  });

  it("keeps the document, its ranges and its levels as given", () => {
    const y2569 = fw(2569);
    expect(y2569.year).toBe(2569);
    expect(y2569.passMark).toBe(85);
    expect(y2569.itemRanges).toEqual([{ prefix: "O", from: 1, to: 26, tool: "OIT" }]);
    expect(y2569.levels.map((l) => l.code)).toEqual([
      "ผ่านดีเยี่ยม",
      "ผ่านดี",
      "ผ่าน",
      "ต้องปรับปรุง",
      "ต้องปรับปรุงโดยด่วน",
    ]);
    expect(fw(2565).itemRanges).toEqual([]);
  });
});

describe("provisionalLabel", () => {
  it("marks a provisional year with its note", () => {
    expect(provisionalLabel(fw(2569))).toBe("กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)");
    expect(fw(2569).provisionalNote).toBe("รอยืนยันจาก ป.ป.ช.");
  });

  it("gives nothing for a confirmed year", () => {
    expect(provisionalLabel(fw(2568))).toBeUndefined();
    expect(fw(2568).provisional).toBe(false);
    expect(fw(2568).provisionalNote).toBeUndefined();
  });

  it("uses the default note when a provisional document gives none, and its own note when it does", () => {
    const { provisionalNote: _, ...bare } = fw(2569).document;
    expect(provisionalLabel(buildFramework(bare))).toBe("กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)");
    const noted = buildFramework({ ...fw(2569).document, provisionalNote: "ร่างจากการประชุม" });
    expect(provisionalLabel(noted)).toBe("กรอบการประเมินปี ๒๕๖๙ (ร่างจากการประชุม)");
  });
});

describe("frameworkCatalog", () => {
  it("holds the shipped years ascending, with the newest as latest", () => {
    expect(SHIPPED.years).toEqual([2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569]);
    expect(SHIPPED.latest()?.year).toBe(2569);
    expect(SHIPPED.all().map((f) => f.year)).toEqual([...SHIPPED.years]);
    expect(SHIPPED.get(2567)?.year).toBe(2567);
  });

  it("gives nothing for a year it does not hold", () => {
    expect(SHIPPED.get(2570)).toBeUndefined();
    expect(SHIPPED.get(2561)).toBeUndefined();
  });

  it("sorts years given in any order", () => {
    const catalog = frameworkCatalog([fw(2569).document, fw(2562).document, fw(2566).document]);
    expect(catalog.years).toEqual([2562, 2566, 2569]);
    expect(catalog.latest()?.year).toBe(2569);
    expect(catalog.all().map((f) => f.year)).toEqual([2562, 2566, 2569]);
  });

  it("is empty without documents", () => {
    const empty = frameworkCatalog([]);
    expect(empty.years).toEqual([]);
    expect(empty.latest()).toBeUndefined();
    expect(empty.all()).toEqual([]);
  });

  it("keeps the later of two documents for the same year", () => {
    const renamed = { ...fw(2569).document, nameTh: "ฉบับแก้ไข" };
    const catalog = frameworkCatalog([fw(2569).document, renamed]);
    expect(catalog.years).toEqual([2569]);
    expect(catalog.get(2569)?.nameTh).toBe("ฉบับแก้ไข");
  });
});

describe("a catalog of a made-up two-tool year", () => {
  const catalog = frameworkCatalog([TEST_DOCUMENT, fw(2569).document]);
  const year = catalog.get(2600)!;

  it("holds it beside a shipped year, as the latest", () => {
    expect(catalog.years).toEqual([2569, 2600]);
    expect(catalog.latest()).toBe(year);
    expect(year.nameTh).toBe("กรอบการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๖๐๐");
    expect(provisionalLabel(year)).toBe("กรอบการประเมินปี ๒๖๐๐ (รอยืนยันจาก ป.ป.ช.)");
  });

  it("gives each tool the indicators that name it", () => {
    expect(year.tools.map((t) => [t.code, t.weightPercent, t.indicators])).toEqual([
      ["PERC", 50, [1, 2, 3]],
      ["OPEN", 50, [4, 5, 6]],
    ]);
    expect(year.tool("perc")?.code).toBe("PERC");
    expect(year.tool("IIT")).toBeUndefined();
    expect(year.partCodes).toEqual([]);
  });

  it("finds placed items with their indicator and ranged items with their tool only", () => {
    expect(year.item("P02")).toEqual({
      code: "p2",
      titleTh: "ข้อที่สอง",
      concept: "perception-item-two",
      tool: "PERC",
      indicator: 1,
    });
    expect(year.item("p12")).toEqual({ code: "p12", tool: "OPEN", indicator: 4 });
    expect(year.item("D3")).toEqual({
      code: "d3",
      titleTh: "เอกสารที่สาม",
      concept: "document-three",
      coverage: "previous",
      tool: "OPEN",
    });
    expect(year.item("d6")).toEqual({ code: "d6", tool: "OPEN" });
    expect(year.item("d7")).toBeUndefined();
    expect(year.item("p13")).toBeUndefined();
    expect(year.item("i1")).toBeUndefined();
  });

  it("lists items of an indicator, and none for an indicator without membership", () => {
    expect(year.itemsOf(2)).toEqual(["p4", "p5", "p6"]);
    expect(year.itemsOf(4)).toEqual(["p10", "p11", "p12"]);
    expect(year.itemsOf(5)).toEqual([]);
  });

  it("finds by concept", () => {
    expect(year.itemByConcept("document-three")?.code).toBe("d3");
    expect(year.itemByConcept("perception-item-two")?.indicator).toBe(1);
    expect(year.indicatorByConcept("open-one")?.no).toBe(4);
    expect(year.indicatorByConcept("budget-use")).toBeUndefined();
  });

  it("orders p1–p12 by indicator, then d1–d6 by range, then unknown codes", () => {
    const codes = ["d2", "zz1", "p12", "d1", "p1", "p10", "p9"];
    expect(codes.sort((a, b) => year.itemOrder(a) - year.itemOrder(b))).toEqual([
      "p1",
      "p9",
      "p10",
      "p12",
      "d1",
      "d2",
      "zz1",
    ]);
    expect(year.itemOrder("p1")).toBe(0);
    expect(year.itemOrder("d1")).toBe(12);
    expect(year.itemOrder("d6")).toBe(17);
  });

  it("does not change the shipped year beside it", () => {
    expect(catalog.get(2569)?.item("p1")).toBeUndefined();
    expect(catalog.get(2569)?.tools.map((t) => t.code)).toEqual(["IIT", "EIT", "OIT"]);
  });
});
