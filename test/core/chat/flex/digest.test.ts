import { describe, expect, it } from "vitest";
import { createLineMessagingValidator } from "../../../../bot/dev/openapi/line-messaging.ts";
import type { DigestView } from "../../../../core/chat/cards.ts";
import { digestMessage, whenText } from "../../../../core/chat/flex/digest.ts";
import { checkMessage } from "../../../../core/chat/flex/limits.ts";

const view = (n: number): DigestView => ({
  agencyName: "เทศบาลตำบลศรีสองรัก",
  dayText: "24 มี.ค. 68",
  items: Array.from({ length: n }, (_, i) => ({
    key: `step:${i + 1}`,
    stepId: i + 1,
    title: `จัดทำคู่มือแนวทางการใช้ทรัพย์สินของราชการ ฉบับที่ ${i + 1}`,
    measureTitle: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
    dueText: "31 มี.ค. 68",
    kind: i === 0 ? ("overdue" as const) : i === 1 ? ("due" as const) : ("lead" as const),
    days: i === 0 ? 7 : i === 1 ? 0 : 7,
  })),
});

describe("digestMessage", () => {
  it("says how far each item is from its due date, in Thai", () => {
    expect(whenText({ kind: "lead", days: 7 })).toBe("อีก 7 วันครบกำหนด");
    expect(whenText({ kind: "lead", days: 1 })).toBe("ครบกำหนดพรุ่งนี้");
    expect(whenText({ kind: "due", days: 0 })).toBe("ครบกำหนดวันนี้");
    expect(whenText({ kind: "overdue", days: 14 })).toBe("เลยกำหนดมา 14 วัน");
  });

  it("puts three postback buttons on each step: done, in progress, remind tomorrow", () => {
    const m = digestMessage(view(2));
    const json = JSON.stringify(m);
    expect(json).toContain('"data":"a=done&s=1"');
    expect(json).toContain('"data":"a=doing&s=2"');
    expect(json).toContain('"data":"a=snooze&s=2"');
    expect(m.altText).toContain("2 งาน");
    expect(m.altText).toContain("เลยกำหนด 1");
  });

  it("stays within LINE's limits and schema with many items, saying how many more there are", () => {
    const m = digestMessage(view(25));
    expect(checkMessage(m)).toEqual([]);
    const contents = m.contents as { type: string; contents: unknown[] };
    expect(contents.type).toBe("carousel");
    expect(contents.contents).toHaveLength(11);
    expect(JSON.stringify(m)).toContain("และอีก 15 รายการ");
    const validator = createLineMessagingValidator();
    expect(validator.validate("Message", m)).toEqual([]);
  });

  it("sends a single item as one bubble", () => {
    expect(digestMessage(view(1)).contents.type).toBe("bubble");
  });
});
