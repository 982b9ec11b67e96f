import type { Milestone } from "../calendar/milestone.ts";
import {
  dateRangeText,
  daysLeftText,
  milestoneFor,
  type UpcomingMilestone,
  upcomingMilestones,
} from "../calendar/upcoming.ts";
import { compareYears, find, lowestItems, strengthsAndWeaknesses } from "../ita/analysis.ts";
import type { Assessment } from "../ita/assessment.ts";
import { type Framework, type ItemInfo, provisionalLabel } from "../ita/catalog.ts";
import { heldBackText } from "../ita/held-back.ts";
import { formatDelta, formatScore, type Score } from "../ita/score.ts";
import type {
  BarView,
  CalendarCardView,
  CalendarEntryView,
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
  const held = a.total && heldBackText(framework, a);
  if (held) view.heldBack = held;
  const provisional = provisionalLabel(framework);
  if (provisional) view.provisional = provisional;
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
    neighbours: neighboursOf(framework, no),
    ...provisionalOf(framework),
    threshold,
  };
}

/**
 * One item, with the same item a year earlier when that year is given: found through the later
 * year's concept map ("continues": 2569 O11 continues 2568 O12), else through the item's concept.
 */
export function itemCardView(
  framework: Framework,
  data: AgencyYear,
  code: string,
  earlier?: { framework: Framework; data: AgencyYear },
): ItemCardView | undefined {
  const info = framework.item(code);
  const node = find(data.assessment, "item", info?.code ?? code);
  if (!node) return undefined;
  const view: ItemCardView = {
    agencyName: data.agencyName,
    year: data.assessment.year,
    code: info?.code ?? code,
    value: formatScore(node.value),
    percent: percent(node.value),
    ...provisionalOf(framework),
  };
  if (info?.titleTh) view.titleTh = info.titleTh;
  if (info?.indicator !== undefined) {
    view.indicator = { no: info.indicator, nameTh: framework.indicator(info.indicator)?.nameTh ?? "" };
  }
  if (info && earlier) {
    const codes = counterpartItems(info, framework.year, earlier.framework);
    const items = codes.map((c) => {
      const prev = earlier.framework.item(c);
      const n = find(earlier.data.assessment, "item", prev?.code ?? c);
      return {
        code: prev?.code ?? c,
        ...(prev?.titleTh ? { titleTh: prev.titleTh } : {}),
        ...(n ? { value: formatScore(n.value) } : {}),
      };
    });
    if (items.length > 0) view.earlier = { year: earlier.data.assessment.year, items };
  }
  return view;
}

/**
 * An item's codes in an earlier year: the concept map entry when that year is the one just before
 * (the map names the previous year's codes), else the item that carries the same concept.
 */
export function counterpartItems(item: ItemInfo, year: number, earlier: Framework): string[] {
  if (item.continues?.length && earlier.year === year - 1) return item.continues;
  if (item.concept) {
    const same = earlier.itemByConcept(item.concept);
    if (same) return [same.code];
  }
  return [];
}

/** The indicators before and after this one in the framework's order. */
function neighboursOf(framework: Framework, no: number): number[] {
  const at = framework.indicators.findIndex((i) => i.no === no);
  return [framework.indicators[at - 1], framework.indicators[at + 1]].flatMap((i) => (i ? [i.no] : []));
}

function provisionalOf(framework: Framework): { provisional?: string } {
  const label = provisionalLabel(framework);
  return label ? { provisional: label } : {};
}

/** Two years of one agency; the frameworks may differ in shape (a reform): what both share is compared. */
export function comparisonView(
  fromFramework: Framework,
  from: AgencyYear,
  toFramework: Framework,
  to: AgencyYear,
): ComparisonCardView {
  const { deltas, notComparable } = compareYears(
    { framework: fromFramework, assessment: from.assessment },
    { framework: toFramework, assessment: to.assessment },
  );
  const label = (d: (typeof deltas)[number]) => {
    if (d.kind === "total") return "คะแนนรวม";
    if (d.kind === "tool") return d.code;
    const name = toFramework.indicator(Number(d.code))?.nameTh ?? "";
    return d.fromCode
      ? `${d.code}. ${name} (ปี ${from.assessment.year} คือตัวชี้วัดที่ ${d.fromCode})`
      : `${d.code}. ${name}`;
  };
  const view = (d: (typeof deltas)[number]): DeltaView => ({
    code: d.code,
    label: label(d),
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
  if (notComparable.length > 0) {
    const byYear = (year: number) =>
      notComparable
        .filter((n) => n.year === year)
        .map((n) => (n.kind === "tool" ? n.code : `ตัวชี้วัดที่ ${n.code} ${n.nameTh}`));
    const parts = [from.assessment.year, to.assessment.year].flatMap((y) => {
      const names = byYear(y);
      return names.length ? [`ปี ${y} มี ${names.join(", ")}`] : [];
    });
    out.notComparable = `กรอบการประเมินสองปีนี้ต่างกัน เทียบได้เฉพาะที่มีทั้งสองปี — ${parts.join("; ")} ซึ่งอีกปีไม่มี`;
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

/**
 * The calendar as a card: the dates ahead from `today`, the asked-for one (by key) first.
 * `milestones` are the national dates and the agency's own, of this fiscal year and the next.
 */
export function calendarView(
  agencyName: string,
  fiscalYear: number,
  milestones: readonly Milestone[],
  today: string,
  options: { topic?: string; hasOpenWork: boolean },
): CalendarCardView {
  const entry = (u: UpcomingMilestone): CalendarEntryView => ({
    ...(u.milestone.key ? { key: u.milestone.key } : {}),
    titleTh: u.milestone.titleTh,
    dateText: dateRangeText(u.milestone),
    daysText: daysLeftText(u.daysLeft),
    open: u.open,
    provisional: u.milestone.provisional,
    own: u.milestone.agencyId !== null,
  });
  const focus = options.topic ? milestoneFor(milestones, options.topic, today) : undefined;
  const entries = upcomingMilestones(milestones, today, focus ? 4 : 6).map(entry);
  const focused = focus && entry(focus);
  return {
    agencyName,
    subtitle: `ปฏิทิน ITA ปีงบประมาณ พ.ศ. ${fiscalYear}`,
    ...(focused ? { focus: focused } : {}),
    entries: focused
      ? entries.filter((e) => e.key !== focused.key || e.dateText !== focused.dateText)
      : entries,
    hasOpenWork: options.hasOpenWork,
  };
}
