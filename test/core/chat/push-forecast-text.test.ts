import { describe, expect, it } from "vitest";
import {
  accountTotal,
  exceedsQuota,
  forecastNote,
  forecastWarningText,
  type PushForecastView,
} from "../../../core/chat/push-forecast-text.ts";

const own: PushForecastView = {
  month: "2026-07",
  agencyPushes: 340,
  accountPushes: 340,
  agencies: 1,
  limit: 300,
  dailyMembers: 3,
  lighter: 250,
  viewerPushes: 40,
};

const shared: PushForecastView = {
  month: "2026-07",
  agencyPushes: 150,
  accountPushes: 18_400,
  agencies: 120,
  limit: 15_000,
};

describe("forecastWarningText", () => {
  it("tells an agency on its own account the forecast, the quota and what to change, with the numbers", () => {
    const text = forecastWarningText(own);
    expect(text).toContain(
      "คาดว่าเดือนกรกฎาคม 2569 บัญชี LINE ของหน่วยงานจะส่งข้อความอย่างน้อย 340 ข้อความ เกินโควตา 300",
    );
    expect(text).toContain('ให้สมาชิก 3 คนที่รับแจ้งเตือนรายวันเปลี่ยนเป็นรายสัปดาห์ (พิมพ์ "แจ้งเตือนรายสัปดาห์")');
    expect(text).toContain('เตือนล่วงหน้าเพียง 1 วัน (พิมพ์ "เตือนล่วงหน้า 1 วัน")');
    expect(text).toContain("คาดว่าเหลือประมาณ 250 ข้อความ");
    expect(text).toContain("ผู้ดู (viewer) ได้รับข้อความเตือนประมาณ 40 ข้อความ");
    expect(text).toContain("หรือเปลี่ยนแผนบัญชี LINE เป็นเบสิก ฿1,280 ต่อเดือนสำหรับ 340 ข้อความ");
    expect(text).not.toContain("ร่วมกัน");
  });

  it("leaves out advice that would change nothing", () => {
    const text = forecastWarningText({ ...own, dailyMembers: 0, lighter: 340, viewerPushes: 0 });
    expect(text).not.toContain("รายวัน");
    expect(text).not.toContain("คาดว่าเหลือ");
    expect(text).not.toContain("ผู้ดู");
  });

  it("tells an agency on a shared account the account's total, its own share and the plan that fits, with the cost", () => {
    const text = forecastWarningText(shared);
    expect(text).toContain("บัญชี LINE ที่ 120 หน่วยงานใช้ร่วมกันจะส่งข้อความอย่างน้อย 18,400 ข้อความ เกินโควตา 15,000");
    expect(text).toContain("(หน่วยงานของท่านประมาณ 150 ข้อความ)");
    // Basic: ฿1,280 + 3,400 × ฿0.10 = ฿1,620; Pro: ฿1,780.
    expect(text).toContain(
      "ผู้ดูแลบัญชีที่ใช้ร่วมกันควรเลือกแผนเบสิก ฿1,620 ต่อเดือนสำหรับ 18,400 ข้อความ (เบสิก ฿1,280 + 3,400 × ฿0.10 = ฿1,620; โปร ฿1,780 รวม 35,000 ข้อความ)",
    );
  });

  it("asks for a higher limit on the account when the free plan's 300 would do", () => {
    expect(forecastWarningText({ ...own, limit: 100, accountPushes: 120, agencyPushes: 120 })).toContain(
      "หรือปรับเพดานข้อความของบัญชีใน LINE Official Account Manager ให้ไม่ต่ำกว่า 120 ข้อความต่อเดือน",
    );
  });

  it("counts what the month has used already when it has begun", () => {
    const v = { ...own, usedSoFar: 120, accountPushes: 200, agencyPushes: 200 };
    expect(accountTotal(v)).toBe(320);
    expect(forecastWarningText(v)).toContain(
      "ใช้ข้อความไปแล้ว 120 ข้อความ และคาดว่าจะส่งอีกอย่างน้อย 200 ข้อความจนสิ้นเดือน รวม 320 เกินโควตา 300",
    );
  });
});

describe("exceedsQuota", () => {
  it("is true only above a known limit", () => {
    expect(exceedsQuota(own)).toBe(true);
    expect(exceedsQuota({ ...own, accountPushes: 300 })).toBe(false);
    const { limit: _none, ...unlimited } = own;
    expect(exceedsQuota(unlimited)).toBe(false);
  });
});

describe("forecastNote", () => {
  it("is one short line with the month, the forecast and the quota", () => {
    expect(forecastNote({ ...own, accountPushes: 42, agencyPushes: 42 })).toBe(
      "📊 คาดการณ์ข้อความเดือน ก.ค. 2569: อย่างน้อย 42 ข้อความ จากโควตา 300",
    );
    expect(forecastNote(own)).toBe("📊 คาดการณ์ข้อความเดือน ก.ค. 2569: อย่างน้อย 340 ข้อความ เกินโควตา 300");
    expect(forecastNote(shared)).toBe(
      "📊 คาดการณ์ข้อความเดือน ก.ค. 2569: บัญชีนี้ (120 หน่วยงาน) อย่างน้อย 18,400 ข้อความ เกินโควตา 15,000 · หน่วยงานของท่านประมาณ 150",
    );
  });
});
