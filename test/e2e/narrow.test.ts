import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../db/demo/users.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { ARTIFACTS, openStage, type Stage } from "./harness.ts";

const ADMIN = DEMO_USERS[0]!.lineUserId;

/**
 * LIFF's Tall view is about 80 % of the screen and Full all of it; the narrowest phones in use
 * are 320 px wide. Every page of the app must fit that width without sideways scrolling.
 */
describe("every LIFF page on a 320 px phone, in the Tall and Full views", () => {
  let stage: Stage;
  let agencyId: number;
  let step: { id: number; measure_id: number };

  beforeAll(async () => {
    stage = await openStage();
    agencyId = (await findAgencyByCode(stage.server.db, "SEED000"))!.id;
    step = await stage.server.db
      .selectFrom("measure_steps")
      .select(["id", "measure_id"])
      .where("agency_id", "=", agencyId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    await stage?.close();
  });

  const pages = () => [
    ["dashboard", "", "97.15"],
    ["measures", "/measures", "มาตรการ"],
    ["measure", `/measures/${step.measure_id}`, "ขั้นตอน"],
    ["step", `/measures/${step.measure_id}/steps/${step.id}`, "บันทึก"],
    ["members", "/members", "สมาชิก"],
    ["settings", "/settings", "การแจ้งเตือนของฉัน"],
    ["calendar", "/calendar", "ปฏิทินของ ป.ป.ช."],
    ["audit", "/audit", "ประวัติ"],
    ["import", "/import", "นำเข้า"],
    ["reports", "/reports", "รายงานการวิเคราะห์ผลการประเมิน ITA"],
    ["advice", "/reports/advice", "ตัวชี้วัดที่ 1"],
    ["measure-new", "/measures/new", "ชื่อมาตรการ"],
  ];

  for (const [view, height] of [
    ["tall", 512],
    ["full", 640],
  ] as const) {
    it(`fits every page into 320 px in the ${view} view`, async () => {
      const context = await stage.browser.newContext({ viewport: { width: 320, height }, locale: "th-TH" });
      const page = await context.newPage();
      const overflowing: string[] = [];
      for (const [name, path, marker] of pages()) {
        await page.goto(`${stage.server.url}/liff/?mock=1&user=${ADMIN}#/a/${agencyId}${path}`);
        await page.getByText(marker!).first().waitFor();
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (scroll > client) overflowing.push(`${name}: ${scroll} px`);
        if (view === "tall")
          await page.screenshot({ path: join(ARTIFACTS, `liff-${name}-320x${height}.png`) });
      }
      await context.close();
      expect(overflowing).toEqual([]);
    });
  }
});
