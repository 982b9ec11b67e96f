// รายงานการวิเคราะห์ผลการประเมิน ITA, in the structure of seed 000: cover, preface, principles,
// results with a chart, strengths and weaknesses, findings and actions per indicator and per
// low item, and the measures for the next fiscal year.
import { DEFAULT_THRESHOLD, find, strengthsAndWeaknesses } from "../ita/analysis.ts";
import { type Framework, provisionalLabel } from "../ita/catalog.ts";
import { heldBackText } from "../ita/held-back.ts";
import { fiscalYearRange } from "../thai/fiscal-year.ts";
import type { BarChart } from "./chart.ts";
import type { AnalysisData, BuildOptions } from "./data.ts";
import { type Block, bold, mapText, p, pageBreak, type ReportDocument, type Table } from "./document.ts";
import { type Formatter, formatter } from "./format.ts";
import { measureSteps, period } from "./measures.ts";
import { indicatorAction, indicatorAdvice, itemAdvice, withItemRefs } from "./recommendations.ts";

export const ANALYSIS_TITLE = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ";

export function place(agency: AnalysisData["agency"]): string {
  return [agency.district ? `อำเภอ${agency.district}` : "", `จังหวัด${agency.province}`]
    .filter(Boolean)
    .join(" ");
}

export function levelName(framework: Framework | undefined, level: string | undefined): string {
  if (!level) return "ยังไม่มีระดับผลการประเมิน";
  return framework?.levels.find((l) => l.code === level)?.nameTh ?? level;
}

export function buildAnalysisReport(data: AnalysisData, options: BuildOptions): ReportDocument {
  const fmt = formatter(options.digits);
  const { framework } = data;
  const refs = (text: string) => withItemRefs(text, (concept) => framework.itemByConcept(concept)?.code);
  // Advice follows the indicator's concept, whatever the year numbers it.
  const def = (no: number): { no: number; concept?: string } => framework.indicator(no) ?? { no };
  const action = (ind: { no: number }) => refs(indicatorAction(def(ind.no), data.overrides));
  const about = (ind: { no: number }) => indicatorAdvice(def(ind.no))?.about ?? "";
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const { agency, year } = data;
  const a = data.results.assessment;
  const name = agency.nameTh;
  const where = `${name} ${place(agency)}`;
  const yearText = `ปีงบประมาณ พ.ศ. ${fmt.t(year)}`;
  const total = a.total?.value;
  const level = levelName(framework, a.level);
  const split = strengthsAndWeaknesses(framework, a, threshold);

  const cover: Block[] = [
    p("", { spaceBefore: 6 }),
    bold("รายงานการวิเคราะห์ผลการประเมิน", { align: "center", size: "title" }),
    bold("คุณธรรมและความโปร่งใสในการดำเนินงาน", { align: "center", size: "subtitle" }),
    bold("ของหน่วยงานภาครัฐ", { align: "center", size: "subtitle" }),
    bold("(Integrity and Transparency Assessment : ITA)", { align: "center", size: "subtitle" }),
    bold(yearText, { align: "center", size: "subtitle" }),
    p("", { spaceBefore: 6 }),
    bold(name, { align: "center", size: "subtitle" }),
    bold(place(agency), { align: "center", size: "subtitle" }),
    pageBreak,
    bold("คำนำ", { align: "center", size: "subtitle" }),
    p(
      `การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ประจำ${yearText} มีเจตนารมณ์มุ่งหวังให้หน่วยงานภาครัฐได้รับทราบระดับคุณธรรมและความโปร่งใสของหน่วยงานตนเอง และนำข้อมูลผลการประเมิน รวมทั้งข้อเสนอแนะไปปรับใช้ในการพัฒนาและยกระดับการดำเนินงานของหน่วยงานได้อย่างเหมาะสม`,
      { indent: true, align: "justify", spaceBefore: 1 },
    ),
    p(
      `รายงานฉบับนี้ประกอบด้วยผลคะแนนของ${name}จากตัวชี้วัดทั้ง ${fmt.t(framework.indicators.length)} ตัวชี้วัด การวิเคราะห์จุดแข็งและจุดอ่อน ข้อเสนอแนะรายตัวชี้วัดและรายข้อคำถาม และมาตรการที่หน่วยงานจะดำเนินการใน${`ปีงบประมาณ พ.ศ. ${fmt.t(year + 1)}`} เพื่อยกระดับคุณธรรมและความโปร่งใสในการดำเนินงานต่อไป`,
      { indent: true, align: "justify" },
    ),
    p(name, { align: "right", spaceBefore: 2 }),
    pageBreak,
    bold(ANALYSIS_TITLE, { align: "center", size: "subtitle" }),
    bold("(Integrity and Transparency Assessment : ITA)", { align: "center" }),
    bold(yearText, { align: "center" }),
    bold(where, { align: "center" }),
    bold(`๑. หลักการและเหตุผล`, { spaceBefore: 1 }),
    p(
      "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้พัฒนาเครื่องมือการประเมินเชิงบวกเพื่อเป็นมาตรการป้องกันการทุจริต และเป็นกลไกในการสร้างความตระหนักให้หน่วยงานภาครัฐมีการดำเนินงานอย่างโปร่งใสและมีคุณธรรม โดยใช้ชื่อว่า “การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA)” ซึ่งเป็นกลยุทธ์ที่สำคัญของยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต หน่วยงานจึงนำผลการประเมินมาวิเคราะห์ เพื่อกำหนดแนวทางพัฒนาและยกระดับการดำเนินงานให้เหมาะสม",
      { indent: true, align: "justify" },
    ),
  ];

  const results: Block[] = [
    bold(`๒. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${where}`, { spaceBefore: 1 }),
    p(
      total === undefined
        ? `ยังไม่มีคะแนนภาพรวมของ${yearText}`
        : `ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${name} โดยภาพรวมได้คะแนนเท่ากับร้อยละ ${fmt.score(total)} คะแนน ระดับผลการประเมิน ${level}`,
      { indent: true, align: "justify" },
    ),
  ];
  const rank = data.results.rank;
  if (rank) {
    results.push(
      p(
        `ผลการประเมินอยู่ในลำดับที่ ${fmt.t(rank.rank)}${rank.of ? ` จาก ${fmt.t(rank.of)} หน่วยงาน` : ""} ของหน่วยงานประเภท ${rank.agencyType}`,
        { indent: true },
      ),
    );
  }
  const held = heldBackText(framework, a);
  if (held) results.push(p(held, { indent: true }));
  results.push(toolTable(framework, data, fmt));
  const provisional = provisionalLabel(framework);
  if (provisional) {
    results.push(
      p(`หมายเหตุ: ${provisional} — ตัวชี้วัดและข้อคำถามเป็นไปตามข้อมูลที่มีในขณะจัดทำรายงาน`, { indent: true }),
    );
  }
  results.push(indicatorTable(framework, data, fmt, threshold));
  results.push({ type: "chart", chart: indicatorChart(framework, data, fmt, threshold) });
  if (data.history.length > 1) {
    results.push(
      p(
        `ผลการประเมินในภาพรวมย้อนหลัง: ${data.history.map((h) => `ปี ${fmt.t(h.year)} ${fmt.score(h.total)}`).join(" · ")}`,
        { indent: true },
      ),
    );
  }

  const sw: Block[] = [
    bold(`๓. จุดแข็งและจุดอ่อน (เกณฑ์ร้อยละ ${fmt.t(threshold)})`, { spaceBefore: 1 }),
    p(`ตัวชี้วัดที่ได้คะแนนตั้งแต่ร้อยละ ${fmt.t(threshold)} ขึ้นไปถือเป็นจุดแข็ง ตัวชี้วัดที่ได้คะแนนต่ำกว่าเป็นจุดอ่อนที่ต้องพัฒนา`, {
      indent: true,
    }),
    bold(`๓.๑ จุดแข็ง จำนวน ${fmt.t(split.strengths.length)} ตัวชี้วัด`),
  ];
  sw.push(
    ...split.strengths.map((s, i) =>
      p(
        `(${fmt.t(i + 1)}) ตัวชี้วัดที่ ${fmt.t(s.no)} ${s.nameTh} ได้คะแนนร้อยละ ${fmt.score(s.value)} ${about(s)}`,
        { indent: true, align: "justify" },
      ),
    ),
  );
  if (split.strengths.length === 0) sw.push(p("- ไม่มี -", { indent: true }));
  sw.push(bold(`๓.๒ จุดอ่อนหรือข้อบกพร่องที่ต้องพัฒนา จำนวน ${fmt.t(split.weaknesses.length)} ตัวชี้วัด`));
  sw.push(
    ...split.weaknesses.map((s, i) =>
      p(
        `(${fmt.t(i + 1)}) ตัวชี้วัดที่ ${fmt.t(s.no)} ${s.nameTh} ได้คะแนนร้อยละ ${fmt.score(s.value)} ${about(s)} ดังนั้น ${action(s)}`,
        { indent: true, align: "justify" },
      ),
    ),
  );
  if (split.weaknesses.length === 0) sw.push(p("- ไม่มี -", { indent: true }));

  const strong = new Set(split.strengths.map((s) => s.no));
  const perIndicator: Table = {
    type: "table",
    small: true,
    columns: [
      { header: "ตัวชี้วัด", width: 26 },
      { header: "คะแนน", width: 14, align: "center" },
      { header: "ผลการวิเคราะห์", width: 18 },
      { header: "แนวทางแก้ไข/ปรับปรุง/รักษาระดับ", width: 42 },
    ],
    rows: framework.indicators.flatMap((ind) => {
      const node = find(a, "indicator", String(ind.no));
      if (!node) return [];
      const good = strong.has(ind.no);
      return [
        [
          `${fmt.t(ind.no)}. ${ind.nameTh}`,
          fmt.score(node.value),
          good ? "จุดแข็ง" : "จุดอ่อน ต้องพัฒนา",
          fmt.t(good ? (indicatorAdvice(ind)?.keep ?? "") : action(ind)),
        ],
      ];
    }),
  };
  const lowItems = a.nodes
    .filter((n) => n.kind === "item" && n.value < Math.round(threshold * 100))
    .map((n) => ({ node: n, info: framework.item(n.code) }));
  const findings: Block[] = [
    bold("๔. การวิเคราะห์รายตัวชี้วัดและข้อเสนอแนะ", { spaceBefore: 1 }),
    perIndicator,
    bold(`ข้อคำถามที่มีผลการประเมินต่ำกว่าร้อยละ ${fmt.t(threshold)}`, { spaceBefore: 0.5 }),
  ];
  if (lowItems.length === 0) {
    const anyItems = a.nodes.some((n) => n.kind === "item");
    findings.push(
      p(anyItems ? "ไม่มีข้อคำถามที่ได้คะแนนต่ำกว่าเกณฑ์" : "ไม่มีคะแนนรายข้อคำถามของปีนี้ในระบบ", { indent: true }),
    );
  } else {
    findings.push({
      type: "table",
      small: true,
      columns: [
        { header: "ข้อ", width: 8, align: "center" },
        { header: "ตัวชี้วัด", width: 18 },
        { header: "คะแนน", width: 13, align: "center" },
        { header: "ประเด็น", width: 25 },
        { header: "ข้อเสนอแนะ", width: 36 },
      ],
      rows: lowItems.map(({ node, info }) => {
        const indicator = info?.indicator !== undefined ? framework.indicator(info.indicator) : undefined;
        const advice = itemAdvice(info?.concept, indicator, info?.titleTh, data.overrides);
        return [
          fmt.t(node.code),
          info?.indicator !== undefined
            ? fmt.t(`${info.indicator}. ${framework.indicator(info.indicator)?.nameTh ?? ""}`)
            : "-",
          fmt.score(node.value),
          fmt.t(advice.issue),
          fmt.t(refs(advice.action)),
        ];
      }),
    });
  }

  const next = year + 1;
  const range = fiscalYearRange(next);
  const wholeYear = `${fmt.date(range.start)} - ${fmt.date(range.end)}`;
  const plan: Block[] = [
    bold(`๕. มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. ${fmt.t(next)}`, { spaceBefore: 1 }),
  ];
  const measureColumns = [
    { header: "มาตรการ", width: 22 },
    { header: "วิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ", width: 26 },
    { header: "ผู้รับผิดชอบ", width: 14 },
    { header: "ขั้นตอน/วิธีปฏิบัติ", width: 24 },
    { header: "ระยะเวลาดำเนินงาน", width: 14 },
  ];
  if (data.measures.length > 0) {
    plan.push({
      type: "table",
      small: true,
      columns: measureColumns,
      rows: data.measures.map((m, i) => [
        `${fmt.t(i + 1)}. ${fmt.t(m.title)}`,
        fmt.t(m.method || "-"),
        fmt.t(m.responsibleUnit || "-"),
        measureSteps(m, fmt) || "-",
        period(m, fmt) || wholeYear,
      ]),
    });
  } else {
    plan.push(
      p(
        `ยังไม่ได้บันทึกมาตรการของปีงบประมาณ พ.ศ. ${fmt.t(next)} ในระบบ ร่างมาตรการด้านล่างมาจากจุดอ่อนและข้อเสนอแนะข้างต้น ให้หน่วยงานแก้ไขผู้รับผิดชอบและขั้นตอนก่อนเผยแพร่`,
        { indent: true, align: "justify" },
      ),
    );
    const targets = split.weaknesses.length > 0 ? split.weaknesses : split.strengths.slice(-1);
    plan.push({
      type: "table",
      small: true,
      columns: measureColumns,
      rows: targets.map((s, i) => [
        `${fmt.t(i + 1)}. ยกระดับตัวชี้วัดที่ ${fmt.t(s.no)} ${s.nameTh}`,
        fmt.t(action(s)),
        "................",
        fmt.t("1. มอบหมายผู้รับผิดชอบ\n2. ดำเนินการและเผยแพร่\n3. รายงานผลต่อผู้บริหาร"),
        wholeYear,
      ]),
    });
  }

  return mapText(
    {
      kind: "analysis",
      title: `${ANALYSIS_TITLE} ${yearText} ${name}`,
      agencyCode: agency.code,
      year,
      // The plan is a wide table: seed 000 prints it on landscape pages too.
      sections: [
        { orientation: "portrait", blocks: [...cover, ...results, ...sw, ...findings] },
        { orientation: "landscape", blocks: plan },
      ],
    },
    fmt.t,
  );
}

function toolTable(framework: Framework, data: AnalysisData, fmt: Formatter): Table {
  const a = data.results.assessment;
  const rows: string[][] = [];
  for (const tool of framework.tools) {
    const node = find(a, "tool", tool.code);
    rows.push([`${tool.nameTh} (${tool.code})`, fmt.t(`${tool.weightPercent}`), fmt.score(node?.value)]);
    for (const part of tool.parts ?? []) {
      const pn = find(a, "part", part.code);
      if (pn) rows.push([`    ${fmt.t(part.nameTh)}`, "", fmt.score(pn.value)]);
    }
  }
  rows.push(["คะแนนรวม", fmt.t("100"), fmt.score(a.total?.value)]);
  rows.push(["ระดับผลการประเมิน", "", levelName(framework, a.level)]);
  return {
    type: "table",
    columns: [
      { header: "เครื่องมือการประเมิน", width: 64 },
      { header: "น้ำหนัก (ร้อยละ)", width: 16, align: "center" },
      { header: "คะแนน", width: 20, align: "center" },
    ],
    rows,
    boldRows: [rows.length - 2, rows.length - 1],
  };
}

function indicatorTable(framework: Framework, data: AnalysisData, fmt: Formatter, threshold: number): Table {
  const a = data.results.assessment;
  const cut = Math.round(threshold * 100);
  return {
    type: "table",
    columns: [
      { header: "ตัวชี้วัด", width: 50 },
      { header: "เครื่องมือ", width: 14, align: "center" },
      { header: "คะแนน", width: 18, align: "center" },
      { header: "ผล", width: 18, align: "center" },
    ],
    rows: framework.indicators.map((ind) => {
      const node = find(a, "indicator", String(ind.no));
      return [
        `${fmt.t(ind.no)}. ${ind.nameTh}`,
        ind.tool,
        fmt.score(node?.value),
        node === undefined ? "-" : node.value >= cut ? "จุดแข็ง" : "จุดอ่อน",
      ];
    }),
  };
}

function indicatorChart(
  framework: Framework,
  data: AnalysisData,
  fmt: Formatter,
  threshold: number,
): BarChart {
  return {
    title: `คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. ${fmt.t(data.year)}`,
    categories: framework.indicators.map((i) => `${fmt.t(i.no)}. ${i.nameTh}`),
    series: [
      {
        name: fmt.t(data.year),
        color: "#2E7D32",
        belowColor: "#EF6C00",
        values: framework.indicators.map(
          (i) => find(data.results.assessment, "indicator", String(i.no))?.value,
        ),
      },
    ],
    threshold,
  };
}
