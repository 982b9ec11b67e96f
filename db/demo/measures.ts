import type { Kysely } from "kysely";
import { deriveFromSteps } from "../../core/measures/derive.ts";
import type { FollowUp, MeasureStatus } from "../../core/measures/model.ts";
import { addDays, daysBetween } from "../../core/thai/date.ts";
import { toThaiDigits } from "../../core/thai/digits.ts";
import { bangkokDate, fiscalYearOfDate, fiscalYearRange } from "../../core/thai/fiscal-year.ts";
import { periodRange } from "../../core/thai/period.ts";
import { findAgencyByCode } from "../repositories/agencies.ts";
import { createMeasure } from "../repositories/measures.ts";
import { ensureNationalCalendar } from "../repositories/milestones.ts";
import type { Database } from "../schema.ts";
import { type Actor, systemScope } from "../scope.ts";
import { DEMO_USERS } from "./users.ts";

// The measures (มาตรการ) of the shared seed reports as structured records:
// - seed 001 (อบต.บ้านแลง) and seed 004 (เทศบาลตำบลกุดจิก): the measures of fiscal 2566 with the
//   results the agencies reported, so all done;
// - seed 000 (เทศบาลตำบลศรีสองรัก): its plan written for fiscal 2568 ("ส่วนที่ ๒"), with made-up
//   progress as of 1 June 2025, lived in the fiscal year of today so the reminder demo has
//   something to say on any date.
// Texts are the seeds' own, with the words the PDF extraction split joined again; seed 000's
// table, which the extraction garbled more, is lightly cleaned (typos fixed, broken phrases cut).

export interface DemoStep {
  title: string;
  /** The step's own period as written, when it has one; else the measure's. */
  period?: string;
  /** Explicit due date; otherwise the end of the period. */
  dueOn?: string;
  responsibleUnit?: string;
  status?: MeasureStatus;
  progress?: number;
  doneOn?: string;
}

export interface DemoMeasure {
  title: string;
  indicators?: number[];
  items?: string[];
  /** Omitted: the steps, numbered as in the seed. */
  method?: string;
  responsibleUnit: string;
  /** ระยะเวลาดำเนินการ as written. */
  periodText: string;
  followUp: FollowUp;
  resultSummary?: string;
  suggestions?: string;
  steps: DemoStep[];
}

export interface DemoAgencyMeasures {
  agencyCode: string;
  fiscalYear: number;
  /** Lived in today's fiscal year, its dates moved so that LIVE_AS_OF is today (see liveDate). */
  live?: boolean;
  /** Steps with status "done" and no doneOn were done by this date (the report's date). */
  reportedOn?: string;
  measures: DemoMeasure[];
}

// ---------------------------------------------------------------------------------------------
// Seed 001: องค์การบริหารส่วนตำบลบ้านแลง, fiscal 2566 (report of 13 March 2566). Every measure is
// followed up "รายงานผลการดำเนินงานในการประชุมประจำเดือน" → monthly.

const SEED001: DemoAgencyMeasures = {
  agencyCode: "SEED001",
  fiscalYear: 2566,
  reportedOn: "2023-03-13",
  measures: [
    {
      title: "การสร้างความเข้าใจในการใช้ทรัพย์สินของราชการ",
      indicators: [4],
      responsibleUnit: "สำนักปลัดฯ",
      periodText: "มีนาคม ๒๕๖๖",
      followUp: "monthly",
      steps: [
        { title: "สร้างความเข้าใจในการใช้ทรัพย์สินของราชการ", doneOn: "2023-03-09" },
        { title: "จัดทำคู่มือแนวปฏิบัติในการใช้ทรัพย์สินของราชการ" },
      ],
      resultSummary:
        "๑. จัดประชุมชี้แจงแนวทางปฏิบัติในการยืมใช้ทรัพย์สินขององค์การบริหารส่วนตำบลบ้านแลง เมื่อวันที่ ๙ มีนาคม ๒๕๖๖ โดยมีบุคลากรขององค์การบริหารส่วนตำบลบ้านแลงเข้าร่วมประชุมครบทุกท่าน",
      suggestions:
        "หากมีบุคลากรบรรจุ/โอน/ย้าย หรือผู้บริหารท้องถิ่นและสมาชิกสภาท้องถิ่นเข้ามาในหน่วยงานควรให้สำนักปลัดฯ แจ้งให้ทราบถึงมาตรการต่าง ๆ ดังกล่าวของหน่วยงาน",
    },
    {
      title: "การปรับปรุงระบบการทำงานและการเพิ่มประสิทธิภาพการสื่อสาร",
      indicators: [7, 8],
      responsibleUnit: "สำนักปลัดฯ",
      periodText: "ตลอดปี ๒๕๖๖",
      followUp: "monthly",
      steps: [
        { title: "จัดตั้งศูนย์ข้อมูลข่าวสาร" },
        { title: "แต่งตั้ง จนท.ประจำศูนย์" },
        { title: "จัดอบรม จนท." },
        { title: "แต่งตั้ง จนท.ประชาสัมพันธ์หมู่บ้าน" },
        { title: "ดำเนินงานประชาสัมพันธ์ผ่านทุกช่องทางการสื่อสารเป็นระยะ ๆ" },
        // The seed writes "สสำรวจ" in the plan and "สืบรวจ" in the report.
        { title: "สำรวจความพึงพอใจ" },
      ],
      resultSummary:
        "๑. จัดตั้งศูนย์ข้อมูลข่าวสาร อบต.บ้านแลง ๒. แต่งตั้ง จนท.ประจำศูนย์ฯ ๓. ดำเนินการจัดอบรม จนท.ประจำศูนย์ฯ ๔. มีการประชาสัมพันธ์ข้อมูลข่าวสารผ่านทางเฟซบุ๊ก, เว็บไซต์ของหน่วยงาน และไลน์กลุ่ม ๕. มีการประเมินความพึงพอใจในการติดต่อประสานงาน",
      suggestions: "หากมีบุคลากรบรรจุ/โอน/ย้าย ต้องมีการจัดทำคำสั่งและมีการประชุม อบรม ให้ทราบข้อมูลข่าวสารที่เป็นปัจจุบัน",
    },
    {
      title: "โครงการจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงานและวิเคราะห์ความเสี่ยงการทุจริต",
      responsibleUnit: "สำนักปลัดฯ",
      // The plan says กุมภาพันธ์ ๒๕๖๖; the report, which this records, says มีนาคม ๒๕๖๖.
      periodText: "มีนาคม ๒๕๖๖",
      followUp: "monthly",
      steps: [
        { title: "แต่งตั้งคณะทำงานจัดทำมาตรการ" },
        { title: "ประชุมคณะทำงานเพื่อจัดทำมาตรการ" },
        { title: "มอบหมายให้ กอง/สำนัก รับผิดชอบในการดำเนินการ" },
      ],
      resultSummary:
        "๑. แต่งตั้งคณะทำงานจัดทำมาตรการ ๒. จัดประชุมคณะทำงานฯ กำหนดมาตรการส่งเสริมคุณธรรมฯ ๓. มอบหมายให้ กอง/สำนัก รับผิดชอบในการดำเนินการตามมาตรการที่กำหนดและวิเคราะห์ความเสี่ยงการทุจริตที่เกิดขึ้นเพื่อหาแนวทางแก้ไขปัญหาร่วมกัน",
      suggestions: "กำหนดให้มีการประชุมคณะทำงานฯ เป็นประจำทุกปี หรือทุกครั้งมีการกำหนดมาตรการขึ้นใหม่",
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Seed 004: เทศบาลตำบลกุดจิก, fiscal 2566 (memo of 31 March 2566). The seed has no follow-up
// column: recurring periods give one, the others have none.

/** OIT items (2565 numbering) the seed lists under its measures ๑.๑ and ๑.๒. */
const SEED004_ITEMS = [
  "O1",
  "O9",
  "O11",
  "O16",
  "O23",
  "O24",
  "O26",
  "O28",
  "O29",
  "O31",
  "O35",
  "O36",
  "O37",
  "O40",
  "O41",
];

const SEED004: DemoAgencyMeasures = {
  agencyCode: "SEED004",
  fiscalYear: 2566,
  reportedOn: "2023-03-31",
  measures: [
    {
      title: "การแต่งตั้งคณะทำงานเพื่อสนับสนุนและยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของเทศบาล",
      responsibleUnit: "สำนักปลัดเทศบาล",
      periodText: "มกราคม ๒๕๖๖",
      followUp: "none",
      steps: [
        {
          title:
            "จัดทำคำสั่งแต่งตั้งคณะทำงานเพื่อสนับสนุนและยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของเทศบาล",
          doneOn: "2023-01-21",
        },
      ],
      resultSummary:
        "คำสั่งเทศบาลตำบลกุดจิก ที่ ๓๒/๒๕๖๕ ลงวันที่ ๒๑ มกราคม ๒๕๖๖ เรื่องแต่งตั้งคณะทำงานเพื่อสนับสนุนและยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของเทศบาล",
      suggestions: "ควรมีการประชุมติดตามงานอย่างต่อเนื่องในส่วนราชการ",
    },
    {
      title: "การกำหนดผู้รับผิดชอบ การแบ่งงาน หน้าที่หรือผู้ที่เกี่ยวข้องในแต่ละประเด็นตัวชี้วัด",
      indicators: [9, 10],
      items: SEED004_ITEMS,
      responsibleUnit: "ทุกส่วนราชการ",
      periodText: "กุมภาพันธ์ ถึง มีนาคม ๒๕๖๖",
      followUp: "none",
      steps: [
        { title: "นำผลการประเมินในปี ๒๕๖๕ มาวิเคราะห์ และกำหนดผู้รับผิดชอบหรือผู้เกี่ยวข้องในแต่ละประเด็น" },
        { title: "ในประเด็นที่เกี่ยวข้องกับส่วนราชการ หากไม่มีให้ดำเนินการเพิ่ม หากมีอยู่แล้วควรพัฒนาให้ดีขึ้น" },
      ],
      resultSummary:
        "สำนักปลัดเทศบาลได้ดำเนินการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานปีงบประมาณ ๒๕๖๕ และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในเทศบาลตำบลกุดจิก ปีงบประมาณ พ.ศ. ๒๕๖๕ และแจ้งให้ส่วนราชการทราบและถือปฏิบัติตามมาตรการดังกล่าว",
      suggestions: "ในส่วนราชการ ได้รับทราบมาตรการ แต่ยังคงขาดการสร้างความเข้าใจในการดำเนินงาน ควรศึกษาหาความรู้เพิ่มเติม",
    },
    {
      title: "สร้างช่องทางการติดต่อ/การขอรับบริการ/การแสดงความคิดเห็นรูปแบบออนไลน์",
      indicators: [9, 10],
      items: SEED004_ITEMS,
      responsibleUnit: "ทุกส่วนราชการ",
      periodText: "รายเดือน/รายไตรมาส/รอบ ๖ เดือน",
      followUp: "monthly",
      steps: [{ title: "จัดทำช่องทางในการให้บริการรูปแบบออนไลน์ขึ้น เช่น (e-service) (Google Form)" }],
      resultSummary:
        "- มีการปรับปรุงเว็บไซต์เพิ่มช่องทางการให้บริการออนไลน์ให้หลากหลายช่องทาง ทั้ง e-service และ Google Form พร้อมทั้งเผยแพร่ประชาสัมพันธ์ผ่านช่องทางเฟสบุ๊ก และไลน์ - ปรับปรุงข้อมูลข่าวสารในเว็บไซต์หลักให้เป็นปัจจุบัน",
      suggestions:
        "โดยส่วนใหญ่ประชาชนใช้การติดต่อผ่านทางเพจเฟสบุ๊ก และไลน์แอปพลิเคชัน มากกว่าการติดต่อผ่านทางเว็บไซต์ เนื่องจากสะดวกในการใช้งานผ่านระบบนี้มากกว่า จึงควรเพิ่มการรับรู้การใช้ประโยชน์ผ่านเว็บไซต์",
    },
    {
      title: "ปรับปรุงระบบการทำงาน",
      responsibleUnit: "ทุกส่วนราชการ",
      periodText: "ทุกไตรมาส",
      followUp: "quarterly",
      steps: [
        {
          title:
            "ทบทวนวิธีการและขั้นตอนในการให้บริการประชาชนแต่ละงานให้มี กระชับ สะดวก รวดเร็ว ขึ้น ลดขั้นตอนในการให้บริการประชาชน",
        },
        { title: "ให้ผู้รับบริการ ประเมินความพึงพอใจต่อการให้บริการของพนักงาน ผู้ให้บริการ รายบุคคล" },
      ],
      resultSummary:
        "- ทุกส่วนราชการได้ทบทวนกระบวนการทำงาน ในการบริการประชาชน รวมถึงได้จัดทำรายงานสรุปการให้บริการ - ผลการประเมินความพึงพอใจในการให้บริการของพนักงาน ประจำปี พ.ศ. ๒๕๖๕ อยู่ในระดับดี ถึง ดีที่สุด และไม่มีเรื่องร้องเรียนในการให้บริการ",
    },
    {
      title:
        "ส่งเสริม สนับสนุน ให้พนักงาน ได้มีโอกาสพัฒนาตนด้านความรู้เรื่องกฎหมายที่เกี่ยวข้องกับการปฏิบัติงาน/ การเพิ่มคุณภาพการทำงาน",
      responsibleUnit: "ทุกส่วนราชการ",
      periodText: "กุมภาพันธ์ - มีนาคม ๒๕๖๖",
      followUp: "none",
      steps: [
        {
          title: "ส่งพนักงานเข้ารับการอบรมตามตำแหน่ง เพื่อให้ทราบระเบียบกฎหมายที่เกี่ยวข้องกับการปฏิบัติงาน",
          period: "กุมภาพันธ์ - มีนาคม ๒๕๖๖",
        },
        {
          title: "มอบหมายพนักงานจัดทำคู่มือการปฏิบัติงานตามภารกิจหน้าที่ของตนเอง พร้อมเผยแพร่ผ่านเว็บไซต์",
          period: "กุมภาพันธ์ - มีนาคม ๒๕๖๖",
        },
      ],
      resultSummary:
        "- เปิดโอกาสให้บุคลากรได้รับการฝึกอบรมตามตำแหน่ง เพื่อให้มีความรู้เกี่ยวกับกฎหมายที่ใช้ในการปฏิบัติงาน - ส่วนราชการได้จัดทำคู่มือการปฏิบัติงานตามภารกิจหน้าที่ อย่างน้อย ส่วนราชการ/ ๑ คู่มือ - มีการเผยแพร่คู่มือผ่านเว็บไซต์ ของหน่วยงาน",
      suggestions:
        "- เปิดโอกาสให้บุคลากรเข้ารับการฝึกอบรมตามตำแหน่ง ให้ครบทุกคน - มีมาตรการให้ทุกตำแหน่งทำคู่มือการปฏิบัติงานที่ชัดเจน มีกำหนดระยะเวลา และรายงานผลให้ผู้บังคับบัญชาทราบ",
    },
    {
      title: "การจัดทำนโยบายป้องกันการทุจริต ได้แก่ นโยบายไม่รับของขวัญ (No Gift Policy)",
      responsibleUnit: "สำนักปลัดเทศบาล, งานตรวจสอบภายใน, งานนิติการ",
      periodText: "มกราคม – กุมภาพันธ์ ๒๕๖๖ / มีนาคม ๒๕๖๕ , กันยายน ๒๕๖๖ / มีนาคม ๒๕๖๖ , กันยายน ๒๕๖๖",
      followUp: "none",
      steps: [
        {
          title: "จัดทำนโยบายไม่รับของขวัญ (No Gift Policy) และแจ้งคณะผู้บริหารเจ้าหน้าที่ ในสังกัด รับทราบและถือปฏิบัติ",
          period: "มกราคม – กุมภาพันธ์ ๒๕๖๖",
          responsibleUnit: "สำนักปลัดเทศบาล",
        },
        {
          title: "จัดทำแผนการประเมินความเสี่ยงการทุจริตประจำปีงบประมาณ พ.ศ. ๒๕๖๕",
          // "มีนาคม ๒๕๖๕" as written (the result says it was announced in March 2566).
          period: "มีนาคม ๒๕๖๕ , กันยายน ๒๕๖๖",
          responsibleUnit: "งานตรวจสอบภายใน",
        },
        {
          title: "จัดทำแผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. ๒๕๖๕",
          period: "มีนาคม ๒๕๖๖ , กันยายน ๒๕๖๖",
          responsibleUnit: "งานนิติการ",
        },
      ],
      resultSummary:
        "- นายกเทศมนตรี ประกาศนโยบายไม่รับของขวัญ (No Gift Policy) รวมทั้งแจ้งเจ้าหน้าที่รับทราบและถือปฏิบัติ - จัดทำแผนประเมินความเสี่ยงการทุจริต และประกาศใช้ภายในมีนาคม ๒๕๖๖ - จัดทำแผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. ๒๕๖๖ และประกาศใช้ภายในมีนาคม ๒๕๖๖",
      suggestions:
        "ในปีงบประมาณ ๒๕๖๗ ควรเริ่มจัดทำแผนการประเมินความเสี่ยง และแผนปฏิบัติการป้องกันการทุจริต ในไตรมาสแรกของปีงบประมาณ",
    },
    {
      title: "การเปิดเผยข้อมูลการดำเนินงานในด้านต่างๆ",
      indicators: [9],
      responsibleUnit: "ทุกส่วนราชการ",
      periodText: "ปีงบประมาณ พ.ศ. ๒๕๖๖",
      followUp: "none",
      steps: [
        {
          // "กุฉินาร" as written: the seed copied it from another municipality's template.
          title: "ประกาศ คำสั่ง กิจกรรม ข่าวประชาสัมพันธ์ ต่างๆ ที่ส่วนราชการดำเนินการให้เผยแพร่ลงเว็บไซต์เทศบาลตำบลกุฉินาร",
        },
      ],
      resultSummary:
        "มีการจัดทำประกาศ คำสั่ง กิจกรรม ข่าวประชาสัมพันธ์ต่างๆ เผยแพร่ลงเว็บไซต์เทศบาลตำบลกุฉินาร เฟสบุ๊ก และไลน์ ที่เป็นปัจจุบัน",
      suggestions:
        "ให้ทุกส่วนราชการมีส่วนเกี่ยวข้องในการเผยแพร่ข้อมูลข่าวสาร ไม่จำเป็นที่ต้องเป็นงานประชาสัมพันธ์ สำนักปลัดเทศบาล เพื่อให้พนักงานได้เรียนรู้กระบวนการทำงานที่หลากหลาย",
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Seed 000: เทศบาลตำบลศรีสองรัก, its plan of "ส่วนที่ ๒" (topics ๑–๗, written for fiscal 2568:
// ๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘). Step due dates are spread through that year and the progress is
// invented as of 1 June 2025 (LIVE_AS_OF): one measure overdue (topic ๓, by 17 days), one step due
// in three days, some in progress, two not started. The demo lives this plan in the fiscal year of
// today: every date moves so that LIVE_AS_OF falls on today (liveDate), and the story stays true.

const YEAR_2568 = "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘";

/** The day the plan's statuses describe; the demo puts it on today. */
export const LIVE_AS_OF = "2025-06-01";

const SEED000: DemoAgencyMeasures = {
  agencyCode: "SEED000",
  fiscalYear: 2568,
  live: true,
  measures: [
    {
      title: "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
      method:
        "จัดทำคู่มือ/แนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบขั้นตอนและระยะเวลาให้ชัดเจนและเผยแพร่คู่มือ/แนวทางให้ข้าราชการและเจ้าหน้าที่ทราบและยึดถือปฏิบัติ จัดประชุมประจำเดือนเพื่อสร้างกระบวนการปรึกษาหารือระหว่างผู้บริหารและบุคลากรเพื่อร่วมกันทบทวนปัญหาและอุปสรรคในการปฏิบัติงานอย่างเป็นระบบ ส่งเสริมให้ผู้รับบริการและประชาชนทั่วไปมีส่วนร่วมในการแสดงความคิดเห็นหรือคำแนะนำในการพัฒนาและปรับปรุงคุณภาพและมาตรฐานการให้บริการ",
      responsibleUnit: "งานบริหารงานบุคคล/สำนักปลัดเทศบาล",
      periodText: YEAR_2568,
      followUp: "monthly",
      steps: [
        {
          title: "จัดทำคู่มือ/แนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบขั้นตอนและระยะเวลาให้ชัดเจน",
          dueOn: "2024-12-31",
          status: "done",
          doneOn: "2024-12-20",
        },
        {
          title: "แจ้งเวียนให้บุคลากรภายในได้รับทราบ",
          dueOn: "2025-01-31",
          status: "done",
          doneOn: "2025-01-28",
        },
        {
          title:
            "เผยแพร่คู่มือ/แนวทางการปฏิบัติงานลงในช่องทางติดต่อภายในหน่วยงานทุกชนิด ยกตัวอย่างเช่น เว็บไซต์ บอร์ดประชาสัมพันธ์ เป็นต้น",
          dueOn: "2025-02-28",
          status: "done",
          doneOn: "2025-02-25",
        },
        {
          title: "จัดประชุมเพื่อสร้างกระบวนการปฏิบัติงานอย่างเป็นระบบในหน่วยงาน",
          dueOn: "2025-06-30",
          status: "in_progress",
          progress: 50,
        },
        { title: "นำปัญหาข้อเสนอแนะที่ได้แจ้งเวียนให้บุคลากรภายในได้รับทราบ", dueOn: "2025-07-31" },
      ],
    },
    {
      title: "การให้บริการและระบบ E-Service",
      method:
        "จัดทำช่องทางการติดต่อสอบถามข้อมูลในลักษณะเป็นการสื่อสารสองทางและช่องทางรับฟังความคิดเห็นของผู้มาติดต่อหรือผู้รับบริการ และพัฒนาระบบการให้บริการประชาชนผ่านระบบฐานข้อมูล SmartLaw ของกรมการปกครอง ซึ่งเป็นระบบการบริหารงานเรื่องร้องทุกข์ ระบบงานสำนักงานกฎหมายและระบบสืบค้นกฎหมายเพื่อสนับสนุนการปฏิบัติงานของเจ้าหน้าที่และเป็นประโยชน์ต่อประชาชนทั่วไป",
      responsibleUnit: "งานประชาสัมพันธ์/สำนักปลัดเทศบาล",
      periodText: YEAR_2568,
      followUp: "monthly",
      steps: [
        { title: "ผู้บริหารกำหนดผู้รับผิดชอบ", dueOn: "2024-11-30", status: "done", doneOn: "2024-11-15" },
        {
          title: "จัดทำช่องทางสื่อสารเพื่อความสะดวกและตอบสนองความต้องการแก่ผู้ใช้บริการ",
          dueOn: "2025-06-30",
          status: "in_progress",
          progress: 60,
        },
      ],
    },
    {
      title: "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
      method:
        "พัฒนาวิธีการเข้าถึงช่องทางในการประชาสัมพันธ์ให้หลากหลายและมีประสิทธิภาพ (สะดวก/รวดเร็ว/ตอบสนอง/ในการแก้ไข) และส่งเสริมให้เจ้าหน้าที่ที่เกี่ยวข้องมีการเพิ่มพูนทักษะและความรู้เกี่ยวกับการปฏิบัติงานอย่างสม่ำเสมอ",
      responsibleUnit: "งานประชาสัมพันธ์/สำนักปลัดเทศบาล",
      periodText: YEAR_2568,
      followUp: "monthly",
      steps: [
        {
          title: "จัดทำโครงการอบรมแก่เจ้าหน้าที่ที่เกี่ยวข้องภายในหน่วยงาน",
          dueOn: "2025-02-28",
          status: "done",
          doneOn: "2025-02-20",
        },
        // Overdue on 2025-06-01.
        {
          title: "ติดตามวิทยากรเพื่อนำมาอบรมแก่เจ้าหน้าที่",
          dueOn: "2025-05-15",
          status: "in_progress",
          progress: 30,
        },
        { title: "ติดตามความก้าวหน้า การดำเนินงาน และรายงานผลอย่างสม่ำเสมอ", dueOn: "2025-09-30" },
      ],
    },
    {
      // The seed writes "การชี้ทรัพย์สินของราชการ".
      title: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
      method:
        "จัดให้มีการเปิดเผยข้อมูลสร้างการรับรู้แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาวัสดุ แผนการใช้จ่ายงบประมาณ รวมถึงการเบิกจ่ายงบประมาณอย่างเปิดเผยและพร้อมรับการตรวจสอบทุกภาคส่วน ตลอดจนการจัดทำรายงานผลอย่างสม่ำเสมอ",
      responsibleUnit: "งานพัสดุ/กองคลัง",
      periodText: YEAR_2568,
      followUp: "monthly",
      steps: [
        {
          title: "จัดทำคำสั่งมอบหมายหน่วยงาน/เจ้าหน้าที่ที่เกี่ยวข้องดำเนินการจัดทำแผนการจัดซื้อจัดจ้าง",
          dueOn: "2025-06-30",
        },
        {
          title:
            "ประชาสัมพันธ์เผยแพร่ข้อมูลเกี่ยวกับการใช้จ่ายงบประมาณของสำนักงานและปรับปรุงช่องทางการติดต่อของสำนักงานและปรับปรุงข้อมูลอยู่เสมอเพื่อให้ประชาชนได้ทราบ",
          dueOn: "2025-08-31",
        },
      ],
    },
    {
      title: "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
      method:
        "ประชาสัมพันธ์สร้างความรู้ความเข้าใจให้บุคลากรภายในหน่วยงานทราบโดยทั่วกัน และเปิดโอกาสให้บุคลากรเข้าไปมีส่วนร่วมในกระบวนการจัดทำงบประมาณ จัดทำรายงานผลการจัดซื้อจัดจ้างให้เป็นปัจจุบัน ประชาสัมพันธ์บุคลากรให้ทราบข้อมูลรายละเอียดของตำแหน่งงาน (job description) และเกณฑ์การประเมินผลการปฏิบัติงาน รวมทั้งเปิดรับฟังความคิดเห็นของผู้ที่เกี่ยวข้องเพื่อปรับปรุงประสิทธิภาพการปฏิบัติงาน",
      responsibleUnit: "งานพัสดุ/กองคลัง",
      periodText: YEAR_2568,
      followUp: "monthly",
      steps: [
        {
          title: "จัดประชุมชี้แจงข้อมูลการใช้จ่ายงบประมาณ แผนการจัดซื้อจัดจ้าง",
          dueOn: "2024-12-15",
          status: "done",
          doneOn: "2024-12-10",
        },
        {
          title: "รายงานผลการจัดซื้อจัดจ้างหรือจัดหาพัสดุให้ผู้บริหารทราบทุกเดือนสม่ำเสมอ",
          dueOn: "2025-06-04",
          status: "in_progress",
          progress: 70,
        },
        {
          title: "ประกาศเผยแพร่แผนและผลการจัดซื้อจัดจ้างหรือแผนจัดหาพัสดุทางเว็บไซต์หน่วยงานหรือสื่อออนไลน์",
          dueOn: "2025-09-15",
        },
      ],
    },
    {
      title: "กระบวนการควบคุมตรวจสอบการใช้อำนาจ และการบริหารงานบุคคล",
      // The seed leaves this topic's method column empty; its steps ๒–๓ spill into topic ๗'s cell.
      method: "",
      responsibleUnit: "งานบริหารงานบุคคล/สำนักปลัดเทศบาล",
      periodText: YEAR_2568,
      followUp: "monthly",
      steps: [
        {
          title:
            "จัดทำและดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล เช่น การสรรหาและบรรจุแต่งตั้งข้าราชการตำแหน่งว่าง การปรับปรุงการกำหนดตำแหน่ง การทบทวนภารกิจ รวมถึงการดำเนินการตามแผนพัฒนาบุคลากรและหลักเกณฑ์การส่งบุคลากรเข้ารับการอบรม/ทุนการศึกษา",
          dueOn: "2025-07-15",
        },
        {
          title: "กำหนดหลักเกณฑ์การประเมินผลการปฏิบัติงานรายบุคคลที่เชื่อมโยงกับผลการปฏิบัติงานขององค์กร",
          dueOn: "2025-08-15",
        },
        {
          title: "แจ้งเวียนให้บุคลากรทราบข้อมูลรายละเอียดของตำแหน่งงานและเกณฑ์การประเมินผลการปฏิบัติงาน",
          dueOn: "2025-09-15",
        },
      ],
    },
    {
      title: "กลไกและมาตรการในการแก้ไขและป้องกันเหตุการณ์ภัยคุกคามทางไซเบอร์",
      method:
        "จัดทำมาตรการป้องกันและเฝ้าระวังระบบการติดตามตรวจสอบพฤติกรรมการทุจริตอย่างชัดเจนและเปิดเผย รวมทั้งนำผลการประเมิน ITA ไปปรับปรุงการทำงาน จัดทำข้อมูล กิจกรรม/โครงการ ให้ครบถ้วนและสอดคล้องตามมาตรการ จัดทำมาตรการดำเนินการจัดการความเสี่ยงการทุจริตประจำปี จัดให้มีการแต่งตั้งคณะกรรมการขับเคลื่อนเรื่องจริยธรรม",
      // The seed's cell reads "สำนักงานกบต" (garbled by the extraction).
      responsibleUnit: "สำนักปลัดเทศบาล",
      periodText: YEAR_2568,
      followUp: "monthly",
      steps: [
        {
          title:
            "ทำการวิเคราะห์และประเมินความเสี่ยงการทุจริตพร้อมกำหนดมาตรการป้องกันการทุจริตภายในหน่วยงาน พร้อมเผยแพร่ให้บุคลากรภายในรับทราบและถือเป็นแนวปฏิบัติ",
          dueOn: "2025-03-31",
          status: "done",
          doneOn: "2025-03-25",
        },
        {
          title: "นำผลการวิเคราะห์ ITA ไปปรับปรุงการปฏิบัติงานให้มีประสิทธิภาพยิ่งขึ้น",
          dueOn: "2025-06-20",
          status: "in_progress",
          progress: 40,
        },
        {
          title:
            "แต่งตั้งคณะกรรมการขับเคลื่อนเรื่องจริยธรรม และจัดทำมาตรฐานทางจริยธรรม และ Dos & Don'ts เพื่อเผยแพร่ให้บุคลากรภายในรับทราบ และถือเป็นแนวปฏิบัติ",
          dueOn: "2025-08-31",
        },
        {
          title: "จัดกิจกรรม/โครงการฝึกอบรมสอดแทรกสาระด้านจริยธรรมของเจ้าหน้าที่ของรัฐ",
          dueOn: "2025-09-30",
        },
      ],
    },
  ],
};

export const DEMO_MEASURES: DemoAgencyMeasures[] = [SEED000, SEED001, SEED004];

// ---------------------------------------------------------------------------------------------
// Loading

const numbered = (steps: DemoStep[]) =>
  steps.map((s, i) => `${toThaiDigits(String(i + 1))}. ${s.title}`).join(" ");

export interface DemoMeasuresOutcome {
  measures: number;
  milestones: number;
}

const NEAR_DAYS = 30;

/**
 * A date of the live plan, moved to `today`'s fiscal year: within NEAR_DAYS of LIVE_AS_OF it keeps
 * its distance from today (17 days overdue stays 17 days overdue), further out it is scaled into
 * what is left of the fiscal year on that side, so the plan's dates stay in order and, but for the
 * first and last weeks of a year, within it.
 */
export function liveDate(planDate: string, today: string): string {
  const plan = fiscalYearRange(fiscalYearOfDate(LIVE_AS_OF));
  const now = fiscalYearRange(fiscalYearOfDate(today));
  const offset = daysBetween(LIVE_AS_OF, planDate);
  if (Math.abs(offset) <= NEAR_DAYS) return addDays(today, offset);
  const [planRoom, nowRoom] =
    offset < 0
      ? [daysBetween(plan.start, LIVE_AS_OF), daysBetween(now.start, today)]
      : [daysBetween(LIVE_AS_OF, plan.end), daysBetween(today, now.end)];
  const room = Math.max(nowRoom, NEAR_DAYS);
  const far = Math.abs(offset) - NEAR_DAYS;
  const scaled = NEAR_DAYS + Math.round((far * (room - NEAR_DAYS)) / Math.max(1, planRoom - NEAR_DAYS));
  return addDays(today, offset < 0 ? -scaled : scaled);
}

/** "๑ ตุลาคม ๒๕๖๙ – ๓๐ กันยายน ๒๕๗๐": a whole fiscal year as the seeds write it. */
function wholeYearText(fiscalYear: number): string {
  return toThaiDigits(`1 ตุลาคม ${fiscalYear - 1} – 30 กันยายน ${fiscalYear}`);
}

/**
 * Inserts the demo measures (through createMeasure, so with audit rows), owned by the agency's demo
 * members: the seeds' published measures in their own years, and the live plan in the fiscal year
 * of `now` (each when the agency has no measures in that year yet); and the national calendar of
 * this fiscal year and the next. Loading again adds nothing; loading in a later year adds that
 * year's live plan and calendar.
 */
export async function loadDemoMeasures(db: Kysely<Database>, now: Date): Promise<DemoMeasuresOutcome> {
  const actor: Actor = { label: "demo:measures" };
  const today = bangkokDate(now);
  let measures = 0;
  for (const plan of DEMO_MEASURES) {
    const agency = await findAgencyByCode(db, plan.agencyCode);
    if (!agency) continue;
    const fiscalYear = plan.live ? fiscalYearOfDate(today) : plan.fiscalYear;
    const existing = await db
      .selectFrom("measures")
      .select("id")
      .where("agency_id", "=", agency.id)
      .where("fiscal_year", "=", fiscalYear)
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    const lineUserIds = DEMO_USERS.filter((u) => u.agencyCode === plan.agencyCode && u.role !== "viewer").map(
      (u) => u.lineUserId,
    );
    const owners = lineUserIds.length
      ? await db
          .selectFrom("members")
          .select("id")
          .where("agency_id", "=", agency.id)
          .where("line_user_id", "in", lineUserIds)
          .where("active", "=", true)
          .execute()
      : [];
    const scope = systemScope(agency.id);
    const move = (date: string | null | undefined) =>
      date && plan.live ? liveDate(date, today) : (date ?? null);
    for (const m of plan.measures) {
      const periodText = plan.live && m.periodText === YEAR_2568 ? wholeYearText(fiscalYear) : m.periodText;
      const range = periodRange(periodText, fiscalYear);
      const steps = m.steps.map((s) => {
        const status = s.status ?? (plan.reportedOn ? "done" : "not_started");
        const dueOn =
          s.dueOn ??
          (s.period ? periodRange(s.period, plan.fiscalYear) : periodRange(m.periodText, plan.fiscalYear))
            ?.end;
        return {
          title: s.title,
          dueOn: move(dueOn),
          responsibleUnit: s.responsibleUnit ?? null,
          status,
          progress: status === "done" ? 100 : (s.progress ?? 0),
          doneOn: status === "done" ? move(s.doneOn ?? plan.reportedOn) : null,
        };
      });
      const derived = deriveFromSteps(steps) ?? { status: "not_started" as const, progress: 0 };
      await createMeasure(db, scope, actor, {
        fiscalYear,
        title: m.title,
        indicators: m.indicators ?? [],
        items: m.items ?? [],
        method: m.method ?? numbered(m.steps),
        responsibleUnit: m.responsibleUnit,
        periodText,
        periodStart: range?.start ?? null,
        periodEnd: range?.end ?? null,
        followUp: m.followUp,
        status: derived.status,
        progress: derived.progress,
        resultSummary: m.resultSummary ?? "",
        suggestions: m.suggestions ?? "",
        ownerIds: owners.map((o) => o.id),
        steps,
      });
      measures++;
    }
  }
  const current = fiscalYearOfDate(today);
  const milestones =
    (await ensureNationalCalendar(db, current)) + (await ensureNationalCalendar(db, current + 1));
  return { measures, milestones };
}
