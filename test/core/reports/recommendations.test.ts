import { describe, expect, it } from "vitest";
import {
  defaultRecommendation,
  INDICATOR_ADVICE,
  indicatorAction,
  isRecommendationKey,
  itemAdvice,
  recommendationInput,
} from "../../../core/reports/recommendations.ts";

describe("recommendation library", () => {
  it("has advice for all ten indicators", () => {
    expect(Object.keys(INDICATOR_ADVICE).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("uses the agency's own wording before the library's", () => {
    expect(indicatorAction(4)).toBe(defaultRecommendation("indicator:4"));
    expect(indicatorAction(4, { "indicator:4": "ของเราเอง" })).toBe("ของเราเอง");
    expect(itemAdvice("asset-supervision", 4, undefined, { "asset-supervision": "ของเราเอง" }).action).toBe(
      "ของเราเอง",
    );
  });

  it("falls back to the item's indicator when its concept has no advice", () => {
    const advice = itemAdvice("hr-interference", 3, "การแทรกแซงการบริหารงานบุคคล");
    expect(advice.issue).toBe("การแทรกแซงการบริหารงานบุคคล");
    expect(advice.action).toBe(indicatorAction(3));
    expect(itemAdvice(undefined, undefined, undefined).issue).toBe("ข้อคำถามนี้");
  });

  it("accepts indicators and every concept of the frameworks as keys, nothing else", () => {
    expect(isRecommendationKey("indicator:10")).toBe(true);
    expect(isRecommendationKey("indicator:11")).toBe(false);
    expect(isRecommendationKey("hr-interference")).toBe(true);
    expect(isRecommendationKey("drop table")).toBe(false);
    const bad = recommendationInput.safeParse({ key: "indicator:4", text: "  " });
    expect(bad.success || bad.error.issues[0]!.message).toBe("ข้อเสนอแนะต้องไม่ว่าง");
  });
});
