import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import {
  VIEWER_BANLAENG as LAENG,
  NOW,
  openWorld,
  REPORT_LINKER,
  ADMIN_SRISONGRAK as SRI,
  visibleText,
  type World,
} from "../world.ts";

/** Every URI a message's buttons open. */
function uris(message: Record<string, unknown>): string[] {
  return [...JSON.stringify(message).matchAll(/"uri":"([^"]+)"/g)].map((m) => m[1]!);
}

describe("ขอรายงาน in chat", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it("gives an admin signed PDF and Word links to both reports of their own agency (latest results, latest measures)", async () => {
    const [card, ...rest] = await w.say(SRI, "ขอรายงานครับ");
    expect(rest).toEqual([]);
    expect(visibleText(card!)).toContain("รายงานการวิเคราะห์ผลการประเมิน ITA");
    expect(visibleText(card!)).toContain("รายงานผลการดำเนินการตามมาตรการ");
    const links = uris(card!);
    expect(links).toHaveLength(4);
    const own = (await findAgencyByCode(w.db, "SEED000"))!.id;
    const requests = await Promise.all(
      links.map((u) => REPORT_LINKER.read(u.replace("https://prongsai.test/r/", ""), NOW)),
    );
    expect(requests).toEqual([
      { agencyId: own, kind: "analysis", year: 2567, format: "pdf" },
      { agencyId: own, kind: "analysis", year: 2567, format: "docx" },
      { agencyId: own, kind: "progress", year: 2570, format: "pdf" },
      { agencyId: own, kind: "progress", year: 2570, format: "docx" },
    ]);
  });

  it("gives one report in the year asked, and the links stop working after 15 minutes", async () => {
    const [card] = await w.say(SRI, "รายงานผลการดำเนินการตามมาตรการ ปี ๖๘ pdf");
    const links = uris(card!);
    expect(links).toHaveLength(2);
    const token = links[0]!.replace("https://prongsai.test/r/", "");
    expect(await REPORT_LINKER.read(token, NOW)).toMatchObject({ kind: "progress", year: 2568 });
    const later = new Date(NOW.getTime() + 15 * 60_000 + 1000);
    expect(await REPORT_LINKER.read(token, later)).toBe("expired");
  });

  it("makes the links for Arabic digits when asked", async () => {
    const [card] = await w.say(SRI, "ขอรายงานวิเคราะห์ เลขอารบิก");
    const token = uris(card!)[0]!.replace("https://prongsai.test/r/", "");
    expect(await REPORT_LINKER.read(token, NOW)).toMatchObject({ kind: "analysis", digits: "arabic" });
  });

  it("says which years have results when the analysis of a year without them is asked for", async () => {
    const [answer] = await w.say(SRI, "รายงานวิเคราะห์ ปี 2560");
    expect(uris(answer!)).toEqual([]);
    expect(visibleText(answer!)).toMatch(/มีผลของปี 2567/);
  });

  it("tells a viewer that reports are for admins and editors, with no link", async () => {
    const [answer] = await w.say(LAENG, "ขอรายงาน");
    expect(uris(answer!)).toEqual([]);
    expect(visibleText(answer!)).toContain("เฉพาะผู้ดูแลและผู้แก้ไข");
  });
});
