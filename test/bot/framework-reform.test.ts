// A reformed year carried end to end: an operator loads a framework of another shape (two tools
// weighted 50/50, six indicators, items without sub-indicators, new level names) while the
// system runs; an official's results file for it is imported, scored exactly, asked about in chat
// and compared with a year of the old shape, both reports are written, and the app's dashboard
// shows it. Nothing in the code names this year's tools or indicators.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFrameworkCli } from "../../bot/cli/commands/framework.ts";
import { renderReport } from "../../bot/reports/render.ts";
import { formatScore } from "../../core/ita/score.ts";
import { importResultsFile } from "../../db/import/import-results.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { loadAssessment } from "../../db/repositories/assessments.ts";
import { readFrameworkCatalog } from "../../db/repositories/frameworks.ts";
import { systemScope } from "../../db/scope.ts";
import { docxText, pdfPages } from "../fixtures/documents.ts";
import { apiCaller, apiFor } from "./api/harness.ts";
import { EDITOR_DEMO, openWorld, visibleText, type World } from "./world.ts";

const REFORM = fileURLToPath(new URL("../fixtures/frameworks/reform-2570.yaml", import.meta.url));

// Items chosen so that two half-up roundings decide the total: PERC = mean(85.25, 45.56, 98.52,
// 77.77) = 76.775 → 76.78; OPEN = mean(83.33, 75.00) = 79.165 → 79.17; total = 0.5·76.78 + 0.5·79.17
// = 77.975 → 77.98 (a float sum prints 77.97).
const ITEMS: Record<string, string> = {
  p1: "90.00",
  p2: "85.50",
  p3: "80.25",
  p4: "70.00",
  p5: "66.67",
  p6: "0",
  p7: "100",
  p8: "95.55",
  p9: "100",
  p10: "88.88",
  p11: "77.77",
  p12: "66.66",
  d1: "100",
  d2: "100",
  d3: "100",
  d4: "100",
  d5: "100",
  d6: "0",
  d7: "100",
  d8: "100",
  d9: "0",
  d10: "100",
};

describe("a reformed year, loaded as data and carried through the product", () => {
  let w: World;
  let demo: number;
  const out: string[] = [];
  const say = async (text: string) => (await w.say(EDITOR_DEMO, text)).map(visibleText).join("\n");

  beforeAll(async () => {
    w = await openWorld();
    const agency = (await findAgencyByCode(w.db, "DEMO00001"))!;
    demo = agency.id;
    // The operator loads the year while the bot runs (the world's chat and API read frameworks
    // through a source; see frameworks.test.ts for the production TTL).
    const code = await runFrameworkCli(["framework", "import", REFORM], (fn) => fn(w.db), {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    const header = ["agency_code", "agency_name", "agency_type", "province", "district", "fiscal_year"];
    const row = [agency.code, agency.nameTh, agency.type, agency.province, agency.district ?? "", "๒๕๗๐"];
    const csv = `${[...header, ...Object.keys(ITEMS)].join(",")}\n${[...row, ...Object.values(ITEMS)].join(",")}\n`;
    const imported = await importResultsFile(w.db, new TextEncoder().encode(csv), "ita-2570.csv", {
      label: "test:import",
    });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await w.close();
  });

  it("stores the year as an operator's, provisional, with what the CLI said", async () => {
    expect(out.join("\n")).toContain("นำเข้ากรอบการประเมินปี 2570 เป็นฉบับที่ 1 (รอยืนยัน): เครื่องมือ 2, ตัวชี้วัด 6");
    const catalog = await readFrameworkCatalog(w.db);
    expect(catalog.latest()!.tools.map((t) => [t.code, t.weightPercent])).toEqual([
      ["PERC", 50],
      ["OPEN", 50],
    ]);
  });

  it("scores the imported items exactly, half-up at every level", async () => {
    const stored = (await loadAssessment(w.db, systemScope(demo), 2570))!;
    const value = (kind: string, code: string) =>
      formatScore(stored.assessment.nodes.find((n) => n.kind === kind && n.code === code)!.value);
    expect(["1", "2", "3", "4", "5", "6"].map((no) => value("indicator", no))).toEqual([
      "85.25",
      "45.56",
      "98.52",
      "77.77",
      "83.33",
      "75.00",
    ]);
    expect([value("tool", "PERC"), value("tool", "OPEN")]).toEqual(["76.78", "79.17"]);
    expect(formatScore(stored.assessment.total!.value)).toBe("77.98");
    expect(stored.assessment.level).toBe("พอใช้");
  });

  it("answers the year's score card with its own tools, indicators and level, marked provisional", async () => {
    const seen = await say("คะแนนปี 2570");
    for (const part of ["77.98", "พอใช้", "PERC", "OPEN", "การสื่อสารกับประชาชน", "6. การป้องกันการทุจริต"]) {
      expect(seen).toContain(part);
    }
    expect(seen).toContain("กรอบการประเมินปี ๒๕๗๐ (ร่างสำหรับทดสอบ ไม่ใช่ของ ป.ป.ช.)");
    expect(seen).not.toContain("IIT");
    // "ปีนี้" on 25 Nov 2026 is fiscal 2570, which now has results.
    expect(await say("ปีนี้ได้เท่าไร")).toContain("77.98");
  });

  it("finds an indicator by number in the year's own numbering, and by its concept across years", async () => {
    expect(await say("ตัวชี้วัดที่ 2 ปี 2570")).toContain("45.56");
    // "ทรัพย์สิน" is indicator 4 in 2569 and indicator 2 in the reformed year: the concept decides.
    const y2570 = await say("ทรัพย์สิน ปี 2570");
    expect(y2570).toContain("ตัวชี้วัดที่ 2");
    expect(y2570).toContain("45.56");
    expect(await say("ทรัพย์สิน ปี 2569")).toContain("ตัวชี้วัดที่ 4");
    expect(await say("ตัวชี้วัดที่ 7")).toContain("ปี 2570 มีตัวชี้วัดที่ 1–6");
    expect(await say("ข้อ p6")).toContain("การนำทรัพย์สินของราชการไปใช้ส่วนตัว");
  });

  it("understands the year's tools by the words its framework gives them", async () => {
    expect(await say("คะแนนเครื่องมือ PERC")).toContain("76.78");
    expect(await say("การรับรู้ได้เท่าไร")).toContain("76.78");
    const tools = await say("คะแนนเครื่องมือ");
    expect(tools).toContain("PERC แบบวัดการรับรู้ (น้ำหนัก 50%): 76.78");
    expect(tools).toContain("OPEN แบบตรวจ (น้ำหนัก 50%): 79.17");
    expect(await say("ช่วยเหลือ")).toContain("PERC, OPEN — คะแนนรายเครื่องมือ");
    // A tool of the old shape is named as missing from this year, with the ones it has.
    expect(await say("IIT ปี 2570")).toContain("ปี 2570 ไม่มีเครื่องมือ IIT — มี PERC, OPEN");
  });

  it("compares with a year of the old shape: what both share, and says what is not comparable", async () => {
    const seen = await say("เทียบ 69 กับ 70");
    expect(seen).toContain("เทียบปีงบประมาณ พ.ศ. 2569 กับ 2570");
    expect(seen).toContain("77.98");
    expect(seen).toContain("2. การใช้ทรัพย์สินของราชการ (ปี 2569 คือตัวชี้วัดที่ 4)");
    expect(seen).toContain("5. การเปิดเผยข้อมูล (ปี 2569 คือตัวชี้วัดที่ 9)");
    expect(seen).toContain("กรอบการประเมินสองปีนี้ต่างกัน เทียบได้เฉพาะที่มีทั้งสองปี");
    expect(seen).toContain("ปี 2569 มี IIT, EIT, OIT");
    expect(seen).toContain("ปี 2570 มี PERC, OPEN, ตัวชี้วัดที่ 1 ความโปร่งใสในการปฏิบัติงาน");
  });

  it("writes both reports for the year with its six indicators and two tools", async () => {
    const frameworks = await readFrameworkCatalog(w.db);
    const analysis = await renderReport(w.db, systemScope(demo), {
      frameworks,
      kind: "analysis",
      year: 2570,
      format: "docx",
    });
    const text = docxText(analysis.bytes);
    expect(text).toContain("ตัวชี้วัดทั้ง ๖ ตัวชี้วัด");
    expect(text).toContain("แบบวัดการรับรู้ (PERC)");
    expect(text).toContain("แบบตรวจการเปิดเผยข้อมูล (OPEN)");
    expect(text).toContain("ร้อยละ ๗๗.๙๘ คะแนน ระดับผลการประเมิน พอใช้");
    expect(text).toContain("กรอบการประเมินปี ๒๕๗๐ (ร่างสำหรับทดสอบ ไม่ใช่ของ ป.ป.ช.)");
    // The advice that fits the asset-use concept follows it to its new number.
    expect(text).toMatch(/๒\. การใช้ทรัพย์สินของราชการ\n๔๕\.๕๖\nจุดอ่อน ต้องพัฒนา\nกำหนดแนวทางการใช้และการยืมทรัพย์สิน/);
    expect(text).not.toContain("IIT");
    const pdf = await renderReport(w.db, systemScope(demo), {
      frameworks,
      kind: "analysis",
      year: 2570,
      format: "pdf",
    });
    expect(pdfPages(pdf.bytes)).toBeGreaterThanOrEqual(4);

    const progress = docxText(
      (
        await renderReport(w.db, systemScope(demo), {
          frameworks,
          kind: "progress",
          year: 2570,
          format: "docx",
        })
      ).bytes,
    );
    expect(progress).toContain("เปรียบเทียบผลการประเมินปี ๒๕๖๙ กับปี ๒๕๗๐");
    expect(progress).toContain("กรอบการประเมินสองปีนี้ต่างกัน");
  }, 60_000);

  it("gives the app's dashboard the year's two tools and six indicators, and its forms the indicators", async () => {
    const call = apiCaller(w, apiFor(w));
    const dashboard = await call(EDITOR_DEMO, "GET", `/agencies/${demo}/dashboard?year=2570`);
    expect(dashboard.status).toBe(200);
    const card = dashboard.json.card as { tools: { code: string }[]; indicators: unknown[]; total: string };
    expect(card.tools.map((t) => t.code)).toEqual(["PERC", "OPEN"]);
    expect(card.indicators).toHaveLength(6);
    expect(card.total).toBe("77.98");
    expect((dashboard.json.comparison as { notComparable: string }).notComparable).toContain("PERC");
    const framework = await call(EDITOR_DEMO, "GET", "/framework?year=2570");
    expect((framework.json.indicators as unknown[]).length).toBe(6);
    expect(framework.json.provisional).toBe("กรอบการประเมินปี ๒๕๗๐ (ร่างสำหรับทดสอบ ไม่ใช่ของ ป.ป.ช.)");
  });
});
