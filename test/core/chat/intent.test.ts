import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTENT_RULES, parseQuery, readMessage } from "../../../core/chat/intent.ts";
import type { Query, YearSpec } from "../../../core/chat/query.ts";
import { VOCABULARY } from "../../fixtures/frameworks.ts";

const be = (y: number): YearSpec => ({ kind: "year", be: y, era: "be" });
const short = (y: number): YearSpec => ({ kind: "year", be: y, era: "short" });
const ce = (y: number): YearSpec => ({ kind: "year", be: y, era: "ce" });
const rel = (offset: number): YearSpec => ({ kind: "relative", offset });
const UNKNOWN: Query = { intent: "unknown" };
const HELP: Query = { intent: "help" };

/** Messages as officials type them, with what they ask for. */
const MESSAGES: Array<[string, Query]> = [
  // link
  ["เชื่อมต่อ 123456", { intent: "link", code: "123456" }],
  ["เชื่อม ๑๒๓๔๕๖", { intent: "link", code: "123456" }],
  ["link 123456", { intent: "link", code: "123456" }],
  ["123456", { intent: "link", code: "123456" }],
  ["๔๐๒๙๑๗ ครับ", { intent: "link", code: "402917" }],
  ["ขอเชื่อมต่อหน่วยงานค่ะ รหัส 550123", { intent: "link", code: "550123" }],
  ["เชื่อมต่อ2567ab", UNKNOWN],
  // help
  ["ช่วยเหลือ", HELP],
  ["ช่วยเหลือครับ", HELP],
  ["วิธีใช้", HELP],
  ["ขอวิธีใช้หน่อยค่ะ", HELP],
  ["help", HELP],
  ["Help!", HELP],
  ["เมนู", HELP],
  ["ทำอะไรได้บ้างครับ", HELP],
  ["?", HELP],
  ["??", HELP],
  // compare
  ["เทียบปี 66 กับ 67", { intent: "compare", years: [short(2566), short(2567)] }],
  ["เทียบปี๖๗กับ๖๖ครับ", { intent: "compare", years: [short(2566), short(2567)] }],
  ["เปรียบเทียบ 2566 2567", { intent: "compare", years: [be(2566), be(2567)] }],
  ["เปรียบเทียบ ๒๕๖๗ กับ ๒๕๖๖ หน่อยค่ะ", { intent: "compare", years: [be(2566), be(2567)] }],
  ["ปีนี้กับปีที่แล้วต่างกันยังไง", { intent: "compare", years: [rel(0), rel(-1)] }],
  ["คะแนนเพิ่มขึ้นไหม", { intent: "compare", years: [] }],
  ["คะแนนita ดีขึ้นหรือเปล่าคะ", { intent: "compare", years: [] }],
  ["เทียบกับปีที่แล้ว", { intent: "compare", years: [rel(-1)] }],
  ["คะแนนปี 2566 กับ 2567", { intent: "compare", years: [be(2566), be(2567)] }],
  ["ita ปี66-67", { intent: "compare", years: [short(2566), short(2567)] }],
  ["compare 2023 and 2024", { intent: "compare", years: [ce(2566), ce(2567)] }],
  ["เปรียบเทียบคะแนนตัวชี้วัดที่ 10 ปี 66 กับ 67", { intent: "compare", years: [short(2566), short(2567)] }],
  ["ปี 67 คะแนนลดลงจากปีก่อนไหม", { intent: "compare", years: [short(2567), rel(-1)] }],
  // rank
  ["อันดับ", { intent: "rank" }],
  ["ลำดับที่เท่าไร", { intent: "rank" }],
  ["ได้ที่เท่าไหร่คะ", { intent: "rank" }],
  ["rank", { intent: "rank" }],
  ["ปี๖๗ได้อันดับที่เท่าไหร่ครับ", { intent: "rank", year: short(2567) }],
  ["ปีที่แล้วเราได้ลำดับที่เท่าไรของประเทศ", { intent: "rank", year: rel(-1) }],
  // strengths / weaknesses
  ["จุดแข็ง", { intent: "strengths" }],
  ["จุดแข็งปีนี้มีอะไรบ้างคะ", { intent: "strengths", year: rel(0) }],
  ["จุดแข็ง มากกว่า 80", { intent: "strengths", threshold: 80 }],
  ["จุดแข็ง ต่ำกว่า 90", { intent: "strengths", threshold: 90 }],
  ["ตัวชี้วัดไหนได้คะแนนสูงสุด", { intent: "strengths" }],
  ["จุดอ่อน", { intent: "weaknesses" }],
  ["จุดอ่อน เกณฑ์ 80", { intent: "weaknesses", threshold: 80 }],
  ["จุดอ่อนปี2567เกณฑ์๘๕ครับ", { intent: "weaknesses", year: be(2567), threshold: 85 }],
  ["ต้องปรับปรุงอะไรบ้าง", { intent: "weaknesses" }],
  ["ควรพัฒนาด้านไหน", { intent: "weaknesses" }],
  ["ข้อไหนต่ำ", { intent: "weaknesses" }],
  ["ตัวชี้วัดไหนต่ำสุด", { intent: "weaknesses" }],
  ["ข้อไหนต่ำกว่า 85 ปี 67", { intent: "weaknesses", year: short(2567), threshold: 85 }],
  ["ตัวไหนได้คะแนนต่ำที่สุดครับ", { intent: "weaknesses" }],
  ["จุดอ่อนจุดแข็ง", { intent: "weaknesses" }],
  // item
  ["ข้อ i12", { intent: "item", code: "i12" }],
  ["i12", { intent: "item", code: "i12" }],
  ["I 12", { intent: "item", code: "i12" }],
  ["ข้อ O30", { intent: "item", code: "o30" }],
  ["o30", { intent: "item", code: "o30" }],
  ["e3", { intent: "item", code: "e3" }],
  ["ข้อ ๐๓๐", { intent: "item", code: "o30" }],
  ["ข้อ๐๑๐ต้องเผยแพร่อะไรคะ", { intent: "item", code: "o10" }],
  ["ข้อ i5 ปี 2567 ได้เท่าไหร่", { intent: "item", code: "i5", year: be(2567) }],
  ["ขอดูข้อe๖หน่อยครับ", { intent: "item", code: "e6" }],
  // indicator
  ["ตัวชี้วัดที่ 4", { intent: "indicator", no: 4 }],
  ["ตัวชี้วัด ๔", { intent: "indicator", no: 4 }],
  ["ตชว 4", { intent: "indicator", no: 4 }],
  ["indicator 4", { intent: "indicator", no: 4 }],
  ["ตัวชีวัดที่๒ปี๖๖", { intent: "indicator", no: 2, year: short(2566) }],
  ["ตัวชี้วัดที่ 11", UNKNOWN],
  ["ทรัพย์สิน", { intent: "indicator", no: 4, concept: "asset-use" }],
  ["คะแนนการใช้ทรัพสินของราชการครับ", { intent: "indicator", no: 4, concept: "asset-use" }],
  ["งบประมาณ", { intent: "indicator", no: 2, concept: "budget-use" }],
  ["ตัวชี้วัดเรื่องงบ ปีที่แล้วได้เท่าไหร่ครับ", { intent: "indicator", no: 2, concept: "budget-use", year: rel(-1) }],
  ["อำนาจ", { intent: "indicator", no: 3, concept: "use-of-authority" }],
  ["การใช้อํานาจ ปี 2567", { intent: "indicator", no: 3, concept: "use-of-authority", year: be(2567) }],
  ["ปฏิบัติหน้าที่", { intent: "indicator", no: 1, concept: "duty-performance" }],
  ["ปฎิบัติหน้าที่ได้กี่คะแนนคะ", { intent: "indicator", no: 1, concept: "duty-performance" }],
  ["แก้ไขปัญหาการทุจริต", { intent: "indicator", no: 5, concept: "anti-corruption-action" }],
  ["แก้ปัญหาทุจริตได้เท่าไร", { intent: "indicator", no: 5, concept: "anti-corruption-action" }],
  ["คุณภาพการดำเนินงาน", { intent: "indicator", no: 6, concept: "service-quality" }],
  ["คุณภาพ", { intent: "indicator", no: 6, concept: "service-quality" }],
  ["ประสิทธิภาพการสือสาร", { intent: "indicator", no: 7, concept: "communication-efficiency" }],
  ["สื่อสาร", { intent: "indicator", no: 7, concept: "communication-efficiency" }],
  ["การปรับปรุงระบบการทำงาน", { intent: "indicator", no: 8, concept: "work-improvement" }],
  ["ปรับปรุงการทำงาน", { intent: "indicator", no: 8, concept: "work-improvement" }],
  ["การเปิดเผยข้อมูล", { intent: "indicator", no: 9, concept: "information-disclosure" }],
  ["เปิดเผยข้อมูล ปี 2566", { intent: "indicator", no: 9, concept: "information-disclosure", year: be(2566) }],
  ["การป้องกันการทุจริต", { intent: "indicator", no: 10, concept: "corruption-prevention" }],
  ["ป้องกันทุจริต", { intent: "indicator", no: 10, concept: "corruption-prevention" }],
  ["OIT ตัวชี้วัดที่ 9", { intent: "indicator", no: 9 }],
  // tool
  ["ผลล่าสุด", { intent: "overall" }],
  ["คะแนนล่าสุดครับ", { intent: "overall" }],
  ["IIT", { intent: "tool", tool: "IIT" }],
  ["iit", { intent: "tool", tool: "IIT" }],
  ["EIT", { intent: "tool", tool: "EIT" }],
  ["OIT", { intent: "tool", tool: "OIT" }],
  ["คะแนน OIT", { intent: "tool", tool: "OIT" }],
  ["แบบวัดภายใน", { intent: "tool", tool: "IIT" }],
  ["ภายนอก", { intent: "tool", tool: "EIT" }],
  ["แบบตรวจการเปิดเผยข้อมูลสาธารณะ", { intent: "tool", tool: "OIT" }],
  ["ขอคะแนน eit ปี 66 หน่อยครับ", { intent: "tool", tool: "EIT", year: short(2566) }],
  // overall
  ["คะแนน ITA ปี ๒๕๖๗", { intent: "overall", year: be(2567) }],
  ["คะแนนitaปี๖๗", { intent: "overall", year: short(2567) }],
  ["ผลการประเมิน", { intent: "overall" }],
  ["ได้กี่คะแนน", { intent: "overall" }],
  ["คะแนนเท่าไร", { intent: "overall" }],
  ["ระดับอะไร", { intent: "overall" }],
  ["ita", { intent: "overall" }],
  ["ผล ita ปีที่แล้ว", { intent: "overall", year: rel(-1) }],
  ["สรุปผล", { intent: "overall" }],
  ["ITA2567ได้กี่คะแนนคะ", { intent: "overall", year: be(2567) }],
  ["อยากรู้คะเเนนita ปีนี้ค่ะ", { intent: "overall", year: rel(0) }],
  ["พ.ศ. 2567 ผ่านไหม", { intent: "overall", year: be(2567) }],
  ["ค.ศ. 2024", { intent: "overall", year: ce(2567) }],
  ["what is our ita score 2024", { intent: "overall", year: ce(2567) }],
  ["ขอผลปี67ครับ", { intent: "overall", year: short(2567) }],
  ["ปีงบประมาณ 2567 ได้ระดับอะไรคะ", { intent: "overall", year: be(2567) }],
  ["help ita", { intent: "overall" }],
  ["ได้ประมาณเท่าไร", { intent: "overall" }],
  // unknown
  ["", UNKNOWN],
  ["   ", UNKNOWN],
  ["👍👍", UNKNOWN],
  ["[สติกเกอร์]", UNKNOWN],
  ["(sticker)", UNKNOWN],
  ["สวัสดีครับ", UNKNOWN],
  ["ขอบคุณค่ะ", UNKNOWN],
  ["67", UNKNOWN],
  ["ทุจริต", UNKNOWN],
];

describe("parseQuery", () => {
  it.each(MESSAGES)("reads %j", (text, expected) => {
    expect(parseQuery(text, VOCABULARY)).toEqual(expected);
  });

  it("reads a question that opens a 5,000-character message", () => {
    expect(parseQuery(`คะแนน ita ปี ๖๗ ครับ ${"ๆ".repeat(5000)}`, VOCABULARY)).toEqual({
      intent: "overall",
      year: short(2567),
    });
  });

  it("reads 5,000 characters of random letters as unknown", () => {
    let seed = 20240731;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const letters = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋ abcdefghijklmnopqrstuvwxyz";
    const text = Array.from({ length: 5000 }, () => letters[Math.floor(next() * letters.length)]).join("");
    expect(parseQuery(text, VOCABULARY)).toEqual(UNKNOWN);
  });

  it("reads a 5,000-character repeated sentence with no question in it as unknown", () => {
    expect(parseQuery("วันนี้อากาศแจ่มใสมาก ".repeat(250), VOCABULARY)).toEqual(UNKNOWN);
  });

  it("answers any text with a well-formed query", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const q = parseQuery(text, VOCABULARY);
        if (q.intent === "indicator") expect(q.no).toBeGreaterThanOrEqual(1);
        if (q.intent === "indicator") expect(q.no).toBeLessThanOrEqual(10);
        if (q.intent === "link") expect(q.code).toMatch(/^\d{6}$/);
        if (q.intent === "item") expect(q.code).toMatch(/^(i|e|o)[1-9]\d?$/);
        if (q.intent === "compare") expect(q.years.length).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe("precedence", () => {
  it.each([
    ["link over everything", "เชื่อมต่อ 123456 คะแนน ita", "link"],
    ["help only when the whole message is a help word", "วิธีใช้ ita", "overall"],
    ["compare over rank", "อันดับปี 66 กับ 67", "compare"],
    ["rank over weaknesses", "จุดอ่อนกับอันดับ", "rank"],
    ["weaknesses over item", "ข้อ i12 ต้องปรับปรุงไหม", "weaknesses"],
    ["item over indicator", "ตัวชี้วัดที่ 4 ข้อ i12", "item"],
    ["indicator over tool", "iit การใช้งบประมาณ", "indicator"],
    ["tool over overall", "คะแนน iit", "tool"],
  ])("%s", (_, text, intent) => {
    expect(parseQuery(text, VOCABULARY).intent).toBe(intent);
  });

  it.each([
    ["มาตรการ", "measures"],
    ["ขอดูมาตรการของเราหน่อยครับ", "measures"],
    ["งานค้าง", "overdue"],
    ["มีงานเลยกำหนดไหม", "overdue"],
    ["งานของฉัน", "mine"],
    ["งานของผมมีอะไรบ้าง", "mine"],
    ["งานที่ต้องทำ", "mine"],
  ] as const)("reads %j as the %s list", (text, which) => {
    expect(parseQuery(text, VOCABULARY)).toEqual({ intent: "tasks", which });
  });

  it.each([
    ["ตั้งค่าแจ้งเตือน", undefined],
    ["ปิดการแจ้งเตือนครับ", { muted: true }],
    ["หยุดเตือน", { muted: true }],
    ["เปิดการแจ้งเตือน", { muted: false }],
    ["แจ้งเตือนรายสัปดาห์", { frequency: "weekly" }],
    ["เตือนทุกวัน", { frequency: "daily" }],
    ["เตือนล่วงหน้า ๓ วัน", { firstLeadDays: 3 }],
  ] as const)("reads %j as reminder settings %j", (text, change) => {
    expect(parseQuery(text, VOCABULARY)).toEqual(
      change ? { intent: "settings", change } : { intent: "settings" },
    );
  });

  it.each([
    ["ขอรายงาน", {}],
    ["ขอรายงานหน่อยครับ", {}],
    ["รายงานวิเคราะห์ผล ITA ปี ๒๕๖๗", { kind: "analysis", year: be(2567) }],
    ["ขอรายงานการวิเคราะห์ pdf", { kind: "analysis", format: "pdf" }],
    ["รายงานผลการดำเนินการตามมาตรการ ปี 66", { kind: "progress", year: short(2566) }],
    ["ขอรายงานความก้าวหน้ามาตรการเป็นไฟล์ word ค่ะ", { kind: "progress", format: "docx" }],
    ["report analysis 2024 docx", { kind: "analysis", format: "docx", year: ce(2567) }],
    ["ขอรายงานผลมาตรการ เลขอารบิก", { kind: "progress", digits: "arabic" }],
  ] as const)("reads %j as a report request %j", (text, fields) => {
    expect(parseQuery(text, VOCABULARY)).toEqual({ intent: "report", ...fields });
  });

  it("tries the rules in the documented order", () => {
    expect(INTENT_RULES.map((r) => r.intent)).toEqual([
      "link",
      "help",
      "settings",
      "calendar",
      "report",
      "tasks",
      "compare",
      "rank",
      "strengths",
      "weaknesses",
      "item",
      "indicator",
      "tool",
      "overall",
    ]);
  });
});

describe("calendar questions", () => {
  const CALENDAR: Query = { intent: "calendar" };
  const on = (topic: string): Query => ({ intent: "calendar", topic });

  it.each<[string, Query]>([
    ["ปฏิทิน ITA", CALENDAR],
    ["กำหนดส่ง OIT เมื่อไหร่", on("oit-submission")],
    ["ประกาศผลเมื่อไหร่", on("results")],
    ["ผลประเมินออกเมื่อไร", on("results")],
    ["เหลือกี่วัน", CALENDAR],
    ["ชี้แจงผล OIT ถึงวันไหน", on("clarification")],
    ["ส่งรายงานรอบ 6 เดือนเมื่อไหร่", on("six-month-report")],
    ["ลงทะเบียน ITAS เมื่อไหร่", on("registration")],
    ["กำหนดการ ITA ๒๕๗๐", CALENDAR],
    ["ผล ITA ประกาศเมื่อไหร่", on("results")],
    ["ผลITAประกาศวันไหน", on("results")],
    ["ประกาศคะแนน ITA เมื่อไหร่", on("results")],
    ["คะแนนประกาศเมื่อไหร่", on("results")],
  ])("reads %j as %j", (text, expected) => {
    expect(parseQuery(text, VOCABULARY)).toEqual(expected);
  });

  it.each<[string, Query]>([
    ["งานที่เลยกำหนด", { intent: "tasks", which: "overdue" }],
    ["ขอรายงาน", { intent: "report" }],
    ["คะแนน OIT", { intent: "tool", tool: "OIT" }],
  ])("reads %j as no calendar question but %j", (text, expected) => {
    expect(parseQuery(text, VOCABULARY)).toEqual(expected);
  });
});

describe("readMessage", () => {
  it("takes the threshold and the years out before the keyword rules read the message", () => {
    const m = readMessage("จุดอ่อน ปี ๖๗ เกณฑ์ ๘๕", VOCABULARY);
    expect(m.threshold).toBe(85);
    expect(m.years).toEqual([short(2567)]);
    expect(m.rest).not.toMatch(/\d/);
  });
});
