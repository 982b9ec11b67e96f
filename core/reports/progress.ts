// รายงานผลการดำเนินการตามมาตรการ, in the structure of seeds 001 and 004: a cover memo
// (บันทึกข้อความ) with signature blocks, the table of measures with their recorded results, and
// the year-over-year comparison of the scores.
import { compareYears } from "../ita/analysis.ts";
import { provisionalLabel } from "../ita/catalog.ts";
import { STATUS_TH } from "../measures/model.ts";
import { place } from "./analysis.ts";
import type { BarChart } from "./chart.ts";
import type { BuildOptions, ProgressData, ReportAgency } from "./data.ts";
import { type Block, bold, labelled, mapText, p, type ReportDocument } from "./document.ts";
import { formatter } from "./format.ts";
import { measureResult, period } from "./measures.ts";

export const PROGRESS_TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน";

/** The chief executive a memo of a local administration is addressed to. */
export function chiefOf(agency: ReportAgency): string {
  const n = agency.nameTh;
  if (n.startsWith("เทศบาล")) return `นายกเทศมนตรี${n.slice("เทศบาล".length)}`;
  if (n.startsWith("องค์การบริหารส่วน")) return `นายก${n}`;
  return `หัวหน้า${n}`;
}

/** The permanent secretary's title (ปลัด) of a local administration. */
function secretaryOf(agency: ReportAgency): string {
  const n = agency.nameTh;
  if (n.startsWith("เทศบาล")) return "ปลัดเทศบาล";
  if (n.startsWith("องค์การบริหารส่วนตำบล")) return "ปลัดองค์การบริหารส่วนตำบล";
  if (n.startsWith("องค์การบริหารส่วนจังหวัด")) return "ปลัดองค์การบริหารส่วนจังหวัด";
  return "ผู้บังคับบัญชา";
}

function chiefTitle(agency: ReportAgency): string {
  const n = agency.nameTh;
  if (n.startsWith("เทศบาล")) return "นายกเทศมนตรี";
  const m = /^องค์การบริหารส่วน(ตำบล|จังหวัด)/.exec(n);
  return m ? `นายกองค์การบริหารส่วน${m[1]}` : "หัวหน้าส่วนราชการ";
}

const BLANK_NAME = "..............................................";

export function buildProgressReport(data: ProgressData, options: BuildOptions): ReportDocument {
  const fmt = formatter(options.digits);
  const { agency, year, measures } = data;
  const memo = options.memo ?? {};
  const yearText = `ปีงบประมาณ พ.ศ. ${fmt.t(year)}`;
  const subject = `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำ${yearText}`;
  const done = measures.filter((m) => m.status === "done").length;
  const going = measures.filter((m) => m.status === "in_progress").length;
  const counts = (Object.keys(STATUS_TH) as (keyof typeof STATUS_TH)[])
    .map((s) => [STATUS_TH[s], measures.filter((m) => m.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${fmt.t(n)} มาตรการ`)
    .join(" ");

  const cover: Block[] = [
    bold("บันทึกข้อความ", { align: "center", size: "title" }),
    labelled("ส่วนราชการ", fmt.t(memo.department ?? `สำนักปลัด ${agency.nameTh} ${place(agency)}`)),
    labelled("ที่", fmt.t(memo.reference ?? "...................."), {}),
    labelled("วันที่", fmt.date(options.date)),
    labelled("เรื่อง", subject),
    labelled("เรียน", fmt.t(memo.to ?? chiefOf(agency)), { spaceBefore: 0.5 }),
    p(
      `ตามที่${agency.nameTh} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ${fmt.t(year - 1)} และจัดทำมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน ประจำ${yearText} จำนวน ${fmt.t(measures.length)} มาตรการ ดังนี้`,
      { indent: true, align: "justify", spaceBefore: 0.5 },
    ),
    ...measures.map((m, i) => p(`${fmt.t(i + 1)}. ${fmt.t(m.title)}`, { indent: true })),
    p(
      measures.length === 0
        ? `บัดนี้ ยังไม่มีมาตรการของ${yearText}ที่บันทึกไว้ จึงยังไม่มีผลการดำเนินการที่จะรายงาน`
        : `บัดนี้ ส่วนราชการในสังกัด${agency.nameTh} ได้ดำเนินการตามมาตรการดังกล่าวแล้ว (${counts}) รายละเอียดปรากฏตามเอกสารแนบท้ายบันทึกข้อความฉบับนี้`,
      { indent: true, align: "justify" },
    ),
    p("จึงเรียนมาเพื่อโปรดทราบ", { indent: true, spaceBefore: 0.5 }),
    {
      type: "signature",
      name: memo.preparer?.name ? fmt.t(memo.preparer.name) : BLANK_NAME,
      position: [
        memo.preparer?.position
          ? fmt.t(memo.preparer.position)
          : "ตำแหน่ง ....................................",
      ],
    },
    {
      type: "signature",
      label: `ความเห็นของ${secretaryOf(agency)} ..........................................................`,
      name: BLANK_NAME,
      position: [secretaryOf(agency)],
    },
    {
      type: "signature",
      label: `ความเห็นของ${chiefTitle(agency)} ..........................................................`,
      name: BLANK_NAME,
      position: [fmt.t(memo.to ?? chiefOf(agency))],
    },
  ];

  const table: Block[] = [
    bold(`${PROGRESS_TITLE} ประจำ${yearText}`, { align: "center", size: "subtitle" }),
    bold(`${agency.nameTh} ${place(agency)}`, { align: "center" }),
    p(
      `สรุป: มาตรการทั้งหมด ${fmt.t(measures.length)} มาตรการ เสร็จแล้ว ${fmt.t(done)} กำลังดำเนินการ ${fmt.t(going)} ข้อมูล ณ วันที่ ${fmt.date(options.date)}`,
      { align: "center" },
    ),
    {
      type: "table",
      small: true,
      columns: [
        { header: "มาตรการ", width: 15 },
        { header: "วิธีการดำเนินการ", width: 17 },
        { header: "ผู้รับผิดชอบ", width: 10 },
        { header: "ระยะเวลา", width: 10 },
        { header: "ผลการดำเนินการ", width: 22 },
        { header: "ผลลัพธ์", width: 13 },
        { header: "ข้อเสนอแนะ", width: 13 },
      ],
      rows:
        measures.length === 0
          ? [["ยังไม่มีมาตรการ", "-", "-", "-", "-", "-", "-"]]
          : measures.map((m, i) => [
              `${fmt.t(i + 1)}. ${fmt.t(m.title)}`,
              fmt.t(m.method || "-"),
              fmt.t(m.responsibleUnit || "-"),
              period(m, fmt) || "-",
              measureResult(m, fmt),
              fmt.t(m.outcome || "-"),
              fmt.t(m.suggestions || "-"),
            ]),
    },
  ];

  const comparison: Block[] = [bold("ผลการประเมินเปรียบเทียบรายปี", { spaceBefore: 1 })];
  const [before, after] = data.comparison;
  if (before && after) {
    const framework = after.framework;
    const { deltas, notComparable } = compareYears(before, after);
    const names = new Map<string, string>([
      ["total:total", "คะแนนรวม"],
      ...framework.tools.map((t) => [`tool:${t.code}`, `${t.code} ${t.nameTh}`] as [string, string]),
      ...framework.indicators.map(
        (i) => [`indicator:${i.no}`, `${fmt.t(i.no)}. ${i.nameTh}`] as [string, string],
      ),
    ]);
    const indicatorDeltas = deltas.filter((d) => d.kind === "indicator");
    const better = indicatorDeltas.filter((d) => d.delta > 0).length;
    const worse = indicatorDeltas.filter((d) => d.delta < 0).length;
    const yearA = before.assessment.year;
    const yearB = after.assessment.year;
    comparison.push(
      p(
        `เปรียบเทียบผลการประเมินปี ${fmt.t(yearA)} กับปี ${fmt.t(yearB)}: ตัวชี้วัดที่คะแนนเพิ่มขึ้น ${fmt.t(better)} ตัวชี้วัด ลดลง ${fmt.t(worse)} ตัวชี้วัด`,
        { indent: true },
      ),
      {
        type: "table",
        columns: [
          { header: "ตัวชี้วัด", width: 49 },
          { header: `ปี ${fmt.t(yearA)}`, width: 17, align: "center" },
          { header: `ปี ${fmt.t(yearB)}`, width: 17, align: "center" },
          { header: "เปลี่ยนแปลง", width: 17, align: "center" },
        ],
        rows: [
          ...deltas.filter((d) => d.kind === "indicator"),
          ...deltas.filter((d) => d.kind === "tool"),
          ...deltas.filter((d) => d.kind === "total"),
        ].map((d) => [
          names.get(`${d.kind}:${d.code}`) ?? d.code,
          fmt.score(d.from),
          fmt.score(d.to),
          fmt.delta(d.delta),
        ]),
        boldRows: [deltas.length - 1],
      },
    );
    if (notComparable.length > 0) {
      const listed = notComparable
        .map(
          (n) => `ปี ${fmt.t(n.year)} ${n.kind === "tool" ? n.code : `ตัวชี้วัดที่ ${fmt.t(n.code)} ${n.nameTh}`}`,
        )
        .join(", ");
      comparison.push(
        p(`กรอบการประเมินสองปีนี้ต่างกัน ตารางนี้เทียบเฉพาะที่มีทั้งสองปี ส่วนที่เทียบไม่ได้: ${listed}`, {
          indent: true,
        }),
      );
    }
    for (const label of new Set([provisionalLabel(before.framework), provisionalLabel(framework)])) {
      if (label) comparison.push(p(`หมายเหตุ: ${label}`, { indent: true }));
    }
    const shared = framework.indicators.filter((i) => indicatorDeltas.some((d) => d.code === String(i.no)));
    if (shared.length > 0) {
      const valueIn = (r: typeof before, code: string) =>
        r.assessment.nodes.find((n) => n.kind === "indicator" && n.code === code)?.value;
      const chart: BarChart = {
        title: `คะแนนรายตัวชี้วัด ปี ${fmt.t(yearA)} และ ${fmt.t(yearB)}`,
        categories: shared.map((i) => `${fmt.t(i.no)}. ${i.nameTh}`),
        series: [before, after].map((r, k) => ({
          name: `ปี ${fmt.t(r.assessment.year)}`,
          color: k === 0 ? "#90A4AE" : "#2E7D32",
          values: shared.map((i) => {
            const d = indicatorDeltas.find((x) => x.code === String(i.no))!;
            return valueIn(r, k === 0 ? (d.fromCode ?? d.code) : d.code);
          }),
        })),
      };
      comparison.push({ type: "chart", chart });
    }
  } else {
    comparison.push(
      p(
        after || before
          ? `มีผลการประเมินในระบบเพียงปี ${fmt.t((after ?? before)!.assessment.year)} จึงยังเปรียบเทียบรายปีไม่ได้`
          : "ยังไม่มีผลการประเมินในระบบ จึงยังเปรียบเทียบรายปีไม่ได้",
        { indent: true },
      ),
    );
  }

  return mapText(
    {
      kind: "progress",
      title: `${PROGRESS_TITLE} ${yearText} ${agency.nameTh}`,
      agencyCode: agency.code,
      year,
      sections: [
        { orientation: "portrait", blocks: cover },
        { orientation: "landscape", blocks: [...table, ...comparison] },
      ],
    },
    fmt.t,
  );
}
