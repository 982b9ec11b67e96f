import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../db/demo/users.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { ARTIFACTS, openStage, type Stage } from "./harness.ts";

const [, VIEWER, EDITOR] = DEMO_USERS.map((u) => u.lineUserId) as [string, string, string];

describe("planning measures in the LIFF app, in Chromium", () => {
  let stage: Stage;
  let editorAgency: number;
  let viewerAgency: number;

  beforeAll(async () => {
    stage = await openStage();
    editorAgency = (await findAgencyByCode(stage.server.db, "DEMO00001"))!.id;
    viewerAgency = (await findAgencyByCode(stage.server.db, "SEED001"))!.id;
  });
  afterAll(async () => {
    await stage?.close();
  });

  it("lets an editor create a measure with two steps, keeping the typing across a reload, and find it in the list", async () => {
    const page = await stage.phone(EDITOR, `#/a/${editorAgency}/measures`);
    await page.getByRole("link", { name: "+ เพิ่มมาตรการ" }).click();
    const form = page.getByRole("form", { name: "เพิ่มมาตรการ" });
    await form.waitFor();
    const title = "เผยแพร่ช่องทางร้องเรียนการทุจริตทางเว็บไซต์";
    await page.getByLabel("ชื่อมาตรการ").fill(title);
    await page.getByRole("checkbox", { name: "5. การแก้ไขปัญหาการทุจริต" }).check();
    await page.locator('[name="steps.0.title"]').fill("จัดทำหน้าเว็บรับเรื่องร้องเรียน");

    // A reload (or LINE closing the window) loses nothing typed.
    await page.reload();
    await form.waitFor();
    expect(await page.getByLabel("ชื่อมาตรการ").inputValue()).toBe(title);
    expect(await page.locator('[name="steps.0.title"]').inputValue()).toBe("จัดทำหน้าเว็บรับเรื่องร้องเรียน");

    await page.locator('[name="steps.0.dueOn"]').fill("2026-12-15");
    await page.getByRole("button", { name: "+ เพิ่มขั้นตอน" }).click();
    await page.locator('[name="steps.1.title"]').fill("ประชาสัมพันธ์ช่องทางให้ประชาชนทราบ");
    await page.locator('[name="steps.1.dueOn"]').fill("2027-01-31");
    await page.screenshot({ path: join(ARTIFACTS, "liff-measure-new-360x740.png"), fullPage: true });
    await page.getByRole("button", { name: "สร้างมาตรการ" }).click();
    await page.waitForFunction(() => /\/measures\/\d+$/.test(location.hash));
    await page.getByRole("heading", { name: title }).waitFor();

    await page.goto(`${stage.server.url}/liff/?mock=1&user=${EDITOR}#/a/${editorAgency}/measures`);
    await page.reload();
    await page.getByText(title).waitFor();
    const saved = await stage.server.db
      .selectFrom("measures")
      .select(["id", "indicators"])
      .where("agency_id", "=", editorAgency)
      .where("title", "=", title)
      .executeTakeFirstOrThrow();
    expect(saved.indicators).toEqual([5]);
    const steps = await stage.server.db
      .selectFrom("measure_steps")
      .select(["seq", "title", "due_on"])
      .where("measure_id", "=", saved.id)
      .orderBy("seq")
      .execute();
    expect(steps).toEqual([
      { seq: 1, title: "จัดทำหน้าเว็บรับเรื่องร้องเรียน", due_on: "2026-12-15" },
      { seq: 2, title: "ประชาสัมพันธ์ช่องทางให้ประชาชนทราบ", due_on: "2027-01-31" },
    ]);
    const audit = await stage.server.db
      .selectFrom("audit_log")
      .select("actor")
      .where("action", "=", "measure.create")
      .where("entity_id", "=", String(saved.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(`line:${EDITOR}`);
  });

  it("fits the edit page into 320 px and shows the Thai message next to a wrong date, without moving the form", async () => {
    const measure = await stage.server.db
      .selectFrom("measures")
      .select("id")
      .where("agency_id", "=", editorAgency)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const page = await stage.phone(EDITOR, `#/a/${editorAgency}/measures/${measure.id}/edit`);
    await page.setViewportSize({ width: 320, height: 740 });
    const form = page.getByRole("form", { name: "แก้ไขมาตรการ" });
    await form.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const submit = page.getByRole("button", { name: "บันทึกมาตรการ" });
    const before = await submit.boundingBox();
    await page.getByLabel("เริ่ม (ว่างไว้ได้)").fill("2026-12-01");
    await page.getByLabel("สิ้นสุด (ว่างไว้ได้)").fill("2026-11-01");
    await submit.click();
    await page.getByText("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม").waitFor();
    // The first wrong field takes the focus (and scrolls); the form itself must not move.
    await page.evaluate(() => window.scrollTo(0, 0));
    const after = await submit.boundingBox();
    expect(after?.y).toBe(before?.y);
    await page.screenshot({ path: join(ARTIFACTS, "liff-measure-edit-320x740.png"), fullPage: true });
  });

  it("shows a viewer no add or edit buttons, and refuses a viewer's forged create with 403", async () => {
    const page = await stage.phone(VIEWER, `#/a/${viewerAgency}/measures`);
    await page.getByRole("list", { name: "รายการมาตรการ" }).waitFor();
    expect(await page.getByText("เพิ่มมาตรการ").count()).toBe(0);
    await page.locator(".card").first().click();
    await page.getByRole("heading", { level: 2, name: "ขั้นตอน" }).waitFor();
    expect(await page.getByText("แก้ไขมาตรการ").count()).toBe(0);
    const status = await page.evaluate(
      async ({ agency, user }) => {
        const { idToken } = await (await fetch(`/dev/liff-token?user=${user}`)).json();
        const res = await fetch(`/api/agencies/${agency}/measures`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
          body: JSON.stringify({ fiscalYear: 2570, title: "มาตรการปลอม" }),
        });
        return res.status;
      },
      { agency: viewerAgency, user: VIEWER },
    );
    expect(status).toBe(403);
  });
});
