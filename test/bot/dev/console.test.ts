import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devConsole } from "../../../bot/dev/console.ts";
import { ADMIN_SRISONGRAK, NEWCOMER, NOW, openWorld, type World } from "../world.ts";

describe("local chat console /dev/chat", () => {
  let w: World;
  let dev: ReturnType<typeof devConsole>;
  beforeAll(async () => {
    w = await openWorld();
    dev = devConsole({
      db: w.db,
      fake: w.fake,
      channelSecret: w.secret,
      webhook: (body, signature) => w.post(body, signature),
      settle: () => w.settle(),
      now: () => NOW,
      loginChannelId: "1600000000",
    });
  });
  afterAll(async () => {
    await w.close();
  });

  const send = async (body: Record<string, unknown>) => {
    const res = await dev.request("/chat/send", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, data: (await res.json()) as Record<string, unknown> };
  };

  it("offers the demo users on a Thai page", async () => {
    const page = await (await dev.request("/chat")).text();
    expect(page).toContain('lang="th"');
    expect(page).toContain("สมชาย");
    expect(page).toContain(ADMIN_SRISONGRAK);
  });

  it("sends a message through the signed webhook and shows the Flex answer as HTML with its quick replies", async () => {
    const { status, data } = await send({ userId: ADMIN_SRISONGRAK, text: "คะแนน ITA" });
    expect(status).toBe(200);
    expect(data.webhookStatus).toBe(200);
    const [message] = data.messages as { html: string; quickReplies: { label: string; text: string }[] }[];
    expect(message!.html).toContain("97.15");
    expect(message!.quickReplies.map((q) => q.label)).toContain("จุดอ่อน");
  });

  it("creates an invite code that a newcomer can use to join", async () => {
    const res = await dev.request("/chat/invite", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agencyCode: "SEED001", role: "viewer" }),
    });
    const { code } = (await res.json()) as { code: string };
    const { data } = await send({ userId: NEWCOMER, text: `เชื่อมต่อ ${code}` });
    expect(JSON.stringify(data)).toContain("บ้านแลง");
  });

  it("hands the mock LIFF app a real signed ID token of a demo user", async () => {
    const res = await dev.request(`/liff-token?user=${ADMIN_SRISONGRAK}`);
    const body = (await res.json()) as { idToken: string; userId: string };
    expect(body.userId).toBe(ADMIN_SRISONGRAK);
    expect(body.idToken.split(".")).toHaveLength(3);
  });

  it("refuses input that is not a demo-shaped request", async () => {
    expect((await send({ userId: "nobody", text: "x" })).status).toBe(400);
  });

  it("escapes what the user typed when it comes back", async () => {
    const { data } = await send({ userId: ADMIN_SRISONGRAK, text: "<script>alert(1)</script>" });
    expect(JSON.stringify(data)).not.toContain("<script>");
  });
});
