import { describe, expect, it } from "vitest";
import { type Framework, itemKey } from "../../../core/ita/catalog.ts";
import { checkFramework } from "../../../core/ita/framework-check.ts";
import { shippedFrameworks } from "../../../db/frameworks/shipped.ts";
import { SHIPPED } from "../../fixtures/frameworks.ts";

const FRAMEWORK_YEARS = SHIPPED.years;
const frameworkFor = (year: number) => SHIPPED.get(year);

const INDICATOR_NAMES = [
  "การปฏิบัติหน้าที่",
  "การใช้งบประมาณ",
  "การใช้อำนาจ",
  "การใช้ทรัพย์สินของราชการ",
  "การแก้ไขปัญหาการทุจริต",
  "คุณภาพการดำเนินงาน",
  "ประสิทธิภาพการสื่อสาร",
  "การปรับปรุงระบบการทำงาน",
  "การเปิดเผยข้อมูล",
  "การป้องกันการทุจริต",
];

function data(year: number): Framework {
  const f = frameworkFor(year);
  if (!f) throw new Error(`no framework for ${year}`);
  return f;
}

function referencedCodes(d: Framework): string[] {
  return d.indicators.flatMap((ind) => [
    ...(ind.items ?? []),
    ...(ind.subIndicators ?? []).flatMap((s) => s.items),
  ]);
}

function codes(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, k) => `${prefix}${from + k}`);
}

describe("shipped frameworks", () => {
  it("covers 2562–2569 in order, latest last", () => {
    expect(FRAMEWORK_YEARS).toEqual([2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569]);
    expect(SHIPPED.latest()!.year).toBe(2569);
    for (const year of FRAMEWORK_YEARS) expect(frameworkFor(year)!.year).toBe(year);
  });

  it("has nothing outside the shipped years (2570 is an operator's to load)", () => {
    expect(frameworkFor(2561)).toBeUndefined();
    expect(frameworkFor(2570)).toBeUndefined();
  });

  it("builds each year once", () => {
    expect(frameworkFor(2567)).toBe(frameworkFor(2567));
  });

  it("passes the one framework schema, file by file", () => {
    for (const doc of shippedFrameworks()) expect(checkFramework(doc)).toEqual({ ok: true, document: doc });
  });

  it("marks only 2569 provisional, with the note users see", () => {
    expect(
      SHIPPED.all()
        .filter((f) => f.provisional)
        .map((f) => f.year),
    ).toEqual([2569]);
    expect(fw2569().provisionalNote).toBe("รอยืนยันจาก ป.ป.ช.");
  });
});

const fw2569 = () => data(2569);

describe.each(FRAMEWORK_YEARS.map((year) => [year]))("framework %i", (year) => {
  const d = data(year);

  it("has IIT 30 %, EIT 30 %, OIT 40 %, summing to 100", () => {
    expect(d.tools.map((t) => [t.code, t.nameTh, t.weightPercent])).toEqual([
      ["IIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", 30],
      ["EIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", 30],
      ["OIT", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ", 40],
    ]);
    expect(d.tools.reduce((sum, t) => sum + t.weightPercent, 0)).toBe(100);
  });

  it("has the ten indicators, each listed by exactly its own tool", () => {
    expect(d.indicators.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.indicators.map((i) => i.nameTh)).toEqual(INDICATOR_NAMES);
    for (const ind of d.indicators) {
      const listing = d.tools.filter((t) => t.indicators.includes(ind.no));
      expect(listing.map((t) => t.code)).toEqual([ind.tool]);
    }
    const expectedTool = (no: number) => (no <= 5 ? "IIT" : no <= 8 ? "EIT" : "OIT");
    for (const ind of d.indicators) expect(ind.tool).toBe(expectedTool(ind.no));
  });

  it("splits EIT into parts EIT1/EIT2 from 2566 only", () => {
    const eit = d.tools.find((t) => t.code === "EIT")!;
    if (year >= 2566) {
      expect(eit.parts?.map((p) => p.code)).toEqual(["EIT1", "EIT2"]);
      expect(frameworkFor(year)!.partCodes).toEqual(["EIT1", "EIT2"]);
    } else {
      expect(eit.parts).toBeUndefined();
      expect(frameworkFor(year)!.partCodes).toEqual([]);
    }
    expect(d.tools.filter((t) => t.code !== "EIT").every((t) => t.parts === undefined)).toBe(true);
  });

  it("uses unique item codes, spelled i12, e3 and O30", () => {
    const defined = d.items.map((i) => i.code);
    const referenced = referencedCodes(d);
    expect(new Set(defined).size).toBe(defined.length);
    expect(new Set(referenced).size).toBe(referenced.length);
    for (const code of [...defined, ...referenced]) {
      expect(code).toMatch(/^(i|e|O)[1-9]\d?$/);
      expect(d.item(itemKey(code)!)?.code).toBe(code);
    }
  });

  it("defines only items that the year accepts", () => {
    const f = frameworkFor(year)!;
    for (const def of d.items) expect(f.item(def.code)?.tool, def.code).toBeDefined();
    for (const range of d.itemRanges) {
      expect(d.tools.map((t) => t.code)).toContain(range.tool);
      expect(range.from).toBeLessThanOrEqual(range.to);
    }
  });

  it("gives every titled item a kebab-case concept, one item per concept", () => {
    const titled = d.items.filter((i) => i.titleTh);
    for (const def of titled) expect(def.concept, def.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // Only 2569 lists codes whose titles were not found (O2, O5–O7).
    if (year !== 2569) expect(titled).toHaveLength(d.items.length);
    const concepts = titled.map((i) => i.concept);
    expect(new Set(concepts).size).toBe(concepts.length);
  });

  it("gives every indicator a concept, the same number for the same concept in every shipped year", () => {
    expect(d.indicators.map((i) => i.concept)).toEqual(data(2569).indicators.map((i) => i.concept));
  });

  it("orders levels best to worst", () => {
    for (let k = 1; k < d.levels.length; k++) {
      const better = d.levels[k - 1]!;
      const worse = d.levels[k]!;
      // Equal totals are allowed only when the better band also asks more of every tool (ผ่านดี before ผ่าน).
      if (better.minTotal === worse.minTotal) {
        expect(better.minEachTool ?? 0).toBeGreaterThan(worse.minEachTool ?? 0);
      } else {
        expect(better.minTotal).toBeGreaterThan(worse.minTotal);
      }
    }
    expect(d.levels.at(-1)!.minTotal).toBe(0);
    expect(new Set(d.levels.map((l) => l.code)).size).toBe(d.levels.length);
    for (const l of d.levels) expect(l.color).toMatch(/^#[0-9A-F]{6}$/);
  });

  it("passes at 85", () => {
    expect(d.passMark).toBe(85);
  });
});

describe("levels", () => {
  it("grades AA–F up to 2565", () => {
    for (const year of [2562, 2563, 2564, 2565]) {
      expect(data(year).levels.map((l) => [l.code, l.minTotal, l.minEachTool])).toEqual([
        ["AA", 95, undefined],
        ["A", 85, undefined],
        ["B", 75, undefined],
        ["C", 65, undefined],
        ["D", 55, undefined],
        ["E", 50, undefined],
        ["F", 0, undefined],
      ]);
    }
  });

  it("grades pass / excellent from 2566, with per-tool minimums for the two best", () => {
    for (const year of [2566, 2567, 2568, 2569]) {
      expect(data(year).levels.map((l) => [l.code, l.minTotal, l.minEachTool])).toEqual([
        ["ผ่านดีเยี่ยม", 95, 95],
        ["ผ่านดี", 85, 85],
        ["ผ่าน", 85, undefined],
        ["ต้องปรับปรุง", 70, undefined],
        ["ต้องปรับปรุงโดยด่วน", 0, undefined],
      ]);
    }
  });
});

describe("items without known codes", () => {
  it.each([[2562], [2563]])("%i has no items at all", (year) => {
    const d = data(year);
    expect(d.items).toEqual([]);
    expect(d.itemRanges).toEqual([]);
    expect(referencedCodes(d)).toEqual([]);
    expect(frameworkFor(year)!.item("i1")).toBeUndefined();
  });

  it.each([[2564], [2565]])("%i has no EIT items", (year) => {
    const d = data(year);
    for (const no of [6, 7, 8]) expect(d.indicators[no - 1]!.items).toBeUndefined();
    expect(frameworkFor(year)!.item("e1")).toBeUndefined();
  });
});

describe.each([[2564], [2565]])("IIT and OIT in %i", (year) => {
  const d = data(year);
  const f = frameworkFor(year)!;

  it("has i1–i30, six per indicator in order", () => {
    for (let no = 1; no <= 5; no++) {
      expect(d.indicators[no - 1]!.items).toEqual(codes("i", 6 * no - 5, 6 * no));
    }
    for (const code of codes("i", 19, 24)) expect(f.item(code)).toMatchObject({ tool: "IIT", indicator: 4 });
  });

  it("has O1–O43 in sub-indicators 9.1–9.5 and 10.1–10.2", () => {
    const subs = d.indicators.flatMap((ind) =>
      (ind.subIndicators ?? []).map((s) => [ind.no, s.code, s.nameTh, s.items]),
    );
    expect(subs).toEqual([
      [9, "9.1", "ข้อมูลพื้นฐาน", codes("O", 1, 9)],
      [9, "9.2", "การบริหารงาน", codes("O", 10, 17)],
      [9, "9.3", "การบริหารเงินงบประมาณ", codes("O", 18, 24)],
      [9, "9.4", "การบริหารและพัฒนาทรัพยากรบุคคล", codes("O", 25, 28)],
      [9, "9.5", "การส่งเสริมความโปร่งใส", codes("O", 29, 33)],
      [10, "10.1", "การดำเนินการเพื่อป้องกันการทุจริต", codes("O", 34, 41)],
      [10, "10.2", "มาตรการภายในเพื่อป้องกันการทุจริต", ["O42", "O43"]],
    ]);
    expect(f.item("O44")).toBeUndefined();
  });

  it("titles every referenced item", () => {
    const titled = new Set(d.items.filter((i) => i.titleTh).map((i) => i.code));
    for (const code of referencedCodes(d)) expect(titled.has(code), code).toBe(true);
    expect(d.items).toHaveLength(73);
  });

  it("carries the titles of ITEMS.md", () => {
    expect(f.item("i10")).toMatchObject({ titleTh: "เบิกจ่ายเงินที่เป็นเท็จ", indicator: 2 });
    expect(f.item("i30")?.titleTh).toBe("ร้องเรียนได้สะดวก ติดตามผลได้ ปลอดภัย");
    expect(f.item("O17")?.titleTh).toBe("E-Service");
    expect(f.item("O42")?.titleTh).toBe("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
    expect(f.item("O43")).toMatchObject({
      titleTh: "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
      tool: "OIT",
      indicator: 10,
      subIndicator: "10.2",
    });
  });
});

describe.each([[2566], [2567], [2568], [2569]])("IIT and EIT from 2566: %i", (year) => {
  const d = data(year);
  const f = frameworkFor(year)!;

  it("has i1–i15 three per IIT indicator and e1–e9 three per EIT indicator, in order", () => {
    for (let no = 1; no <= 5; no++) {
      expect(d.indicators[no - 1]!.items).toEqual(codes("i", 3 * no - 2, 3 * no));
    }
    for (let no = 6; no <= 8; no++) {
      expect(d.indicators[no - 1]!.items).toEqual(codes("e", 3 * (no - 5) - 2, 3 * (no - 5)));
    }
    expect(f.item("i16")).toBeUndefined();
    expect(f.item("e10")).toBeUndefined();
    expect(f.item("e7")).toMatchObject({ tool: "EIT", indicator: 8 });
  });

  it("accepts OIT codes without known membership", () => {
    const last = year >= 2568 ? 26 : 43;
    expect(d.itemRanges).toEqual([{ prefix: "O", from: 1, to: last, tool: "OIT" }]);
    expect(d.indicators.slice(8).every((i) => i.items === undefined && i.subIndicators === undefined)).toBe(
      true,
    );
    expect(f.item(`O${last}`)?.tool).toBe("OIT");
    expect(f.item(`O${last}`)?.indicator).toBeUndefined();
    expect(f.item(`O${last + 1}`)).toBeUndefined();
  });
});

describe("item lookups", () => {
  it("finds 2567 i12 under indicator 4 of IIT", () => {
    expect(frameworkFor(2567)!.item("i12")).toMatchObject({
      tool: "IIT",
      indicator: 4,
      titleTh: "การกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ",
    });
  });

  it("finds 2565 O43 under sub-indicator 10.2", () => {
    expect(frameworkFor(2565)!.item("O43")).toMatchObject({ subIndicator: "10.2", indicator: 10 });
  });

  it("leaves 2566 titles unknown", () => {
    expect(data(2566).items).toEqual([]);
    expect(frameworkFor(2566)!.item("i5")?.titleTh).toBeUndefined();
  });

  it("titles the 2567 items that the seed report discusses", () => {
    const titled = data(2567).items.map((i) => i.code);
    expect(titled).toEqual(expect.arrayContaining(["i5", "i8", "i12", "e3", "e6", "e9"]));
    expect(titled).toEqual(expect.arrayContaining(["O6", "O10", "O20", "O22", "O23", "O26", "O30"]));
  });

  it("titles 2568 OIT items as listed, leaving the unlisted ones bare", () => {
    const f = frameworkFor(2568)!;
    expect(f.item("O21")?.titleTh).toBe("ประกาศเจตนารมณ์ No Gift Policy");
    expect(f.item("O2")).toEqual({ code: "O2", tool: "OIT" });
    expect(data(2568).items.map((i) => i.code)).toEqual(["O1", "O3", "O4", ...codes("O", 8, 26)]);
  });

  it("lists 2569's O1–O26, the ones whose titles were not found as bare codes", () => {
    const f = fw2569();
    expect(f.items.map((i) => i.code)).toEqual(codes("O", 1, 26));
    expect(["O2", "O5", "O6", "O7"].map((c) => f.item(c)?.titleTh)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(f.item("O25")).toMatchObject({
      titleTh: "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
      concept: "integrity-measures",
      coverage: "current",
      tool: "OIT",
    });
    expect(f.item("O11")).toMatchObject({ coverage: "current-first-half", continues: ["O12"] });
    expect(f.item("O12")).toMatchObject({ coverage: "previous", continues: ["O13"] });
  });

  it("maps 2569 to the 2568 items it continues, merges included, in the data", () => {
    const f = fw2569();
    const map = Object.fromEntries(f.items.map((i) => [i.code, i.continues ?? []]));
    expect(map.O10).toEqual(["O10", "O11"]);
    expect(map.O20).toEqual(["O21", "O22"]);
    expect(map.O25).toEqual([]);
    for (const [code, previous] of Object.entries(map)) {
      for (const p of previous) expect(data(2568).item(p), `${code} continues ${p}`).toBeDefined();
    }
  });
});

describe("concepts across years", () => {
  const where = (concept: string) =>
    FRAMEWORK_YEARS.flatMap((year) =>
      data(year)
        .items.filter((i) => i.concept === concept)
        .map((i) => `${year}:${i.code}`),
    );

  it.each([
    ["false-disbursement", ["2564:i10", "2565:i10", "2567:i5"]],
    ["superior-orders-wrongdoing", ["2564:i17", "2565:i17", "2567:i8"]],
    ["asset-supervision", ["2564:i24", "2565:i24", "2567:i12"]],
    ["e-service", ["2564:O17", "2565:O17", "2567:O18", "2568:O10", "2569:O10"]],
    ["e-service-use", ["2567:e9"]],
    ["communication-clarity", ["2567:e6"]],
    ["no-gift-policy", ["2567:O26", "2568:O21", "2569:O20"]],
    ["complaint-channel", ["2564:O30", "2565:O30", "2567:O23", "2568:O18", "2569:O17"]],
    ["complaint-guideline", ["2564:O29", "2565:O29", "2567:O22", "2568:O17", "2569:O16"]],
    ["corruption-risk-assessment", ["2564:O36", "2565:O36", "2567:O30", "2569:O21"]],
    ["procurement-monthly-summary", ["2564:O23", "2565:O23", "2568:O12", "2569:O11"]],
    ["integrity-measures", ["2564:O42", "2565:O42", "2569:O25"]],
    ["integrity-measures-result", ["2564:O43", "2565:O43", "2569:O26"]],
  ])("%s", (concept, expected) => {
    expect(where(concept)).toEqual(expected);
  });
});
