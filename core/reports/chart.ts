// Bar charts as data, drawn to SVG here (pure) and rasterised by the renderer, so the DOCX and
// the PDF embed the same picture. Horizontal bars: the Thai indicator names fit on the left.
import type { Score } from "../ita/score.ts";
import type { Formatter } from "./format.ts";

export interface BarSeries {
  name: string;
  color: string;
  /** Bars below the chart's threshold take this colour, when given. */
  belowColor?: string;
  /** One per category; undefined leaves the bar out. */
  values: (Score | undefined)[];
}

export interface BarChart {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** A dashed line at this many points (the strengths/weaknesses threshold). */
  threshold?: number;
}

export interface SvgOptions {
  fontFamily: string;
  fmt: Formatter;
  width?: number;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function chartSvg(chart: BarChart, options: SvgOptions): string {
  const { fmt } = options;
  const width = options.width ?? 1400;
  const font = 32;
  const labelW = 600;
  const valueW = 150;
  const barsX = labelW + 20;
  const barsW = width - barsX - valueW;
  const top = chart.series.length > 1 ? 130 : 90;
  const barH = 34;
  const rowH = chart.series.length * barH + 26;
  const height = top + chart.categories.length * rowH + 60;
  const x = (points: number) => barsX + (barsW * points) / 100;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(options.fontFamily)}" font-size="${font}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="50" text-anchor="middle" font-size="36" font-weight="bold">${esc(chart.title)}</text>`,
  ];
  if (chart.series.length > 1) {
    let lx = barsX;
    for (const s of chart.series) {
      out.push(`<rect x="${lx}" y="72" width="28" height="28" fill="${s.color}"/>`);
      out.push(`<text x="${lx + 38}" y="96">${esc(s.name)}</text>`);
      lx += 60 + s.name.length * 18;
    }
  }
  const bottom = top + chart.categories.length * rowH;
  for (const tick of [0, 20, 40, 60, 80, 100]) {
    out.push(
      `<line x1="${x(tick)}" y1="${top - 8}" x2="${x(tick)}" y2="${bottom}" stroke="#dddddd" stroke-width="2"/>`,
    );
    out.push(
      `<text x="${x(tick)}" y="${bottom + 38}" text-anchor="middle" font-size="26" fill="#555555">${fmt.t(tick)}</text>`,
    );
  }
  chart.categories.forEach((label, i) => {
    const rowY = top + i * rowH;
    out.push(`<text x="${labelW}" y="${rowY + rowH / 2 + font / 3}" text-anchor="end">${esc(label)}</text>`);
    chart.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === undefined) return;
      const points = v / 100;
      const below = chart.threshold !== undefined && points < chart.threshold && s.belowColor;
      const y = rowY + 13 + k * barH;
      out.push(
        `<rect x="${barsX}" y="${y}" width="${Math.max(2, x(points) - barsX)}" height="${barH - 6}" fill="${below ? s.belowColor : s.color}"/>`,
      );
      out.push(`<text x="${x(points) + 10}" y="${y + barH - 12}" font-size="26">${fmt.score(v)}</text>`);
    });
  });
  if (chart.threshold !== undefined) {
    const tx = x(chart.threshold);
    out.push(
      `<line x1="${tx}" y1="${top - 14}" x2="${tx}" y2="${bottom}" stroke="#c62828" stroke-width="3" stroke-dasharray="12 8"/>`,
    );
    out.push(
      `<text x="${tx}" y="${top - 22}" text-anchor="middle" font-size="24" fill="#c62828">เกณฑ์ ${fmt.t(chart.threshold)}</text>`,
    );
  }
  out.push("</svg>");
  return out.join("\n");
}
