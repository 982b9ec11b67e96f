import type { messagingApi } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import type { Milestone } from "../../../../core/calendar/milestone.ts";
import { typicalCalendar } from "../../../../core/calendar/typical.ts";
import { calendarCard } from "../../../../core/chat/flex/calendar-card.ts";
import { parseQuery } from "../../../../core/chat/intent.ts";
import { calendarView } from "../../../../core/chat/views.ts";
import { VOCABULARY } from "../../../fixtures/frameworks.ts";
import { expectSendable, quickReplies, textOf, textsOf } from "./inspect.ts";
import { SRI_SONG_RAK } from "./views.ts";

const TODAY = "2027-04-20";
const PROVISIONAL = "วันที่ตามรูปแบบปีก่อน ๆ รอประกาศจาก ป.ป.ช.";
const OIT_TITLE = "ITA ๒๕๗๐: เผยแพร่ข้อมูล OIT บนเว็บไซต์และส่งคำตอบในระบบ ITAS";
const OWN_TITLE = "ประชุมคณะทำงาน ITA ตรวจข้อมูล OIT ก่อนส่ง";

/** The agency's own date: five days from today. */
const own: Milestone = {
  id: 41,
  agencyId: 7,
  fiscalYear: 2570,
  titleTh: OWN_TITLE,
  dueOn: "2027-04-25",
  kind: "agency",
  provisional: false,
  remind: true,
};

const MILESTONES: Milestone[] = [...typicalCalendar(2570), own];

const view = (options: { topic?: string; hasOpenWork: boolean }, today = TODAY) =>
  calendarView(SRI_SONG_RAK, 2570, MILESTONES, today, options);

const card = (options: { topic?: string; hasOpenWork: boolean }, today = TODAY) =>
  calendarCard(view(options, today));

/** Every text of the card, in reading order. */
const linesOf = (m: messagingApi.FlexMessage) => textsOf(m).map((t) => t.text ?? "");

const labels = (options: { topic?: string; hasOpenWork: boolean }) =>
  quickReplies(card(options)).map((q) => q.label);

describe("calendarView", () => {
  it("puts the asked-for date in focus, with its window, days left and open now", () => {
    const v = view({ topic: "oit-submission", hasOpenWork: false });
    expect(v.focus).toEqual({
      key: "oit-submission",
      titleTh: OIT_TITLE,
      dateText: "1 มี.ค. – 30 เม.ย. 70",
      daysText: "อีก 10 วัน",
      open: true,
      provisional: true,
      own: false,
    });
  });

  it("does not repeat the focus among the entries", () => {
    const v = view({ topic: "oit-submission", hasOpenWork: false });
    expect(v.entries.map((e) => e.key)).not.toContain("oit-submission");
    expect(v.entries.map((e) => e.titleTh)).not.toContain(OIT_TITLE);
    expect(v.entries.length).toBeGreaterThan(0);
  });

  it("lists the soonest dates first when no date is asked about", () => {
    const v = view({ hasOpenWork: false });
    expect(v.focus).toBeUndefined();
    expect(v.entries.map((e) => e.key ?? e.titleTh)).toEqual([
      OWN_TITLE,
      "oit-submission",
      "six-month-report",
      "oit-scoring",
      "clarification",
      "confirmation",
    ]);
  });

  it("marks the agency's own date as its own and not provisional", () => {
    const entry = view({ hasOpenWork: false }).entries[0];
    expect(entry).toMatchObject({ titleTh: OWN_TITLE, own: true, provisional: false, daysText: "อีก 5 วัน" });
    expect(entry).not.toHaveProperty("key");
  });

  it("leaves out the dates already past", () => {
    const keys = view({ hasOpenWork: false }).entries.map((e) => e.key);
    expect(keys).not.toContain("annual-report");
    expect(keys).not.toContain("registration");
  });

  it("names the fiscal year in the subtitle", () => {
    expect(view({ hasOpenWork: false }).subtitle).toContain("2570");
  });
});

describe("calendarCard", () => {
  it("shows the OIT submission first, ten days away and open now", () => {
    const m = card({ topic: "oit-submission", hasOpenWork: false });
    const texts = linesOf(m);
    const title = texts.indexOf(OIT_TITLE);
    expect(title).toBeGreaterThanOrEqual(0);
    expect(texts[title + 1]).toBe("1 มี.ค. – 30 เม.ย. 70");
    expect(texts[title + 2]).toBe("เปิดอยู่ตอนนี้ · อีก 10 วัน");
    expect(texts.filter((t) => t === OIT_TITLE)).toHaveLength(1);
    expect(textOf(m, "1 มี.ค. – 30 เม.ย. 70")?.size).toBe("xl");
  });

  it("marks a provisional focus with the note on the usual pattern", () => {
    const m = card({ topic: "oit-submission", hasOpenWork: false });
    const notes = linesOf(m).filter((t) => t.includes(PROVISIONAL));
    expect(notes).toHaveLength(1);
  });

  it("shows the agency's own date with 🏢 and the national ones without", () => {
    const texts = linesOf(card({ topic: "oit-submission", hasOpenWork: false }));
    expect(texts).toContain(`🏢 ${OWN_TITLE}`);
    expect(texts).toContain("ส่งรายงานผลการดำเนินงาน รอบ ๖ เดือน ปีงบประมาณ ๒๕๗๐");
    expect(texts.filter((t) => t.startsWith("🏢"))).toHaveLength(1);
  });

  it("stars provisional dates in the list and not the agency's own", () => {
    const texts = linesOf(card({ hasOpenWork: false }));
    expect(texts).toContain("25 เม.ย. 70");
    expect(texts).toContain("30 เม.ย. 70*");
    expect(texts).toContain("1 มี.ค. – 30 เม.ย. 70*");
    expect(texts.some((t) => t.includes(PROVISIONAL))).toBe(true);
  });

  it("starts the list with the soonest date when no date is asked about", () => {
    const texts = linesOf(card({ hasOpenWork: false }));
    const heading = texts.indexOf("วันสำคัญที่จะถึง");
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(texts[heading + 1]).toBe(`🏢 ${OWN_TITLE}`);
    expect(texts[heading + 4]).toBe(OIT_TITLE);
    expect(texts).toContain("เปิดอยู่ · อีก 10 วัน");
  });

  it("says so when nothing is ahead", () => {
    const m = card({ hasOpenWork: false }, "2027-09-01");
    expect(textOf(m, "ยังไม่มีวันสำคัญที่จะถึงในปฏิทิน")).toBeDefined();
    expect(m.altText).toBe(`ปฏิทิน ITA ${SRI_SONG_RAK}: ยังไม่มีวันสำคัญที่จะถึง`);
    expectSendable(m);
  });

  it("offers my work only when the agency has open work", () => {
    expect(labels({ hasOpenWork: true })).toContain("งานของฉัน");
    expect(labels({ hasOpenWork: false })).not.toContain("งานของฉัน");
    expect(labels({ hasOpenWork: false })).toContain("มาตรการ");
  });

  it("never offers the date already in focus", () => {
    expect(labels({ topic: "oit-submission", hasOpenWork: true })).not.toContain("กำหนดส่ง OIT");
    expect(labels({ topic: "results", hasOpenWork: true })).not.toContain("ประกาศผล");
    expect(labels({ topic: "results", hasOpenWork: true })).toContain("กำหนดส่ง OIT");
    expect(labels({ hasOpenWork: true })).toContain("กำหนดส่ง OIT");
  });

  it("asks the quick-reply questions the chat understands", () => {
    const asks = quickReplies(card({ topic: "results", hasOpenWork: false }));
    expect(asks).toContainEqual({ label: "กำหนดส่ง OIT", text: "กำหนดส่ง OIT เมื่อไหร่" });
    expect(asks).toContainEqual({ label: "ปฏิทิน ITA", text: "ปฏิทิน ITA" });
  });

  it("asks for dates in words the chat reads as calendar questions", () => {
    const asks = quickReplies(card({ hasOpenWork: false }));
    expect(parseQuery(asks.find((a) => a.label === "กำหนดส่ง OIT")!.text, VOCABULARY)).toEqual({
      intent: "calendar",
      topic: "oit-submission",
    });
    expect(parseQuery(asks.find((a) => a.label === "ปฏิทิน ITA")!.text, VOCABULARY)).toEqual({
      intent: "calendar",
    });
  });

  it("shows a focus already past as past, not open", () => {
    const m = card({ topic: "results", hasOpenWork: false }, "2027-09-01");
    const texts = linesOf(m);
    expect(texts).toContain("ITA ๒๕๗๐: ประกาศผลการประเมิน");
    expect(texts).toContain("ผ่านมาแล้ว 17 วัน");
    expect(texts.some((t) => t.includes("เปิดอยู่"))).toBe(false);
    expect(m.altText).toContain("15 ส.ค. 70");
  });

  it("passes LINE's limits, with and without a focus", () => {
    expectSendable(card({ topic: "oit-submission", hasOpenWork: true }));
    expectSendable(card({ topic: "results", hasOpenWork: false }));
    expectSendable(card({ hasOpenWork: true }));
  });

  it("names the focus and its date in the alt text", () => {
    const alt = card({ topic: "oit-submission", hasOpenWork: false }).altText;
    expect(alt).toContain(OIT_TITLE);
    expect(alt).toContain("1 มี.ค. – 30 เม.ย. 70");
    expect(alt).toContain("อีก 10 วัน");
    expect(alt).toContain("โดยประมาณ");
  });

  it("names the soonest date in the alt text when no date is asked about", () => {
    const alt = card({ hasOpenWork: false }).altText;
    expect(alt).toBe(`${OWN_TITLE}: 25 เม.ย. 70 (อีก 5 วัน)`);
  });
});
