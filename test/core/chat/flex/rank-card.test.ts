import { describe, expect, it } from "vitest";
import { rankCard } from "../../../../core/chat/flex/rank-card.ts";
import { expectSendable, quickReplies, textOf } from "./inspect.ts";
import { SRI_SONG_RAK, sriSongRakRank2567 } from "./views.ts";

describe("rankCard", () => {
  it("draws the ranks of ศรีสองรัก 2567", () => {
    expect(rankCard(sriSongRakRank2567())).toMatchSnapshot();
  });

  it("states the published rank and the total in the alt text", () => {
    expect(rankCard(sriSongRakRank2567()).altText).toBe(
      "อันดับ ITA 2567 เทศบาลตำบลศรีสองรัก · อันดับ 543 ของเทศบาลตำบลทั่วประเทศ · อันดับ 3/17 ในจังหวัดเลย · คะแนนรวม 97.15",
    );
  });

  it("shows the computed national rank beside the published one when they differ", () => {
    const m = rankCard(sriSongRakRank2567());
    expect(textOf(m, "543")).toBeDefined();
    expect(textOf(m, "540/2,469")).toBeDefined();
    expect(textOf(m, "ของเทศบาลตำบลทั่วประเทศ (คำนวณจากข้อมูลในระบบ)")).toBeDefined();
    expect(textOf(m, "3/17")).toBeDefined();
    expect(textOf(m, "ในจังหวัดเลย")).toBeDefined();
  });

  it("says Bangkok without จังหวัด", () => {
    const m = rankCard({
      ...sriSongRakRank2567(),
      provincial: { rank: 1, of: 50, province: "กรุงเทพมหานคร" },
    });
    expect(textOf(m, "ในกรุงเทพมหานคร")).toBeDefined();
  });

  it("says when there is no rank yet", () => {
    const m = rankCard({ agencyName: SRI_SONG_RAK, year: 2568 });
    expect(textOf(m, "ยังไม่มีข้อมูลอันดับของปีนี้")).toBeDefined();
    expect(m.altText).toBe("อันดับ ITA 2568 เทศบาลตำบลศรีสองรัก · ยังไม่มีข้อมูลอันดับ");
    expectSendable(m);
  });

  it("leads to the total, weaknesses and strengths", () => {
    expect(quickReplies(rankCard(sriSongRakRank2567())).map((q) => q.label)).toEqual([
      "คะแนนรวม",
      "จุดอ่อน",
      "จุดแข็ง",
      "ช่วยเหลือ",
    ]);
  });

  it("passes LINE's limits", () => {
    expectSendable(rankCard(sriSongRakRank2567()));
  });
});
