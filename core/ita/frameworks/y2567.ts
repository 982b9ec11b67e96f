import type { FrameworkData } from "../framework.ts";
import { INDICATOR_NAMES, PASS_LEVELS, PASS_MARK, TOOLS_EIT_IN_PARTS } from "./common.ts";

/** Titles are the meanings seen in the 2567 analysis report (seed 000); other items have none yet. */
export const y2567: FrameworkData = {
  year: 2567,
  tools: TOOLS_EIT_IN_PARTS,
  indicators: [
    { no: 1, nameTh: INDICATOR_NAMES[1], tool: "IIT", items: ["i1", "i2", "i3"] },
    { no: 2, nameTh: INDICATOR_NAMES[2], tool: "IIT", items: ["i4", "i5", "i6"] },
    { no: 3, nameTh: INDICATOR_NAMES[3], tool: "IIT", items: ["i7", "i8", "i9"] },
    { no: 4, nameTh: INDICATOR_NAMES[4], tool: "IIT", items: ["i10", "i11", "i12"] },
    { no: 5, nameTh: INDICATOR_NAMES[5], tool: "IIT", items: ["i13", "i14", "i15"] },
    { no: 6, nameTh: INDICATOR_NAMES[6], tool: "EIT", items: ["e1", "e2", "e3"] },
    { no: 7, nameTh: INDICATOR_NAMES[7], tool: "EIT", items: ["e4", "e5", "e6"] },
    { no: 8, nameTh: INDICATOR_NAMES[8], tool: "EIT", items: ["e7", "e8", "e9"] },
    { no: 9, nameTh: INDICATOR_NAMES[9], tool: "OIT" },
    { no: 10, nameTh: INDICATOR_NAMES[10], tool: "OIT" },
  ],
  items: [
    { code: "i5", titleTh: "เบิกจ่ายเงินที่เป็นเท็จ", concept: "false-disbursement" },
    { code: "i8", titleTh: "ผู้บังคับบัญชาสั่งการให้ทำในสิ่งที่ไม่ถูกต้อง", concept: "superior-orders-wrongdoing" },
    { code: "i12", titleTh: "การกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ", concept: "asset-supervision" },
    { code: "e3", titleTh: "ผู้รับบริการถูกเรียกรับสินบน", concept: "bribery-of-service-users" },
    { code: "e6", titleTh: "ความชัดเจนของการสื่อสาร ตอบข้อซักถาม", concept: "communication-clarity" },
    { code: "e9", titleTh: "การใช้ระบบ E-Service", concept: "e-service-use" },
    { code: "O6", titleTh: "ช่องทางการติดต่อ - สอบถามข้อมูล", concept: "qa-channel" },
    { code: "O10", titleTh: "คู่มือหรือมาตรฐานการปฏิบัติงาน", concept: "work-manual" },
    { code: "O18", titleTh: "E-Service", concept: "e-service" },
    { code: "O20", titleTh: "การขับเคลื่อนจริยธรรม", concept: "ethics" },
    {
      code: "O22",
      titleTh: "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
      concept: "complaint-guideline",
    },
    { code: "O23", titleTh: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", concept: "complaint-channel" },
    { code: "O26", titleTh: "ประกาศนโยบาย No Gift Policy จากการปฏิบัติหน้าที่", concept: "no-gift-policy" },
    { code: "O30", titleTh: "การประเมินความเสี่ยงการทุจริตประจำปี", concept: "corruption-risk-assessment" },
  ],
  itemRanges: [{ prefix: "O", from: 1, to: 43, tool: "OIT" }],
  levels: PASS_LEVELS,
  passMark: PASS_MARK,
  source:
    "ITEMS.md and seed 000 (2567 analysis report): IIT i1–i15 and EIT part 1 e1–e9 three per indicator; titles only for the items the report discusses or cites (O18 E-Service from its e9 advice); OIT codes accepted O1–O43, sub-indicators not confirmed.",
};
