import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatScore } from "../../../core/ita/score.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { loadAssessment } from "../../../db/repositories/assessments.ts";
import { createInvite } from "../../../db/repositories/invites.ts";
import { systemScope } from "../../../db/scope.ts";
import {
  EDITOR_DEMO as DEMO,
  VIEWER_BANLAENG as LAENG,
  NEWCOMER,
  NOW,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  visibleText,
  type World,
} from "../world.ts";

// Questions written the way officials type, each with what the answer must show.
// ศรีสองรัก and บ้านแลง carry their published figures (seeds 000 and 001).
const CASES: [user: string, question: string, expected: string[]][] = [
  [SRI, "คะแนน ITA ปี ๒๕๖๗", ["97.15", "ผ่านดี"]],
  [SRI, "คะแนนita ปี67ครับ", ["97.15"]],
  [SRI, "ผลการประเมินเป็นยังไงบ้างคะ", ["97.15"]],
  [SRI, "ได้กี่คะแนนครับ", ["97.15"]],
  [SRI, "ระดับอะไรคะ", ["ผ่านดี"]],
  [SRI, "ita", ["97.15"]],
  [SRI, "สรุปผลหน่อยครับ", ["97.15"]],
  [SRI, "คะแนน ITA ค.ศ. 2024", ["97.15", "2024"]],
  [SRI, "ตัวชี้วัดที่ 4 ได้เท่าไร", ["66.67"]],
  [SRI, "ตัวชี้วัดที่๔", ["66.67"]],
  [SRI, "ตัวชี้วัด ๔ ครับ", ["66.67"]],
  [SRI, "การใช้ทรัพย์สินของราชการ", ["66.67"]],
  [SRI, "การใช้ทรัพสินของราชการได้เท่าไหร่", ["66.67"]],
  [SRI, "ทรัพย์สินได้กี่คะแนน", ["66.67"]],
  [SRI, "ตัวชี้วัดที่ 3", ["98.92"]],
  [SRI, "การใช้อำนาจ", ["98.92"]],
  [SRI, "การใช้งบประมาน", ["98.92"]],
  [SRI, "ปฎิบัติหน้าที่", ["100.00"]],
  [SRI, "คุณภาพการดำเนินงานค่ะ", ["99.93"]],
  [SRI, "ประสิทธิภาพการสื่อสาร", ["99.93"]],
  [SRI, "ปรับปรุงระบบการทำงาน", ["92.91"]],
  [SRI, "ตัวชี้วัดที่ 9", ["100.00"]],
  [SRI, "ป้องกันการทุจริต", ["100.00"]],
  [SRI, "แก้ไขปัญหาการทุจริต", ["100.00"]],
  [SRI, "ข้อ i12", ["0.00"]],
  [SRI, "i12", ["0.00"]],
  [SRI, "ข้อ I12 ครับ", ["0.00"]],
  [SRI, "ข้อ i5", ["96.77"]],
  [SRI, "ข้อ i8 ได้เท่าไร", ["96.67"]],
  [SRI, "e9", ["57.47"]],
  [SRI, "ข้อ e3", ["99.55"]],
  [SRI, "ข้อ O30", ["100.00"]],
  [SRI, "ข้อ ๐๓๐", ["100.00", "O30"]],
  [SRI, "ข้อ i31", ["ไม่มีข้อ i31"]],
  [SRI, "IIT", ["92.90"]],
  [SRI, "คะแนน EIT", ["97.59", "95.17"]],
  [SRI, "oit ได้เท่าไร", ["100.00"]],
  [SRI, "จุดอ่อน", ["66.67", "การใช้ทรัพย์สินของราชการ"]],
  [SRI, "จุดอ่อนมีอะไรบ้างคะ", ["66.67"]],
  [SRI, "ต้องปรับปรุงอะไรบ้าง", ["66.67"]],
  [SRI, "จุดแข็ง", ["100.00"]],
  [SRI, "จุดอ่อน เกณฑ์ 99", ["98.92", "66.67"]],
  [SRI, "อันดับ", ["543"]],
  [SRI, "ได้ลำดับที่เท่าไหร่", ["543"]],
  // 25 Nov 2026 is fiscal 2570: its results come in August; this agency's latest in the system is 2567.
  [SRI, "ปีนี้ได้เท่าไร", ["ผลปี ๒๕๗๐ ยังไม่ประกาศ (คาดว่า ส.ค. ๒๕๗๐) ผลล่าสุดคือปี ๒๕๖๗", "97.15"]],
  [SRI, "ผล ita ปีที่แล้ว", ["ยังไม่มีผลปี ๒๕๖๙ ในระบบ", "ผลล่าสุดคือปี ๒๕๖๗", "97.15"]],
  [SRI, "คะแนนปี 2566", ["ยังไม่มีผลปี ๒๕๖๖ ในระบบ", "มีผลของปี 2567"]],
  [SRI, "เทียบปี 66 กับ 67", ["อย่างน้อยสองปี"]],
  [SRI, "ช่วยเหลือ", ["ตัวชี้วัด"]],
  [SRI, "สวัสดีครับ", ["ตัวชี้วัด"]],
  [SRI, "asdfghjkl", ["ตัวชี้วัด"]],
  [SRI, "เชื่อมต่อ 000000", ["ไม่พบรหัสเชิญ"]],
  [LAENG, "คะแนน", ["86.19", "A"]],
  [LAENG, "คะแนนITAปี๖๕ค่ะ", ["86.19"]],
  [LAENG, "ตัวชี้วัดที่ 7", ["65.09"]],
  [LAENG, "สื่อสาร", ["65.09"]],
  [LAENG, "จุดอ่อน เกณฑ์ 80", ["65.09", "78.47"]],
  [LAENG, "จุดแข็ง มากกว่า 80", ["86.92", "83.40"]],
  [LAENG, "EIT", ["73.28"]],
  [LAENG, "IIT ครับ", ["80.67"]],
  [LAENG, "ข้อ i12", ["ยังไม่มีคะแนนข้อ i12"]],
  [LAENG, "คะแนนปี 2567", ["ยังไม่มีผลปี ๒๕๖๗ ในระบบ", "มีผลของปี 2565"]],
  [NEWCOMER, "คะแนน ITA", ["ยังไม่ได้เชื่อม", "เชื่อมต่อ"]],
  [NEWCOMER, "ตัวชี้วัดที่ 4", ["ยังไม่ได้เชื่อม"]],
  [NEWCOMER, "help", ["ตัวชี้วัด"]],
];

describe("Thai questions answered through the whole bot", () => {
  let w: World;
  const demoTotals = new Map<number, string>();
  beforeAll(async () => {
    w = await openWorld();
    const demo = await findAgencyByCode(w.db, "DEMO00001");
    for (const year of [2563, 2564, 2565, 2566, 2567, 2568, 2569]) {
      const stored = await loadAssessment(w.db, systemScope(demo!.id), year);
      demoTotals.set(year, formatScore(stored!.assessment.total!.value));
    }
  });
  afterAll(async () => {
    await w.close();
  });

  it.each(CASES)("%s asks %j", async (user, question, expected) => {
    const messages = await w.say(user, question);
    expect(messages.length).toBeGreaterThan(0);
    const seen = messages.map(visibleText).join("\n");
    for (const part of expected) expect(seen).toContain(part);
  });

  it.each([
    ["คะแนน ITA ปี 2569", [2569]],
    ["คะแนน ปี 63", [2563]],
    ["ผลปี ๒๕๖๔", [2564]],
    ["คะแนนปีงบ 2568 ครับ", [2568]],
    ["เทียบปี 66 กับ 67", [2566, 2567]],
    ["เปรียบเทียบ 2565 2567", [2565, 2567]],
    ["เทียบ 67 กับ 66 หน่อย", [2566, 2567]],
    ["คะแนนเพิ่มขึ้นไหม", [2568, 2569]],
  ] as const)("a seven-year agency asks %j and sees the totals of %j", async (question, years) => {
    const seen = (await w.say(DEMO, question)).map(visibleText).join("\n");
    for (const y of years) expect(seen).toContain(demoTotals.get(y));
  });

  it("answers an item that exists only in some years with the year's own list", async () => {
    const y2565 = (await w.say(DEMO, "ข้อ i25 ปี 2565")).map(visibleText).join();
    expect(y2565).toMatch(/i25/);
    expect(y2565).not.toContain("ไม่มีข้อ");
    expect((await w.say(DEMO, "ข้อ i25 ปี 2567")).map(visibleText).join()).toContain("ไม่มีข้อ i25");
  });

  it("never shows another agency's figures", async () => {
    const answers = [];
    for (const q of ["คะแนน ITA ปี 2567", "ข้อ i12 ปี 2567", "อันดับปี 2567", "ตัวชี้วัดที่ 4 ปี 67"]) {
      answers.push(...(await w.say(LAENG, q)).map(visibleText));
    }
    expect(answers.join()).not.toContain("97.15");
    expect(answers.join()).not.toContain("ศรีสองรัก");
  });

  it("joins a newcomer with an invite code, then answers about that agency", async () => {
    const banlaeng = await findAgencyByCode(w.db, "SEED001");
    const invite = await createInvite(w.db, banlaeng!.id, "viewer", { label: "test" }, NOW);
    const joined = (
      await w.say(NEWCOMER, `เชื่อมต่อ ${invite.code.replace(/\d/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)]!)}`)
    )
      .map(visibleText)
      .join();
    expect(joined).toContain("องค์การบริหารส่วนตำบลบ้านแลง");
    expect((await w.say(NEWCOMER, "คะแนน")).map(visibleText).join()).toContain("86.19");
  });

  it("answers a sticker with a short note instead of silence", async () => {
    const event = w.textEvent(SRI, "", {
      message: {
        id: "9",
        type: "sticker",
        packageId: "446",
        stickerId: "1988",
        stickerResourceType: "STATIC",
      },
    });
    const { messages } = await w.send(SRI, [event]);
    expect(visibleText(messages[0]!)).toContain("ข้อความตัวอักษร");
  });

  it("answers a 5,000-character message with help, quickly and without an error", async () => {
    const seen = (await w.say(SRI, "ก".repeat(5000))).map(visibleText).join();
    expect(seen).toContain("ตัวชี้วัด");
    expect(w.log.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("greets a new follower with what it can do and how to join", async () => {
    const { messages } = await w.send(NEWCOMER, [
      { ...w.textEvent(NEWCOMER, ""), type: "follow", message: undefined, follow: { isUnblocked: false } },
    ]);
    expect(visibleText(messages[0]!)).toContain("เชื่อมต่อ");
  });
});
