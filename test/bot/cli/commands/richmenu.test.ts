import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installRichMenu, richMenuRequest } from "../../../../bot/cli/commands/richmenu.ts";
import { ADMIN_SRISONGRAK, openWorld, TOKEN, visibleText, type World } from "../../world.ts";

describe("the rich menu script", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it("creates the menu through LINE's API, uploads a 2500×843 PNG and makes it the default", async () => {
    const outcome = await installRichMenu({
      channelAccessToken: TOKEN,
      apiBaseUrl: w.fake.url,
      liffId: "1650000000-AbCdEfGh",
    });
    const menu = w.fake.richMenus.get(outcome.richMenuId);
    expect(w.fake.defaultRichMenuId).toBe(outcome.richMenuId);
    expect(menu?.image).toMatchObject({ contentType: "image/png", width: 2500, height: 843 });
    expect(menu?.image?.bytes).toBeLessThan(1024 * 1024);
    expect(menu?.menu.areas?.map((a) => a.action)).toContainEqual(
      expect.objectContaining({ type: "uri", uri: "https://liff.line.me/1650000000-AbCdEfGh" }),
    );
    mkdirSync("test-artifacts", { recursive: true });
    const { richMenuPng } = await import("../../../../bot/cli/commands/richmenu.ts");
    writeFileSync("test-artifacts/richmenu.png", await richMenuPng("1650000000-AbCdEfGh"));

    // Run again: a new menu becomes the default; the old one is reported.
    const again = await installRichMenu({ channelAccessToken: TOKEN, apiBaseUrl: w.fake.url });
    expect(again.previousDefault).toBe(outcome.richMenuId);
    expect(w.fake.defaultRichMenuId).toBe(again.richMenuId);
  });

  it("has buttons whose messages the bot answers", async () => {
    for (const area of richMenuRequest().areas ?? []) {
      const action = area.action as { type: string; text?: string };
      expect(action.type).toBe("message");
      const answer = (await w.say(ADMIN_SRISONGRAK, action.text!)).map(visibleText).join("\n");
      expect(answer, action.text).not.toMatch(/ไม่เข้าใจ|ยังไม่รู้จัก/);
      expect(answer.length).toBeGreaterThan(0);
    }
  });

  it("is refused by the platform with a wrong token, as LINE would", async () => {
    await expect(
      installRichMenu({ channelAccessToken: "wrong-token", apiBaseUrl: w.fake.url }),
    ).rejects.toThrow();
  });
});
