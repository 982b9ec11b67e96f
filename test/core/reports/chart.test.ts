import { describe, expect, it } from "vitest";
import type { Score } from "../../../core/ita/score.ts";
import { chartSvg } from "../../../core/reports/chart.ts";
import { formatter } from "../../../core/reports/format.ts";

describe("chartSvg", () => {
  const chart = {
    title: "คะแนน <ทดสอบ> & ผล",
    categories: ["๑. การปฏิบัติหน้าที่", "๔. การใช้ทรัพย์สินของราชการ"],
    series: [
      { name: "๒๕๖๗", color: "#2E7D32", belowColor: "#EF6C00", values: [10000 as Score, 6667 as Score] },
    ],
    threshold: 85,
  };

  it("draws one bar per known value with its score, and the threshold line", () => {
    const svg = chartSvg(chart, { fontFamily: "Sarabun", fmt: formatter("thai") });
    expect(svg).toContain('font-family="Sarabun"');
    expect(svg).toContain("๑๐๐.๐๐");
    expect(svg).toContain("๖๖.๖๗");
    expect(svg).toContain("เกณฑ์ ๘๕");
    expect(svg.match(/fill="#EF6C00"/g)).toHaveLength(1);
    expect(svg).toContain("คะแนน &lt;ทดสอบ&gt; &amp; ผล");
  });

  it("leaves out a bar whose value is unknown", () => {
    const svg = chartSvg(
      { ...chart, series: [{ ...chart.series[0]!, values: [10000 as Score, undefined] }] },
      { fontFamily: "Sarabun", fmt: formatter("arabic") },
    );
    expect(svg).toContain("100.00");
    expect(svg).not.toContain("66.67");
  });
});
