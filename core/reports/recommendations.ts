// The recommendation library of the analysis report: what an indicator measures and what to do
// when it is weak, and for each item concept (core/ita/frameworks: a meaning that survives the
// yearly renumbering of items) the weak point and the action, in the style of the NACC's advice
// quoted in seed 000. An agency can replace any action with its own text
// (db/repositories/recommendations.ts); keys are "indicator:" and an indicator's concept
// ("indicator:asset-use") or an item concept ("asset-supervision"): a reformed year that numbers
// its indicators otherwise still gets the advice that fits each one.
import { z } from "zod";
import type { FrameworkCatalog } from "../ita/catalog.ts";
import type { IndicatorDef } from "../ita/framework.ts";
import { withoutControls } from "../schemas/text.ts";

export interface IndicatorAdvice {
  /** What the indicator measures, as the report explains it after the score. */
  about: string;
  /** Said of a strength. */
  keep: string;
  /** The recommended action when the indicator is below the threshold. */
  improve: string;
}

export interface ConceptAdvice {
  /** The weak point, read as "ประเด็น …". */
  issue: string;
  action: string;
}

/** By indicator concept (the frameworks give each indicator one). */
export const INDICATOR_ADVICE: Record<string, IndicatorAdvice> = {
  "duty-performance": {
    about:
      "เป็นการประเมินการรับรู้ของบุคลากรภายในต่อการปฏิบัติงานตามขั้นตอนและระยะเวลา การให้บริการอย่างเท่าเทียม และการไม่เรียกรับสินบน",
    keep: "ควรรักษามาตรฐานการปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด และให้บริการอย่างเท่าเทียมต่อไป",
    improve:
      "จัดทำคู่มือหรือแนวทางการปฏิบัติงานที่กำหนดผู้รับผิดชอบ ขั้นตอนและระยะเวลาให้ชัดเจน เผยแพร่ให้บุคลากรถือปฏิบัติ และกำกับติดตามการให้บริการอย่างเท่าเทียม [[ref:work-manual]]",
  },
  "budget-use": {
    about:
      "เป็นการประเมินการรับรู้ของบุคลากรภายในต่อการใช้จ่ายงบประมาณอย่างคุ้มค่า ตรงตามวัตถุประสงค์ และการเปิดโอกาสให้มีส่วนร่วมตรวจสอบ",
    keep: "ควรรักษาความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้างต่อไป",
    improve:
      "เผยแพร่แผนการใช้จ่ายงบประมาณและแผนการจัดซื้อจัดจ้างให้บุคลากรรับทราบ เปิดโอกาสให้มีส่วนร่วมตรวจสอบ และประเมินความเสี่ยงการทุจริตในการเบิกจ่ายเงิน [[ref:procurement-plan,procurement-monthly-summary,procurement-annual-report,corruption-risk-assessment]]",
  },
  "use-of-authority": {
    about:
      "เป็นการประเมินการรับรู้ของบุคลากรภายในต่อการใช้อำนาจของผู้บังคับบัญชา การมอบหมายงาน การประเมินผลและการบริหารงานบุคคลที่เป็นธรรม",
    keep: "ควรรักษามาตรฐานการบริหารงานบุคคลตามหลักคุณธรรมต่อไป",
    improve:
      "กำหนดหลักเกณฑ์การมอบหมายงาน การประเมินผล และการคัดเลือกบุคลากรให้ชัดเจนและเปิดเผย ประเมินความเสี่ยงจากการใช้อำนาจของผู้บังคับบัญชา และเผยแพร่ช่องทางร้องเรียนภายใน [[ref:hr-policy-plan,hr-annual-report,complaint-channel]]",
  },
  "asset-use": {
    about:
      "เป็นการประเมินการรับรู้ของบุคลากรภายในต่อการใช้ทรัพย์สินของราชการ การขออนุญาตยืม และการกำกับดูแลไม่ให้นำไปใช้เพื่อประโยชน์ส่วนตัว",
    keep: "ควรรักษามาตรฐานการกำกับดูแลการใช้ทรัพย์สินของราชการต่อไป",
    improve:
      "กำหนดแนวทางการใช้และการยืมทรัพย์สินของราชการไว้ในคู่มือมาตรฐานการปฏิบัติงาน ประชาสัมพันธ์ให้บุคลากรถือปฏิบัติ และตรวจสอบวัสดุครุภัณฑ์ในแต่ละส่วนงานเป็นระยะ [[ref:work-manual,ethics]]",
  },
  "anti-corruption-action": {
    about:
      "เป็นการประเมินการรับรู้ของบุคลากรภายในต่อการให้ความสำคัญของผู้บริหารในการต่อต้านการทุจริต และการแก้ไขปัญหาการทุจริตอย่างเป็นรูปธรรม",
    keep: "ควรรักษาการขับเคลื่อนการป้องกันและปราบปรามการทุจริตอย่างต่อเนื่อง",
    improve:
      "จัดทำแผนปฏิบัติการป้องกันการทุจริต ประเมินความเสี่ยงการทุจริตประจำปี รายงานผลการดำเนินงาน และสื่อสารเจตจำนงสุจริตของผู้บริหารให้บุคลากรรับทราบ [[ref:corruption-risk-assessment,anti-corruption-plan,anti-corruption-annual-report]]",
  },
  "service-quality": {
    about: "เป็นการประเมินการรับรู้ของผู้รับบริการต่อคุณภาพการปฏิบัติงานตามขั้นตอน ระยะเวลา ความเท่าเทียม และการไม่เรียกรับสินบน",
    keep: "ควรรักษาคุณภาพการให้บริการต่อไป",
    improve:
      "ประกาศนโยบายไม่รับของขวัญ (No Gift Policy) ประเมินความเสี่ยงเรื่องการเรียกรับสินบน และเผยแพร่คู่มือการให้บริการที่ระบุขั้นตอนและระยะเวลาให้ผู้รับบริการทราบ [[ref:no-gift-policy,corruption-risk-assessment]]",
  },
  "communication-efficiency": {
    about:
      "เป็นการประเมินการรับรู้ของผู้รับบริการต่อการเผยแพร่ข้อมูลที่เข้าถึงง่าย ช่องทางรับฟังความคิดเห็น และการชี้แจงตอบข้อซักถามอย่างชัดเจน",
    keep: "ควรรักษาประสิทธิภาพการสื่อสารและการเผยแพร่ข้อมูลต่อไป",
    improve:
      "มอบหมายผู้รับผิดชอบตอบข้อซักถามผ่านช่องทางการติดต่อ สื่อสารข้อมูลที่ชัดเจนเข้าใจง่ายผ่านเครือข่ายสังคมออนไลน์ และเผยแพร่ช่องทางดังกล่าวในจุดที่สังเกตเห็นได้ง่าย [[ref:qa-channel|contact-info]]",
  },
  "work-improvement": {
    about:
      "เป็นการประเมินการรับรู้ของผู้รับบริการต่อการปรับปรุงคุณภาพการให้บริการ การนำเทคโนโลยีมาใช้ และการเปิดโอกาสให้มีส่วนร่วม",
    keep: "ควรรักษาการปรับปรุงระบบการทำงานอย่างต่อเนื่อง",
    improve:
      "พัฒนาระบบการให้บริการออนไลน์ (E-Service) สำหรับงานบริการหลัก ประชาสัมพันธ์ให้ประชาชนทราบโดยทั่วถึง และเปิดโอกาสให้ผู้รับบริการมีส่วนร่วมปรับปรุงการให้บริการ [[ref:e-service]]",
  },
  "information-disclosure": {
    about:
      "เป็นการประเมินการเผยแพร่ข้อมูลที่เป็นปัจจุบันบนเว็บไซต์ของหน่วยงาน ได้แก่ ข้อมูลพื้นฐาน การบริหารงานและงบประมาณ การจัดซื้อจัดจ้าง การบริหารทรัพยากรบุคคล และการส่งเสริมความโปร่งใส",
    keep: "ควรรักษามาตรฐานการเปิดเผยข้อมูลและปรับปรุงข้อมูลให้เป็นปัจจุบันอย่างสม่ำเสมอ",
    improve:
      "กำหนดผู้รับผิดชอบแต่ละข้อการประเมิน ตรวจสอบข้อมูลบนเว็บไซต์ให้ครบถ้วนและเป็นปัจจุบันตามหลักเกณฑ์ของปีงบประมาณ ก่อนกำหนดส่งแบบ OIT",
  },
  "corruption-prevention": {
    about:
      "เป็นการประเมินการเผยแพร่ข้อมูลการป้องกันการทุจริต ได้แก่ นโยบายไม่รับของขวัญ การประเมินความเสี่ยงการทุจริต แผนป้องกันการทุจริต และมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    keep: "ควรรักษามาตรฐานการดำเนินการป้องกันการทุจริตและเผยแพร่ผลอย่างต่อเนื่อง",
    improve:
      "จัดทำและเผยแพร่แผนป้องกันการทุจริต การประเมินความเสี่ยงการทุจริต และมาตรการส่งเสริมคุณธรรมและความโปร่งใส พร้อมรายงานผลการดำเนินงานตามกำหนด [[ref:corruption-risk-assessment,anti-corruption-plan,integrity-measures]]",
  },
};

export const CONCEPT_ADVICE: Record<string, ConceptAdvice> = {
  "false-disbursement": {
    issue: "บุคลากรบางรายในหน่วยงานมีการเบิกจ่ายเงินที่เป็นเท็จ",
    action:
      "หน่วยงานควรประเมินความเสี่ยงการทุจริตในประเด็นการเบิกจ่ายเงิน นอกเหนือจากประเด็นการเรียกรับสินบน และกำหนดมาตรการป้องกันการเบิกจ่ายเงินที่เป็นเท็จ [[ref:corruption-risk-assessment]]",
  },
  "superior-orders-wrongdoing": {
    issue: "ผู้บังคับบัญชาบางรายเคยสั่งการให้เจ้าหน้าที่ทำในสิ่งที่ไม่ถูกต้องหรือเสี่ยงต่อการทุจริต",
    action:
      "หน่วยงานควรประเมินความเสี่ยงการทุจริตจากการใช้อำนาจหรือการสั่งการของผู้บังคับบัญชา กำหนดมาตรการจัดการความเสี่ยง และเผยแพร่ช่องทางร้องเรียนให้บุคลากรภายในทราบ [[ref:corruption-risk-assessment,complaint-channel]]",
  },
  "asset-supervision": {
    issue: "เจ้าหน้าที่ขาดการกำกับดูแลและตรวจสอบการใช้ทรัพย์สินเพื่อป้องกันไม่ให้นำไปใช้เพื่อประโยชน์ส่วนตัว",
    action:
      "หน่วยงานควรกำหนดแนวทางการใช้ทรัพย์สินของราชการไว้ในคู่มือมาตรฐานการปฏิบัติงาน และตรวจสอบวัสดุและครุภัณฑ์ในแต่ละส่วนงานเป็นระยะ [[ref:work-manual]]",
  },
  "bribery-of-service-users": {
    issue: "ผู้รับบริการบางรายเคยถูกเจ้าหน้าที่เรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือให้บริการ",
    action:
      "หน่วยงานควรประกาศนโยบายไม่รับของขวัญ (No Gift Policy) และเผยแพร่ให้ผู้รับบริการทราบ [[ref:no-gift-policy]] ประเมินความเสี่ยงเรื่องการเรียกรับสินบน [[ref:corruption-risk-assessment]] และเผยแพร่ช่องทางแจ้งเรื่องร้องเรียน [[ref:complaint-channel]]",
  },
  "communication-clarity": {
    issue: "ผู้รับบริการบางรายเห็นว่าการสื่อสาร ตอบข้อซักถาม หรือให้คำอธิบายยังขาดความชัดเจน",
    action:
      "หน่วยงานควรมอบหมายผู้รับผิดชอบตอบข้อซักถามผ่านช่องทางการติดต่อ - สอบถามข้อมูล [[ref:qa-channel|contact-info]] และสื่อสารข้อมูลที่เข้าใจง่ายผ่านเครือข่ายสังคมออนไลน์",
  },
  "e-service-use": {
    issue: "ผู้รับบริการบางรายไม่เคยใช้ระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงาน",
    action:
      "หน่วยงานควรพัฒนาระบบ E-Service สำหรับงานบริการหลัก [[ref:e-service]] และประชาสัมพันธ์ให้บุคคลภายนอกทราบโดยทั่วถึง",
  },
  "e-service": {
    issue: "ยังไม่มีหรือไม่ได้เผยแพร่ระบบการให้บริการออนไลน์ (E-Service)",
    action: "หน่วยงานควรจัดให้มีระบบ E-Service ที่ใช้งานได้จริงและเผยแพร่ลิงก์บนเว็บไซต์ของหน่วยงาน",
  },
  "work-manual": {
    issue: "คู่มือหรือมาตรฐานการปฏิบัติงานยังไม่ครบถ้วนหรือไม่ได้เผยแพร่",
    action: "หน่วยงานควรจัดทำคู่มือมาตรฐานการปฏิบัติงานของแต่ละภารกิจหลักและเผยแพร่บนเว็บไซต์",
  },
  "no-gift-policy": {
    issue: "ยังไม่ได้ประกาศหรือเผยแพร่นโยบายไม่รับของขวัญ (No Gift Policy)",
    action: "ผู้บริหารสูงสุดควรประกาศนโยบาย No Gift Policy จากการปฏิบัติหน้าที่ และเผยแพร่ให้บุคลากรและผู้รับบริการทราบ",
  },
  "corruption-risk-assessment": {
    issue: "การประเมินความเสี่ยงการทุจริตประจำปียังไม่ครบถ้วน",
    action: "หน่วยงานควรประเมินความเสี่ยงการทุจริตประจำปี กำหนดมาตรการจัดการความเสี่ยง และเผยแพร่ผลการประเมิน",
  },
  "complaint-channel": {
    issue: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบยังไม่เป็นที่รับรู้",
    action: "หน่วยงานควรเผยแพร่ช่องทางแจ้งเรื่องร้องเรียนการทุจริตที่ผู้ร้องเรียนไม่ต้องเปิดเผยตัวตนบนเว็บไซต์และในสำนักงาน",
  },
  "complaint-guideline": {
    issue: "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบยังไม่ครบถ้วน",
    action: "หน่วยงานควรจัดทำแนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตที่ระบุขั้นตอน ผู้รับผิดชอบ และระยะเวลา แล้วเผยแพร่",
  },
  ethics: {
    issue: "การขับเคลื่อนจริยธรรมของเจ้าหน้าที่ยังไม่เป็นรูปธรรม",
    action: "หน่วยงานควรจัดกิจกรรมเสริมสร้างจิตสำนึกการเป็นเจ้าหน้าที่ของรัฐที่ดีตามมาตรฐานทางจริยธรรม [[ref:ethics]]",
  },
  "qa-channel": {
    issue: "ช่องทางการติดต่อ - สอบถามข้อมูลยังไม่ครบถ้วน",
    action: "หน่วยงานควรเปิดช่องทางถาม - ตอบที่ตอบกลับได้ และมอบหมายผู้รับผิดชอบตอบภายในเวลาที่กำหนด",
  },
  "integrity-measures": {
    issue: "ยังไม่ได้จัดทำหรือเผยแพร่มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    action: "หน่วยงานควรนำผลการวิเคราะห์นี้ไปกำหนดมาตรการ ผู้รับผิดชอบ และระยะเวลา แล้วเผยแพร่บนเว็บไซต์",
  },
  "integrity-measures-result": {
    issue: "ยังไม่ได้รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    action: "หน่วยงานควรรายงานผลการดำเนินการตามมาตรการต่อผู้บริหารและเผยแพร่บนเว็บไซต์ภายในปีงบประมาณ",
  },
};

export type Overrides = Readonly<Record<string, string>>;

const REF = /\s*\[\[ref:([a-z0-9,|-]+)\]\]/g;

/**
 * The library cites the OIT items where evidence goes, by concept, because item codes change every
 * year: "[[ref:no-gift-policy,corruption-risk-assessment]]" becomes "(อ้างอิงจาก O20 และ O21)" in a
 * 2569 report and "(อ้างอิงจาก O26 และ O30)" in a 2567 one. A concept the year has no item for is
 * left out ("a|b" takes the first the year has); with none left, so is the citation.
 */
export function withItemRefs(text: string, itemCode: (concept: string) => string | undefined): string {
  return text.replace(REF, (_m, list: string) => {
    const codes = list
      .split(",")
      .map((alternatives) =>
        alternatives
          .split("|")
          .map(itemCode)
          .find((c) => c !== undefined),
      )
      .filter((c): c is string => c !== undefined);
    const unique = [...new Set(codes)];
    if (unique.length === 0) return "";
    const joined =
      unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(", ")} และ ${unique[unique.length - 1]}`;
    return ` (อ้างอิงจาก ${joined})`;
  });
}

/** The key an agency's own text for an indicator is stored under. */
export function indicatorKey(indicator: Pick<IndicatorDef, "no" | "concept">): string {
  return `indicator:${indicator.concept ?? `no-${indicator.no}`}`;
}

/** What the library says an indicator measures, when it knows the indicator's concept. */
export function indicatorAdvice(indicator: Pick<IndicatorDef, "concept">): IndicatorAdvice | undefined {
  return indicator.concept ? INDICATOR_ADVICE[indicator.concept] : undefined;
}

/** The agency's own text for an indicator when it has one, else the library's. */
export function indicatorAction(
  indicator: Pick<IndicatorDef, "no" | "concept">,
  overrides: Overrides = {},
): string {
  return overrides[indicatorKey(indicator)] ?? indicatorAdvice(indicator)?.improve ?? "";
}

/**
 * What to say about a low item: its concept's advice (the agency's action first), else its
 * indicator's. `title` is the item's title for the year when the concept has no text.
 */
export function itemAdvice(
  concept: string | undefined,
  indicator: Pick<IndicatorDef, "no" | "concept"> | undefined,
  title: string | undefined,
  overrides: Overrides = {},
): ConceptAdvice {
  const base = concept ? CONCEPT_ADVICE[concept] : undefined;
  const own = concept ? overrides[concept] : undefined;
  const issue = base?.issue ?? title ?? (indicator ? `ข้อคำถามในตัวชี้วัดที่ ${indicator.no}` : "ข้อคำถามนี้");
  const action =
    own ?? base?.action ?? (indicator !== undefined ? indicatorAction(indicator, overrides) : "");
  return { issue, action };
}

/** Keys of the library itself: every indicator concept and every item concept it has text for. */
export const RECOMMENDATION_KEYS: readonly string[] = [
  ...Object.keys(INDICATOR_ADVICE).map((c) => `indicator:${c}`),
  ...Object.keys(CONCEPT_ADVICE),
];

/** The library's text for a key (what an override replaces). */
export function defaultRecommendation(key: string): string | undefined {
  if (key.startsWith("indicator:")) return INDICATOR_ADVICE[key.slice("indicator:".length)]?.improve;
  return CONCEPT_ADVICE[key]?.action;
}

/**
 * A key an agency may write: one of the library's, or an indicator or item concept of a year the
 * system holds. "indicator:4" is read as the newest year's indicator 4.
 */
export function recommendationKeyOf(key: string, catalog: FrameworkCatalog): string | undefined {
  const k = key.trim();
  if (RECOMMENDATION_KEYS.includes(k)) return k;
  const numbered = /^indicator:(\d{1,2})$/.exec(k);
  if (numbered) {
    const ind = catalog.latest()?.indicator(Number(numbered[1]));
    return ind ? indicatorKey(ind) : undefined;
  }
  for (const framework of catalog.all()) {
    if (framework.indicators.some((i) => indicatorKey(i) === k)) return k;
    if (framework.itemByConcept(k)) return k;
  }
  return undefined;
}

export const recommendationInput = z.object({
  key: z
    .string()
    .trim()
    .regex(
      /^(indicator:)?[a-z0-9]+(-[a-z0-9]+)*$/,
      "ไม่รู้จักหัวข้อข้อเสนอแนะนี้ (ใช้ indicator:<ประเด็น> หรือรหัสประเด็น)",
    ),
  text: z
    .string()
    .overwrite(withoutControls)
    .trim()
    .min(1, "ข้อเสนอแนะต้องไม่ว่าง")
    .max(2000, "ข้อเสนอแนะยาวเกิน ๒,๐๐๐ ตัวอักษร"),
});
