// Views of the seed agencies as the chat handler builds them (labels "4. ชื่อ", percents rounded).
// Seed figures are real; ranks beyond ITAS's 543 and the 2566 figures of ศรีสองรัก are illustrative.
import type {
  BarView,
  ComparisonCardView,
  DeltaView,
  IndicatorCardView,
  ItemCardView,
  ItemView,
  RankCardView,
  ScoreCardView,
  StrengthsCardView,
} from "../../../../core/chat/cards.ts";
import { fw as shipped } from "../../../fixtures/frameworks.ts";

type No = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** The names of the ten indicators every shipped year has. */
const INDICATOR_NAMES = Object.fromEntries(shipped(2567).indicators.map((i) => [i.no, i.nameTh])) as Record<
  No,
  string
>;

export const SRI_SONG_RAK = "เทศบาลตำบลศรีสองรัก";
export const BAN_LAENG = "องค์การบริหารส่วนตำบลบ้านแลง";

const pct = (value: string) => Math.round(Number(value));

export const indicator = (no: No, value: string, highlight = false): BarView => ({
  code: String(no),
  label: `${no}. ${INDICATOR_NAMES[no]}`,
  value,
  percent: pct(value),
  ...(highlight ? { highlight } : {}),
});

export const tool = (code: string, value: string): BarView => ({
  code,
  label: code,
  value,
  percent: pct(value),
});

const indicators = (values: string[], weakest: number[]) =>
  values.map((v, i) => indicator((i + 1) as No, v, weakest.includes(i + 1)));

/** Seed 000: เทศบาลตำบลศรีสองรัก 2567, 97.15 ผ่านดี, ITAS rank 543 among เทศบาลตำบล. */
export const sriSongRak2567 = (): ScoreCardView => ({
  agencyName: SRI_SONG_RAK,
  year: 2567,
  total: "97.15",
  level: { code: "ผ่านดี", nameTh: "ผ่านดี", color: "#2E7D32" },
  national: { rank: 540, of: 2469, agencyType: "เทศบาลตำบล" },
  provincial: { rank: 3, of: 17, province: "เลย" },
  reportedRank: 543,
  tools: [tool("IIT", "92.90"), tool("EIT", "97.59"), tool("OIT", "100.00")],
  indicators: indicators(
    ["100.00", "98.92", "98.92", "66.67", "100.00", "99.93", "99.93", "92.91", "100.00", "100.00"],
    [4],
  ),
  // Indicator 3 is reported as 98.92; its items give 98.89.
  mismatchCount: 1,
  otherYears: [2566],
});

/** Seed 001: อบต.บ้านแลง 2565, 86.19 A, no rank imported. */
export const banLaeng2565 = (): ScoreCardView => ({
  agencyName: BAN_LAENG,
  year: 2565,
  total: "86.19",
  level: { code: "A", nameTh: "ระดับ A", color: "#2E7D32" },
  tools: [tool("IIT", "80.67"), tool("EIT", "73.28"), tool("OIT", "100.00")],
  indicators: indicators(
    ["86.92", "77.35", "83.40", "77.20", "78.47", "83.16", "65.09", "71.59", "100.00", "100.00"],
    [7],
  ),
  mismatchCount: 0,
  otherYears: [],
});

const item = (code: string, value: string, threshold = 85): ItemView => {
  const titleTh = shipped(2567).item(code)?.titleTh;
  return {
    code,
    ...(titleTh ? { titleTh } : {}),
    value,
    percent: pct(value),
    low: Number(value) < threshold,
  };
};

export const assetUse2567 = (): IndicatorCardView => ({
  agencyName: SRI_SONG_RAK,
  year: 2567,
  no: 4,
  nameTh: INDICATOR_NAMES[4],
  tool: "IIT",
  value: "66.67",
  percent: 67,
  source: "reported",
  items: [item("i10", "100.00"), item("i11", "100.00"), item("i12", "0.00")],
  subIndicators: [],
  threshold: 85,
  neighbours: [3, 5],
});

/** Indicator 2 of 2567 computed from its items: mean(100, 96.77, 100) = 98.92. */
export const budgetComputed2567 = (): IndicatorCardView => ({
  ...assetUse2567(),
  no: 2,
  nameTh: INDICATOR_NAMES[2],
  value: "98.92",
  percent: 99,
  source: "computed",
  items: [item("i4", "100.00"), item("i5", "96.77"), item("i6", "100.00")],
  neighbours: [1, 3],
});

/** Indicator 9 of 2565 (OIT): five sub-indicators and 33 published items O1–O33 with their titles. */
export const disclosure2565 = (): IndicatorCardView => {
  const fw = shipped(2565);
  const def = fw?.indicator(9);
  const subs = def?.subIndicators ?? [];
  return {
    agencyName: BAN_LAENG,
    year: 2565,
    no: 9,
    nameTh: INDICATOR_NAMES[9],
    tool: "OIT",
    value: "100.00",
    percent: 100,
    source: "reported",
    items: subs
      .flatMap((s) => s.items)
      .map((code) => {
        const titleTh = fw?.item(code)?.titleTh;
        return { code, ...(titleTh ? { titleTh } : {}), value: "100.00", percent: 100, low: false };
      }),
    subIndicators: subs.map((s) => ({ code: s.code, nameTh: s.nameTh, value: "100.00" })),
    threshold: 85,
    neighbours: [8, 10],
  };
};

export const assetSupervision2567 = (): ItemCardView => ({
  agencyName: SRI_SONG_RAK,
  year: 2567,
  code: "i12",
  titleTh: "การกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ",
  value: "0.00",
  percent: 0,
  indicator: { no: 4, nameTh: INDICATOR_NAMES[4] },
});

const delta = (code: string, label: string, from: string, to: string): DeltaView => {
  const d = Math.round(Number(to) * 100) - Math.round(Number(from) * 100);
  const abs = (Math.abs(d) / 100).toFixed(2);
  return {
    code,
    label,
    from,
    to,
    delta: d > 0 ? `+${abs}` : d < 0 ? `-${abs}` : "0.00",
    direction: d > 0 ? "up" : d < 0 ? "down" : "same",
  };
};

/** ศรีสองรัก 2566 → 2567; the 2566 figures are made up but add up (IIT 93.50, EIT 94.10, OIT 80.00 → 88.28 ผ่าน). */
export const sriSongRak2566to2567 = (): ComparisonCardView => {
  const from = ["100.00", "97.50", "98.00", "72.00", "100.00", "96.00", "95.30", "91.00", "85.00", "75.00"];
  const to = ["100.00", "98.92", "98.92", "66.67", "100.00", "99.93", "99.93", "92.91", "100.00", "100.00"];
  return {
    agencyName: SRI_SONG_RAK,
    fromYear: 2566,
    toYear: 2567,
    total: delta("total", "คะแนนรวม", "88.28", "97.15"),
    levels: { from: "ผ่าน", to: "ผ่านดี" },
    tools: [
      delta("IIT", "IIT", "93.50", "92.90"),
      delta("EIT", "EIT", "94.10", "97.59"),
      delta("OIT", "OIT", "80.00", "100.00"),
    ],
    indicators: to.map((t, i) => {
      const no = (i + 1) as No;
      return delta(String(no), `${no}. ${INDICATOR_NAMES[no]}`, from[i] ?? "0.00", t);
    }),
  };
};

export const weaknesses2567 = (): StrengthsCardView => ({
  agencyName: SRI_SONG_RAK,
  year: 2567,
  threshold: 85,
  kind: "weaknesses",
  indicators: [indicator(4, "66.67", true)],
  lowestItems: [{ ...item("i12", "0.00"), indicatorNameTh: INDICATOR_NAMES[4] }],
});

export const strengths2567 = (): StrengthsCardView => ({
  agencyName: SRI_SONG_RAK,
  year: 2567,
  threshold: 85,
  kind: "strengths",
  indicators: [
    indicator(1, "100.00"),
    indicator(5, "100.00"),
    indicator(9, "100.00"),
    indicator(10, "100.00"),
    indicator(6, "99.93"),
    indicator(7, "99.93"),
    indicator(2, "98.92"),
    indicator(3, "98.92"),
    indicator(8, "92.91"),
  ],
  lowestItems: [],
});

/** Seed 001 at 85: seven indicators below, lowest first; no item scores in the report. */
export const weaknesses2565 = (): StrengthsCardView => ({
  agencyName: BAN_LAENG,
  year: 2565,
  threshold: 85,
  kind: "weaknesses",
  indicators: [
    indicator(7, "65.09", true),
    indicator(8, "71.59", true),
    indicator(4, "77.20", true),
    indicator(2, "77.35", true),
    indicator(5, "78.47", true),
    indicator(6, "83.16", true),
    indicator(3, "83.40", true),
  ],
  lowestItems: [],
});

export const sriSongRakRank2567 = (): RankCardView => ({
  agencyName: SRI_SONG_RAK,
  year: 2567,
  total: "97.15",
  national: { rank: 540, of: 2469, agencyType: "เทศบาลตำบล" },
  provincial: { rank: 3, of: 17, province: "เลย" },
  reportedRank: 543,
});
