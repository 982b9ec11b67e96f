import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../db/demo/users.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { ARTIFACTS, openStage, type Stage } from "./harness.ts";

const [ADMIN, VIEWER] = DEMO_USERS.map((u) => u.lineUserId) as [string, string];

describe("LIFF app in Chromium, on a 360×740 phone", () => {
  let stage: Stage;
  let agencyId: number;
  let viewerAgencyId: number;
  let step: { id: number; measure_id: number; title: string };

  beforeAll(async () => {
    stage = await openStage();
    agencyId = (await findAgencyByCode(stage.server.db, "SEED000"))!.id;
    viewerAgencyId = (await findAgencyByCode(stage.server.db, "SEED001"))!.id;
    step = await stage.server.db
      .selectFrom("measure_steps")
      .select(["id", "measure_id", "title"])
      .where("agency_id", "=", agencyId)
      .where("status", "in", ["not_started", "in_progress"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it("opens the dashboard with the agency's published score", async () => {
    const page = await stage.phone(ADMIN, `#/a/${agencyId}`);
    await page.getByText("97.15").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "liff-dashboard-360x740.png") });
    expect(await page.getByText("ผ่านดี").first().isVisible()).toBe(true);
  });

  it("updates a step to done with an evidence link, and it is still there after a reload", async () => {
    const page = await stage.phone(ADMIN, `#/a/${agencyId}/measures/${step.measure_id}/steps/${step.id}`);
    const form = page.getByRole("form", { name: "อัปเดตสถานะ" });
    await form.waitFor();
    await page.getByLabel("เสร็จแล้ว").check();
    await page.getByLabel("ลิงก์หลักฐาน").fill("https://www.srisongrak.go.th/ita/o10.pdf");
    await page.getByLabel("บันทึกการดำเนินงาน").fill("ประกาศใช้คู่มือแล้ว");
    await page.screenshot({ path: join(ARTIFACTS, "liff-step-form-360x740.png") });
    await page.getByRole("button", { name: "บันทึก" }).click();
    await page.waitForFunction(() => !location.hash.includes("/steps/"));
    await page.reload();
    await page.getByText("เปิดหลักฐาน").first().waitFor();
    const saved = await stage.server.db
      .selectFrom("measure_steps")
      .select(["status", "evidence_url", "note"])
      .where("id", "=", step.id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      status: "done",
      evidence_url: "https://www.srisongrak.go.th/ita/o10.pdf",
      note: "ประกาศใช้คู่มือแล้ว",
    });
  });

  it("shows the Thai error next to the link field for a link without https://", async () => {
    const other = await stage.server.db
      .selectFrom("measure_steps")
      .select(["id", "measure_id"])
      .where("agency_id", "=", agencyId)
      .where("status", "in", ["not_started", "in_progress"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const page = await stage.phone(ADMIN, `#/a/${agencyId}/measures/${other.measure_id}/steps/${other.id}`);
    await page.getByRole("form", { name: "อัปเดตสถานะ" }).waitFor();
    await page.getByLabel("ลิงก์หลักฐาน").fill("www.example.go.th");
    await page.getByRole("button", { name: "บันทึก" }).click();
    await page.getByText("ต้องขึ้นต้นด้วย https://").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "liff-step-error-360x740.png") });
    const unchanged = await stage.server.db
      .selectFrom("measure_steps")
      .select("evidence_url")
      .where("id", "=", other.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.evidence_url).toBeNull();
  });

  it("shows a viewer no edit buttons, and refuses a viewer's forged request with 403", async () => {
    const page = await stage.phone(VIEWER, `#/a/${viewerAgencyId}/measures`);
    await page.getByText("การสร้างความเข้าใจในการใช้ทรัพย์สินของราชการ").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "liff-viewer-360x740.png") });
    expect(await page.getByText("อัปเดตสถานะ").count()).toBe(0);
    const own = await stage.server.db
      .selectFrom("measure_steps")
      .select("id")
      .where("agency_id", "=", viewerAgencyId)
      .executeTakeFirstOrThrow();
    const status = await page.evaluate(
      async ({ agency, stepId, user }) => {
        const { idToken } = await (await fetch(`/dev/liff-token?user=${user}`)).json();
        const res = await fetch(`/api/agencies/${agency}/steps/${stepId}/status`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
          body: JSON.stringify({ status: "done", progress: 100 }),
        });
        return res.status;
      },
      { agency: viewerAgencyId, stepId: own.id, user: VIEWER },
    );
    expect(status).toBe(403);
  });
});
