import { describe, expect, it } from "vitest";
import { normalise } from "../../../core/chat/normalise.ts";
import { type ChatVocabulary, chatVocabulary } from "../../../core/chat/vocabulary.ts";
import { frameworkCatalog } from "../../../core/ita/catalog.ts";
import type { FrameworkDocument } from "../../../core/ita/framework.ts";
import { fw, SHIPPED, VOCABULARY } from "../../fixtures/frameworks.ts";

const wordsOf = (v: ChatVocabulary, code: string) => v.tools.find((t) => t.code === code)?.words;
const aliasOf = (v: ChatVocabulary, alias: string) => v.indicators.filter((i) => i.alias === alias);

/**
 * A reformed 2570 as the NACC might publish it: two tools instead of three, the first two
 * indicators renumbered (budget use becomes no. 1), everything else as in 2569.
 */
function reformed2570(): FrameworkDocument {
  const doc = structuredClone(fw(2569).document);
  doc.year = 2570;
  doc.tools = [
    {
      code: "PERC",
      nameTh: "แบบวัดการรับรู้",
      shortTh: "แบบวัดการรับรู้",
      aliases: ["การรับรู้"],
      weightPercent: 50,
    },
    { code: "OPEN", nameTh: "แบบตรวจการเปิดเผยข้อมูลแบบใหม่", weightPercent: 50 },
  ];
  doc.indicators = doc.indicators.map((ind) => ({
    ...ind,
    tool: ind.no <= 8 ? "PERC" : "OPEN",
    no: ind.no === 1 ? 2 : ind.no === 2 ? 1 : ind.no,
  }));
  doc.itemRanges = doc.itemRanges?.map((r) => ({ ...r, tool: "OPEN" }));
  return doc;
}

const withReform = () => frameworkCatalog([...SHIPPED.all().map((f) => f.document), reformed2570()]);

describe("chatVocabulary of the shipped years", () => {
  it("knows the tools IIT, EIT and OIT, each once", () => {
    expect(VOCABULARY.tools.map((t) => t.code).sort()).toEqual(["EIT", "IIT", "OIT"]);
  });

  it("gives IIT its short name, aliases and full name, normalised", () => {
    const words = wordsOf(VOCABULARY, "IIT")!;
    expect(words).toEqual(
      expect.arrayContaining(["แบบวัดภายใน", "ไอไอที", "ภายใน", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"]),
    );
    expect(words).toHaveLength(4);
    for (const w of words) expect(w).toBe(normalise(w));
    for (const w of words) expect(w).not.toMatch(/\s/);
  });

  it("holds every tool's words longest first", () => {
    for (const tool of VOCABULARY.tools) {
      const lengths = tool.words.map((w) => w.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    }
    expect(wordsOf(VOCABULARY, "OIT")?.[0]).toBe("แบบตรวจการเปิดเผยข้อมูลสาธารณะ");
  });

  it("matches a tool's code as a Latin word of its own", () => {
    const iit = VOCABULARY.tools.find((t) => t.code === "IIT")!;
    expect(iit.codePattern.test("คะแนนiitปี67")).toBe(true);
    expect(iit.codePattern.test("iitx")).toBe(false);
    expect(iit.codePattern.test("xiit")).toBe(false);
  });

  it("carries each indicator alias's number and concept", () => {
    expect(aliasOf(VOCABULARY, "งบประมาณ")).toEqual([{ no: 2, concept: "budget-use", alias: "งบประมาณ" }]);
    expect(aliasOf(VOCABULARY, "ทรัพย์สิน")).toEqual([{ no: 4, concept: "asset-use", alias: "ทรัพย์สิน" }]);
    expect(aliasOf(VOCABULARY, "การปฏิบัติหน้าที่")).toEqual([
      { no: 1, concept: "duty-performance", alias: "การปฏิบัติหน้าที่" },
    ]);
  });

  it("lists each alias once, normalised", () => {
    const aliases = VOCABULARY.indicators.map((i) => i.alias);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const a of aliases) expect(a).toBe(normalise(a));
  });

  it("knows ten indicators", () => {
    expect(VOCABULARY.maxIndicator).toBe(10);
  });

  it("knows the item letters i, e and o", () => {
    expect([...VOCABULARY.itemPrefixes].sort()).toEqual(["e", "i", "o"]);
  });

  it("is built once per catalog", () => {
    expect(chatVocabulary(SHIPPED)).toBe(chatVocabulary(SHIPPED));
    expect(chatVocabulary(SHIPPED)).toBe(VOCABULARY);
  });
});

describe("chatVocabulary with a reformed year", () => {
  it("builds a vocabulary of its own for another catalog", () => {
    const catalog = withReform();
    expect(chatVocabulary(catalog)).not.toBe(VOCABULARY);
    expect(chatVocabulary(catalog)).toBe(chatVocabulary(catalog));
  });

  it("knows the new tools and still the older years' IIT, EIT and OIT", () => {
    const v = chatVocabulary(withReform());
    expect(v.tools.map((t) => t.code).sort()).toEqual(["EIT", "IIT", "OIT", "OPEN", "PERC"]);
    expect(wordsOf(v, "PERC")).toEqual(["แบบวัดการรับรู้", "การรับรู้"]);
    expect(wordsOf(v, "OPEN")).toEqual(["แบบตรวจการเปิดเผยข้อมูลแบบใหม่"]);
    expect(wordsOf(v, "IIT")).toEqual(wordsOf(VOCABULARY, "IIT"));
    expect(v.tools.find((t) => t.code === "PERC")?.codePattern.test("คะแนนperc")).toBe(true);
  });

  it("gives an alias the number of the newest year that defines it", () => {
    const v = chatVocabulary(withReform());
    expect(aliasOf(v, "งบประมาณ")).toEqual([{ no: 1, concept: "budget-use", alias: "งบประมาณ" }]);
    expect(aliasOf(v, "ปฏิบัติหน้าที่")).toEqual([{ no: 2, concept: "duty-performance", alias: "ปฏิบัติหน้าที่" }]);
    expect(aliasOf(v, "อำนาจ")).toEqual([{ no: 3, concept: "use-of-authority", alias: "อำนาจ" }]);
  });

  it("keeps ten indicators and the same item letters", () => {
    const v = chatVocabulary(withReform());
    expect(v.maxIndicator).toBe(10);
    expect([...v.itemPrefixes].sort()).toEqual(["e", "i", "o"]);
  });
});
