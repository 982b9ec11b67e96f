import { describe, expect, it } from "vitest";
import { heldBackText } from "../../../core/ita/held-back.ts";
import { scoreAssessment } from "../../../core/ita/scoring.ts";
import { fw } from "../../fixtures/frameworks.ts";
import { s, scores } from "../../fixtures/seeds.ts";

describe("heldBackText", () => {
  it("explains the NACC's 2568 case in 2569: 94.64 with EIT 80.00 is ผ่าน, held back from ผ่านดี by EIT", () => {
    const a = scoreAssessment(fw(2569), {
      tools: scores({ IIT: "95.00", EIT: "80.00", OIT: "100.00" }),
      total: s("94.64"),
    });
    expect(a.level).toBe("ผ่าน");
    expect(heldBackText(fw(2569), a)).toBe(
      "ได้ระดับผ่าน ไม่ถึงผ่านดี เพราะ EIT 80.00 ต่ำกว่า 85 (ผ่านดีต้องได้ทุกเครื่องมือตั้งแต่ 85)",
    );
  });

  it("explains a total of 96 with IIT 93 as ผ่านดี, held back from ผ่านดีเยี่ยม by IIT", () => {
    const a = scoreAssessment(fw(2569), { tools: scores({ IIT: "93.00", EIT: "97.00", OIT: "97.50" }) });
    expect(a.total?.value).toBe(s("96.00"));
    expect(a.level).toBe("ผ่านดี");
    expect(heldBackText(fw(2569), a)).toBe(
      "ได้ระดับผ่านดี ไม่ถึงผ่านดีเยี่ยม เพราะ IIT 93.00 ต่ำกว่า 95 (ผ่านดีเยี่ยมต้องได้ทุกเครื่องมือตั้งแต่ 95)",
    );
  });

  it("names the next band up, not the best one, when a total could have reached both", () => {
    // 95.20 has the total for ผ่านดีเยี่ยม, but IIT 84 misses even ผ่านดี's 85: ผ่านดี is the step it missed.
    const a = scoreAssessment(fw(2569), {
      tools: scores({ IIT: "84.00", EIT: "100.00", OIT: "100.00" }),
      total: s("95.20"),
    });
    expect(a.level).toBe("ผ่าน");
    expect(heldBackText(fw(2569), a)).toBe(
      "ได้ระดับผ่าน ไม่ถึงผ่านดี เพราะ IIT 84.00 ต่ำกว่า 85 (ผ่านดีต้องได้ทุกเครื่องมือตั้งแต่ 85)",
    );
  });

  it("names every tool that missed the mark, in the framework's order", () => {
    const a = scoreAssessment(fw(2567), { tools: scores({ EIT: "84.00", IIT: "80.00", OIT: "100.00" }) });
    expect(a.level).toBe("ผ่าน");
    expect(heldBackText(fw(2567), a)).toBe(
      "ได้ระดับผ่าน ไม่ถึงผ่านดี เพราะ IIT 80.00, EIT 84.00 ต่ำกว่า 85 (ผ่านดีต้องได้ทุกเครื่องมือตั้งแต่ 85)",
    );
  });

  it("never holds back a letter-level year (2565), whatever the tools", () => {
    const a = scoreAssessment(fw(2565), { tools: scores({ IIT: "70.00", EIT: "99.00", OIT: "100.00" }) });
    expect(a.level).toBe("A");
    expect(heldBackText(fw(2565), a)).toBeUndefined();
    const top = scoreAssessment(fw(2565), {
      tools: scores({ IIT: "50.00", EIT: "100", OIT: "100" }),
      total: s("96"),
    });
    expect(top.level).toBe("AA");
    expect(heldBackText(fw(2565), top)).toBeUndefined();
  });

  it("says nothing when the total alone decided the level", () => {
    const best = scoreAssessment(fw(2569), { tools: scores({ IIT: "96.00", EIT: "95.00", OIT: "99.00" }) });
    expect(best.level).toBe("ผ่านดีเยี่ยม");
    expect(heldBackText(fw(2569), best)).toBeUndefined();
    const low = scoreAssessment(fw(2569), { tools: scores({ IIT: "90.00", EIT: "60.00", OIT: "80.00" }) });
    expect(low.level).toBe("ต้องปรับปรุง");
    expect(heldBackText(fw(2569), low)).toBeUndefined();
  });

  it("does not hold back a tool that reaches the mark exactly", () => {
    const a = scoreAssessment(fw(2569), { tools: scores({ IIT: "85.00", EIT: "90.00", OIT: "94.00" }) });
    expect(a.level).toBe("ผ่านดี");
    expect(heldBackText(fw(2569), a)).toBeUndefined();
  });

  it("says nothing without a total, or when no tool score is known", () => {
    const partial = scoreAssessment(fw(2569), { tools: scores({ EIT: "80.00" }) });
    expect(partial.total).toBeUndefined();
    expect(heldBackText(fw(2569), partial)).toBeUndefined();
    const totalOnly = scoreAssessment(fw(2569), { total: s("90.00") });
    expect(heldBackText(fw(2569), totalOnly)).toBeUndefined();
  });
});
