// December of fiscal 2570, as an official lives it: ศรีสองรัก imports its 2568 and 2569 results
// from ITAS and asks about them, about "this year" (whose results come in August), about items
// renumbered between the years, and about the calendar.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importResultsFile } from "../../../db/import/import-results.ts";
import { openWorld, ADMIN_SRISONGRAK as SRI, visibleText, type World } from "../world.ts";

const HEADER = [
  "agency_code",
  "agency_name",
  "agency_type",
  "province",
  "district",
  "fiscal_year",
  "total",
  "level",
  "rank",
  "IIT",
  "EIT1",
  "EIT2",
  "OIT",
  "O11",
  "O12",
  "O25",
];
const AGENCY = ["SEED000", "เทศบาลตำบลศรีสองรัก", "เทศบาลตำบล", "เลย", "ด่านซ้าย"];

// 2569: IIT 97.00, EIT = mean(82.00, 85.00) = 83.50, OIT 100 → 29.10 + 25.05 + 40 = 94.15 with EIT
// under 85: ผ่าน, not ผ่านดี (the NACC's rule, confirmed for a 2568 case). ITAS's rank 211.
// 2568: IIT 95.20, EIT 90.10 (both parts), OIT 92.31 → 28.56 + 27.03 + 36.92 = 92.51 ผ่านดี.
const CSV = [
  HEADER.join(","),
  [...AGENCY, "2568", "", "", "", "95.20", "90.10", "90.10", "92.31", "100", "100", ""].join(","),
  [...AGENCY, "๒๕๖๙", "94.15", "ผ่าน", "211", "97.00", "82.00", "85.00", "100", "0", "100", "100"].join(","),
].join("\n");

describe("fiscal 2569 results asked about in December of fiscal 2570", () => {
  let w: World;
  const say = async (text: string) => (await w.say(SRI, text)).map(visibleText).join("\n");

  beforeAll(async () => {
    w = await openWorld();
    const imported = await importResultsFile(w.db, new TextEncoder().encode(CSV), "itas-2569.csv", {
      label: "test:itas",
    });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
  });
  afterAll(async () => {
    await w.close();
  });

  it("answers คะแนนปี 69 with 2569's card: ผ่าน held back by EIT, the provisional framework named", async () => {
    const seen = await say("คะแนนปี 69");
    expect(seen).toContain("94.15");
    expect(seen).toContain("ผ่าน");
    expect(seen).toContain("ได้ระดับผ่าน ไม่ถึงผ่านดี เพราะ EIT 83.50 ต่ำกว่า 85");
    expect(seen).toContain("กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)");
    expect(seen).toContain("อันดับ 211");
  });

  it("answers ปีนี้ with the latest year that has results, saying when this year's are expected", async () => {
    const messages = await w.say(SRI, "ปีนี้ได้เท่าไร");
    expect(visibleText(messages[0]!)).toBe("ผลปี ๒๕๗๐ ยังไม่ประกาศ (คาดว่า ส.ค. ๒๕๗๐) ผลล่าสุดคือปี ๒๕๖๙");
    expect(visibleText(messages[1]!)).toContain("94.15");
    // ปีที่แล้ว is 2569 itself; ล่าสุด is the latest with results.
    expect(await say("ผล ita ปีที่แล้ว")).toContain("94.15");
    expect(await say("ผลล่าสุด")).toContain("94.15");
  });

  it("compares 2568 with 2569, and this year with last year before this year's results are out", async () => {
    const seen = await say("เทียบ 68 กับ 69");
    expect(seen).toContain("เทียบปีงบประมาณ พ.ศ. 2568 กับ 2569");
    expect(seen).toContain("92.51");
    expect(seen).toContain("94.15");
    expect(seen).not.toContain("ต่างกัน");
    const relative = await w.say(SRI, "เทียบปีนี้กับปีที่แล้ว");
    expect(visibleText(relative[0]!)).toContain("ผลปี ๒๕๗๐ ยังไม่ประกาศ");
    expect(visibleText(relative[1]!)).toContain("เทียบปีงบประมาณ พ.ศ. 2568 กับ 2569");
  });

  it("answers an item of 2569 with its title, and finds the same item of 2568 under its old number", async () => {
    const o25 = await say("O25 ได้กี่คะแนน");
    expect(o25).toContain("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร");
    expect(o25).toContain("100.00");
    expect(o25).toContain("กรอบการประเมินปี ๒๕๖๙ (รอยืนยันจาก ป.ป.ช.)");
    // 2569's O11 (monthly procurement) continues 2568's O12: the card says so, with its score.
    const o11 = await say("ข้อ O11 ปี 69");
    expect(o11).toContain("สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน");
    expect(o11).toContain("ปี 2568 ข้อนี้คือ ข้อ O12 รายการจัดซื้อจัดจ้างและความก้าวหน้า: 100.00");
    const o12 = await say("O12 ปี 68");
    expect(o12).toContain("รายการจัดซื้อจัดจ้างและความก้าวหน้า");
    const compared = await say("เทียบข้อ O11 ปี 68 กับ 69");
    expect(compared).toContain("ปี 2568 ข้อนี้คือ ข้อ O12");
  });

  it("answers the calendar: the next dates, days left, provisional marked, and a way to the open work", async () => {
    const [calendar] = await w.say(SRI, "ปฏิทิน ITA");
    const seen = visibleText(calendar!);
    expect(seen).toContain("ปฏิทิน ITA ปีงบประมาณ พ.ศ. 2570");
    expect(seen).toContain("ลงทะเบียนและนำเข้าข้อมูลในระบบ ITAS");
    expect(seen).toContain("วันที่ตามรูปแบบปีก่อน ๆ รอประกาศจาก ป.ป.ช.");
    const replies = (
      (calendar as { quickReply?: { items: { action: { text: string } }[] } }).quickReply?.items ?? []
    ).map((i) => i.action.text);
    expect(replies).toContain("งานของฉัน");

    const oit = await say("กำหนดส่ง OIT เมื่อไหร่");
    expect(oit).toContain("เผยแพร่ข้อมูล OIT บนเว็บไซต์และส่งคำตอบในระบบ ITAS");
    expect(oit).toContain("1 มี.ค. – 30 เม.ย. 70");
    expect(oit).toContain("อีก 156 วัน");
    const results = await say("ประกาศผลเมื่อไหร่");
    expect(results).toContain("15 ส.ค. 70");
    expect(results).toContain("อีก 263 วัน");
    expect(await say("เหลือกี่วัน")).toContain("อีก 95 วัน");
  });
});
