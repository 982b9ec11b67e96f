import { find, lowestItems, strengthsAndWeaknesses, yearOverYear } from "../ita/analysis.ts";
import type { Assessment } from "../ita/assessment.ts";
import type { Framework } from "../ita/catalog.ts";
import { formatDelta, formatScore, type Score } from "../ita/score.ts";
import type {
  BarView,
  ComparisonCardView,
  DeltaView,
  IndicatorCardView,
  ItemCardView,
  LevelView,
  RankCardView,
  ScoreCardView,
  StrengthsCardView,
} from "./cards.ts";

/** One agency-year as the chat needs it (db's StoredAssessment fits this shape). */
export interface AgencyYear {
  agencyName: string;
  agencyType: string;
  province: string;
  assessment: Assessment;
  reportedRank?: number;
  national?: { rank: number; of: number };
  provincial?: { rank: number; of: number };
}

const percent = (v: Score) => Math.max(0, Math.min(100, Math.round(v / 100)));

export function levelView(framework: Framework, code: string | undefined): LevelView | undefined {
  if (!code) return undefined;
  const band = framework.levels.find((l) => l.code === code);
  return { code, nameTh: band?.nameTh ?? code, color: band?.color ?? "#555555" };
}

function ranks(data: AgencyYear) {
  const out: Pick<ScoreCardView, "national" | "provincial" | "reportedRank"> = {};
  if (data.national) out.national = { ...data.national, agencyType: data.agencyType };
  if (data.provincial) out.provincial = { ...data.provincial, province: data.province };
  if (data.reportedRank !== undefined) out.reportedRank = data.reportedRank;
  return out;
}

export function scoreCardView(framework: Framework, data: AgencyYear, otherYears: number[]): ScoreCardView {
  const a = data.assessment;
  const tools: BarView[] = framework.tools.flatMap((t) => {
    const n = find(a, "tool", t.code);
    return n ? [{ code: t.code, label: t.code, value: formatScore(n.value), percent: percent(n.value) }] : [];
  });
  const known = framework.indicators.flatMap((ind) => {
    const n = find(a, "indicator", String(ind.no));
    return n ? [{ ind, value: n.value }] : [];
  });
  const lowest = Math.min(...known.map((k) => k.value));
  const indicators: BarView[] = known.map(({ ind, value }) => ({
    code: String(ind.no),
    label: `${ind.no}. ${ind.nameTh}`,
    value: formatScore(value),
    percent: percent(value),
    highlight: known.length > 1 && value === lowest && value < 10000,
  }));
  const view: ScoreCardView = {
    agencyName: data.agencyName,
    year: a.year,
    tools,
    indicators,
    mismatchCount: a.mismatches.length,
    otherYears: otherYears.filter((y) => y !== a.year).sort((x, y) => y - x),
    ...ranks(data),
  };
  if (a.total) view.total = formatScore(a.total.value);
  const level = levelView(framework, a.level);
  if (level) view.level = level;
  return view;
}

export function indicatorCardView(
  framework: Framework,
  data: AgencyYear,
  no: number,
  threshold: number,
): IndicatorCardView | undefined {
  const ind = framework.indicator(no);
  const node = find(data.assessment, "indicator", String(no));
  if (!ind || !node) return undefined;
  const cut = Math.round(threshold * 100);
  const codes = ind.items ?? ind.subIndicators?.flatMap((s) => s.items) ?? [];
  const items = codes.flatMap((code) => {
    const n = find(data.assessment, "item", code);
    if (!n) return [];
    const info = framework.item(code);
    return [
      {
        code,
        ...(info?.titleTh ? { titleTh: info.titleTh } : {}),
        value: formatScore(n.value),
        percent: percent(n.value),
        low: n.value < cut,
      },
    ];
  });
  const subIndicators = (ind.subIndicators ?? []).flatMap((s) => {
    const n = find(data.assessment, "sub", s.code);
    return n ? [{ code: s.code, nameTh: s.nameTh, value: formatScore(n.value) }] : [];
  });
  return {
    agencyName: data.agencyName,
    year: data.assessment.year,
    no,
    nameTh: ind.nameTh,
    tool: ind.tool,
    value: formatScore(node.value),
    percent: percent(node.value),
    source: node.source,
    items,
    subIndicators,
    threshold,
  };
}

export function itemCardView(framework: Framework, data: AgencyYear, code: string): ItemCardView | undefined {
  const node = find(data.assessment, "item", code);
  if (!node) return undefined;
  const info = framework.item(code);
  const view: ItemCardView = {
    agencyName: data.agencyName,
    year: data.assessment.year,
    code,
    value: formatScore(node.value),
    percent: percent(node.value),
  };
  if (info?.titleTh) view.titleTh = info.titleTh;
  if (info?.indicator !== undefined) {
    view.indicator = { no: info.indicator, nameTh: framework.indicator(info.indicator)?.nameTh ?? "" };
  }
  return view;
}

export function comparisonView(framework: Framework, from: AgencyYear, to: AgencyYear): ComparisonCardView {
  const deltas = yearOverYear(from.assessment, to.assessment);
  const label = (kind: string, code: string) =>
    kind === "indicator"
      ? `${code}. ${framework.indicator(Number(code))?.nameTh ?? ""}`
      : kind === "total"
        ? "คะแนนรวม"
        : code;
  const view = (d: (typeof deltas)[number]): DeltaView => ({
    code: d.code,
    label: label(d.kind, d.code),
    from: formatScore(d.from),
    to: formatScore(d.to),
    delta: formatDelta(d.delta),
    direction: d.delta > 0 ? "up" : d.delta < 0 ? "down" : "same",
  });
  const out: ComparisonCardView = {
    agencyName: to.agencyName,
    fromYear: from.assessment.year,
    toYear: to.assessment.year,
    tools: deltas.filter((d) => d.kind === "tool").map(view),
    indicators: deltas.filter((d) => d.kind === "indicator").map(view),
  };
  const total = deltas.find((d) => d.kind === "total");
  if (total) out.total = view(total);
  if (from.assessment.level || to.assessment.level) {
    out.levels = {};
    if (from.assessment.level) out.levels.from = from.assessment.level;
    if (to.assessment.level) out.levels.to = to.assessment.level;
  }
  return out;
}

export function strengthsView(
  framework: Framework,
  data: AgencyYear,
  kind: "strengths" | "weaknesses",
  threshold: number,
): StrengthsCardView {
  const split = strengthsAndWeaknesses(framework, data.assessment, threshold);
  const chosen = kind === "strengths" ? split.strengths : [...split.weaknesses].reverse();
  const cut = Math.round(threshold * 100);
  return {
    agencyName: data.agencyName,
    year: data.assessment.year,
    threshold,
    kind,
    indicators: chosen.map((i) => ({
      code: String(i.no),
      label: `${i.no}. ${i.nameTh}`,
      value: formatScore(i.value),
      percent: percent(i.value),
      highlight: kind === "weaknesses",
    })),
    lowestItems:
      kind === "weaknesses"
        ? lowestItems(framework, data.assessment, 5)
            .filter((i) => i.value < cut)
            .map((i) => ({
              code: i.code,
              ...(i.titleTh ? { titleTh: i.titleTh } : {}),
              ...(i.indicatorNameTh ? { indicatorNameTh: i.indicatorNameTh } : {}),
              value: formatScore(i.value),
              percent: percent(i.value),
              low: true,
            }))
        : [],
  };
}

export function rankView(data: AgencyYear): RankCardView {
  const view: RankCardView = { agencyName: data.agencyName, year: data.assessment.year, ...ranks(data) };
  if (data.assessment.total) view.total = formatScore(data.assessment.total.value);
  return view;
}
