import { describe, expect, it } from "vitest";
import { cheapestPlan, formatBaht, LINE_PLANS, monthlyCostSatang } from "../../../core/line/plans.ts";

const plan = (id: string) => LINE_PLANS.find((p) => p.id === id)!;

describe("monthlyCostSatang", () => {
  it("charges the fee up to the included pushes and each push beyond at the plan's price", () => {
    expect(monthlyCostSatang(plan("basic"), 15_000)).toBe(128_000);
    expect(monthlyCostSatang(plan("basic"), 15_001)).toBe(128_010);
    expect(monthlyCostSatang(plan("pro"), 190_070)).toBe(178_000 + 155_070 * 6);
  });

  it("cannot send beyond the free plan's 300", () => {
    expect(monthlyCostSatang(plan("free"), 300)).toBe(0);
    expect(monthlyCostSatang(plan("free"), 301)).toBeUndefined();
  });
});

describe("cheapestPlan", () => {
  it("is free up to 300, Basic up to where Pro's fee is cheaper, then Pro", () => {
    expect(cheapestPlan(300).plan.id).toBe("free");
    expect(cheapestPlan(301)).toEqual({ plan: plan("basic"), costSatang: 128_000 });
    // Basic reaches Pro's fee at 20,000 pushes: the smaller plan on the tie.
    expect(cheapestPlan(20_000)).toEqual({ plan: plan("basic"), costSatang: 178_000 });
    expect(cheapestPlan(20_001)).toEqual({ plan: plan("pro"), costSatang: 178_000 });
  });
});

describe("formatBaht", () => {
  it("writes whole baht without decimals and satang with two", () => {
    expect(formatBaht(128_000)).toBe("฿1,280");
    expect(formatBaht(1_108_420)).toBe("฿11,084.20");
    expect(formatBaht(10)).toBe("฿0.10");
    expect(formatBaht(0)).toBe("฿0");
  });
});
