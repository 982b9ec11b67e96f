import { describe, expect, it } from "vitest";
import { itemCard } from "../../../../core/chat/flex/item-card.ts";
import { expectSendable, quickReplies, textOf } from "./inspect.ts";
import { assetSupervision2567 } from "./views.ts";

describe("itemCard", () => {
  it("draws item i12 of 2567", () => {
    expect(itemCard(assetSupervision2567())).toMatchSnapshot();
  });

  it("states the item, its title and value in the alt text", () => {
    expect(itemCard(assetSupervision2567()).altText).toBe(
      "ITA 2567 เทศบาลตำบลศรีสองรัก ข้อ i12 การกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ 0.00",
    );
  });

  it("names the indicator the item counts towards, and leads to it", () => {
    const m = itemCard(assetSupervision2567());
    expect(textOf(m, "อยู่ในตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ")).toBeDefined();
    expect(quickReplies(m)[0]).toEqual({ label: "ตัวชี้วัดที่ 4", text: "ตัวชี้วัดที่ 4 ปี 2567" });
  });

  it("works for an item with no known title or indicator", () => {
    const { titleTh: _t, indicator: _i, ...view } = assetSupervision2567();
    const m = itemCard({ ...view, code: "O7", value: "100.00", percent: 100 });
    expect(m.altText).toBe("ITA 2567 เทศบาลตำบลศรีสองรัก ข้อ O7 100.00");
    expectSendable(m);
  });

  it("passes LINE's limits", () => {
    expectSendable(itemCard(assetSupervision2567()));
  });
});
