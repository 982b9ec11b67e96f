import type { messagingApi } from "@line/bot-sdk";
import type { RankCardView } from "../cards.ts";
import {
  type Ask,
  asks,
  bubble,
  COLOR,
  clip,
  fiscalYear,
  flexMessage,
  formatInt,
  header,
  inProvince,
  nationalRankText,
  note,
  provincialRankText,
  text,
  vbox,
} from "./parts.ts";

/** Where the agency stands: the rank ITAS published, the rank among its type, and within its province. */
export function rankCard(v: RankCardView): messagingApi.FlexMessage {
  const body: messagingApi.FlexComponent[] = [text("อันดับ", { size: "lg", weight: "bold" })];
  if (v.total) body.push(note(`คะแนนรวม ${v.total}`, COLOR.text));
  const among = v.national?.agencyType ?? "หน่วยงานประเภทเดียวกัน";
  if (v.reportedRank !== undefined) {
    body.push(block(formatInt(v.reportedRank), `ของ${among}ทั่วประเทศ (ตามที่ ITAS ประกาศ)`));
  }
  if (v.national && v.national.rank !== v.reportedRank) {
    const from = v.reportedRank !== undefined ? " (คำนวณจากข้อมูลในระบบ)" : "";
    body.push(
      block(`${formatInt(v.national.rank)}/${formatInt(v.national.of)}`, `ของ${among}ทั่วประเทศ${from}`),
    );
  }
  if (v.provincial) {
    body.push(
      block(
        `${formatInt(v.provincial.rank)}/${formatInt(v.provincial.of)}`,
        inProvince(v.provincial.province),
      ),
    );
  }
  if (v.reportedRank === undefined && !v.national && !v.provincial) body.push(note("ยังไม่มีข้อมูลอันดับของปีนี้"));
  return flexMessage(altText(v), bubble(header(v.agencyName, fiscalYear(v.year)), body), nextAsks(v));
}

function block(figure: string, caption: string): messagingApi.FlexBox {
  return vbox(
    [
      text(figure, { size: "xxl", weight: "bold" }),
      text(caption, { size: "xs", color: COLOR.muted, wrap: true }),
    ],
    { margin: "lg" },
  );
}

function altText(v: RankCardView): string {
  const ranks = [nationalRankText(v), provincialRankText(v)].filter(Boolean);
  const parts = [
    `อันดับ ITA ${v.year} ${clip(v.agencyName, 120)}`,
    ...(ranks.length ? ranks : ["ยังไม่มีข้อมูลอันดับ"]),
  ];
  if (v.total) parts.push(`คะแนนรวม ${v.total}`);
  return parts.join(" · ");
}

function nextAsks(v: RankCardView): Ask[] {
  return [asks.overall(v.year), asks.weaknesses(v.year), asks.strengths(v.year), asks.help()];
}
