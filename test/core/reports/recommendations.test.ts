import { describe, expect, it } from "vitest";
import {
  defaultRecommendation,
  INDICATOR_ADVICE,
  indicatorAction,
  indicatorKey,
  itemAdvice,
  recommendationInput,
  recommendationKeyOf,
  withItemRefs,
} from "../../../core/reports/recommendations.ts";
import { fw, SHIPPED } from "../../fixtures/frameworks.ts";

const asset = fw(2569).indicator(4)!;
const authority = fw(2569).indicator(3)!;

describe("recommendation library", () => {
  it("has advice for all ten indicators of the shipped years, by their concepts", () => {
    expect(Object.keys(INDICATOR_ADVICE)).toEqual(fw(2569).indicators.map((i) => i.concept));
  });

  it("keys an indicator's own text by its concept, so a year that numbers it otherwise keeps it", () => {
    expect(indicatorKey(asset)).toBe("indicator:asset-use");
    expect(indicatorKey({ no: 3 })).toBe("indicator:no-3");
    const renumbered = { no: 7, concept: "asset-use" };
    expect(indicatorAction(renumbered, { "indicator:asset-use": "ของเราเอง" })).toBe("ของเราเอง");
  });

  it("uses the agency's own wording before the library's", () => {
    expect(indicatorAction(asset)).toBe(defaultRecommendation("indicator:asset-use"));
    expect(indicatorAction(asset, { "indicator:asset-use": "ของเราเอง" })).toBe("ของเราเอง");
    expect(
      itemAdvice("asset-supervision", asset, undefined, { "asset-supervision": "ของเราเอง" }).action,
    ).toBe("ของเราเอง");
  });

  it("falls back to the item's indicator when its concept has no advice", () => {
    const advice = itemAdvice("hr-interference", authority, "การแทรกแซงการบริหารงานบุคคล");
    expect(advice.issue).toBe("การแทรกแซงการบริหารงานบุคคล");
    expect(advice.action).toBe(indicatorAction(authority));
    expect(itemAdvice(undefined, undefined, undefined).issue).toBe("ข้อคำถามนี้");
  });

  it("says nothing of an indicator whose concept it does not know", () => {
    expect(indicatorAction({ no: 2, concept: "procurement-transparency-index" })).toBe("");
  });

  it("accepts library keys and the frameworks' concepts, reads indicator:N as the newest year's, nothing else", () => {
    expect(recommendationKeyOf("indicator:corruption-prevention", SHIPPED)).toBe(
      "indicator:corruption-prevention",
    );
    expect(recommendationKeyOf("indicator:10", SHIPPED)).toBe("indicator:corruption-prevention");
    expect(recommendationKeyOf("indicator:11", SHIPPED)).toBeUndefined();
    expect(recommendationKeyOf("hr-interference", SHIPPED)).toBe("hr-interference");
    expect(recommendationKeyOf("drop table", SHIPPED)).toBeUndefined();
    const bad = recommendationInput.safeParse({ key: "indicator:asset-use", text: "  " });
    expect(bad.success || bad.error.issues[0]!.message).toBe("ข้อเสนอแนะต้องไม่ว่าง");
  });
});

describe("withItemRefs", () => {
  const codeIn = (year: number) => (concept: string) => fw(year).itemByConcept(concept)?.code;

  it("cites the year's own item codes for the concepts", () => {
    const text = "ประกาศนโยบาย [[ref:no-gift-policy,corruption-risk-assessment]]";
    expect(withItemRefs(text, codeIn(2567))).toBe("ประกาศนโยบาย (อ้างอิงจาก O26 และ O30)");
    expect(withItemRefs(text, codeIn(2569))).toBe("ประกาศนโยบาย (อ้างอิงจาก O20 และ O21)");
  });

  it("takes the first alternative a year has, and leaves out what it has none of", () => {
    expect(withItemRefs("ตอบ [[ref:qa-channel|contact-info]]", codeIn(2567))).toBe("ตอบ (อ้างอิงจาก O6)");
    expect(withItemRefs("ตอบ [[ref:qa-channel|contact-info]]", codeIn(2569))).toBe("ตอบ (อ้างอิงจาก O3)");
    expect(withItemRefs("ทำ [[ref:work-manual]] แล้วเผยแพร่", codeIn(2562))).toBe("ทำ แล้วเผยแพร่");
  });

  it("lists three codes with commas and และ", () => {
    expect(
      withItemRefs(
        "[[ref:corruption-risk-assessment,anti-corruption-plan,integrity-measures]]",
        codeIn(2569),
      ),
    ).toBe(" (อ้างอิงจาก O21, O23 และ O25)");
  });
});
