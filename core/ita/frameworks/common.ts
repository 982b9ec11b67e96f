// Constants shared by several years' frameworks. Each year file still reads as that year's data.
import type { LevelBand, ToolDef } from "../framework.ts";

export const INDICATOR_NAMES = {
  1: "การปฏิบัติหน้าที่",
  2: "การใช้งบประมาณ",
  3: "การใช้อำนาจ",
  4: "การใช้ทรัพย์สินของราชการ",
  5: "การแก้ไขปัญหาการทุจริต",
  6: "คุณภาพการดำเนินงาน",
  7: "ประสิทธิภาพการสื่อสาร",
  8: "การปรับปรุงระบบการทำงาน",
  9: "การเปิดเผยข้อมูล",
  10: "การป้องกันการทุจริต",
} as const;

const IIT: ToolDef = {
  code: "IIT",
  nameTh: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
  weightPercent: 30,
  indicators: [1, 2, 3, 4, 5],
};

const EIT: ToolDef = {
  code: "EIT",
  nameTh: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
  weightPercent: 30,
  indicators: [6, 7, 8],
};

const OIT: ToolDef = {
  code: "OIT",
  nameTh: "แบบตรวจการเปิดเผยข้อมูลสาธารณะ",
  weightPercent: 40,
  indicators: [9, 10],
};

/** Up to 2565: EIT is one score. */
export const TOOLS_SINGLE_EIT: ToolDef[] = [IIT, EIT, OIT];

/** From 2566: EIT is collected in two parts, and the tool is the mean of the parts. */
export const TOOLS_EIT_IN_PARTS: ToolDef[] = [
  IIT,
  {
    ...EIT,
    parts: [
      { code: "EIT1", nameTh: "EIT ส่วนที่ 1 ผู้รับบริการตอบด้วยตนเอง" },
      { code: "EIT2", nameTh: "EIT ส่วนที่ 2 การสำรวจ" },
    ],
  },
  OIT,
];

/** Up to 2565: letter grades on the total alone. */
export const LETTER_LEVELS: LevelBand[] = [
  { code: "AA", nameTh: "ระดับ AA", minTotal: 95, color: "#1B5E20" },
  { code: "A", nameTh: "ระดับ A", minTotal: 85, color: "#2E7D32" },
  { code: "B", nameTh: "ระดับ B", minTotal: 75, color: "#7CB342" },
  { code: "C", nameTh: "ระดับ C", minTotal: 65, color: "#F9A825" },
  { code: "D", nameTh: "ระดับ D", minTotal: 55, color: "#EF6C00" },
  { code: "E", nameTh: "ระดับ E", minTotal: 50, color: "#D84315" },
  { code: "F", nameTh: "ระดับ F", minTotal: 0, color: "#C62828" },
];

/** From 2566: pass / excellent, with every tool counted for the two best bands. */
export const PASS_LEVELS: LevelBand[] = [
  { code: "ผ่านดีเยี่ยม", nameTh: "ผ่านดีเยี่ยม", minTotal: 95, minEachTool: 95, color: "#1B5E20" },
  { code: "ผ่านดี", nameTh: "ผ่านดี", minTotal: 85, minEachTool: 85, color: "#2E7D32" },
  { code: "ผ่าน", nameTh: "ผ่าน", minTotal: 85, color: "#7CB342" },
  { code: "ต้องปรับปรุง", nameTh: "ต้องปรับปรุง", minTotal: 70, color: "#F9A825" },
  { code: "ต้องปรับปรุงโดยด่วน", nameTh: "ต้องปรับปรุงโดยด่วน", minTotal: 0, color: "#C62828" },
];

export const PASS_MARK = 85;
