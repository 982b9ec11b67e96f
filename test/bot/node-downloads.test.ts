import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../bot/config.ts";
import { memoryLogger } from "../../bot/log.ts";
import { type RunningServer, startServer } from "../../bot/node.ts";
import { DEMO_USERS } from "../../db/demo/users.ts";

/** The Node server as `npm start` runs it: chat, signed links and the download route wired together. */
describe("report downloads on the Node server", () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "prongsai-node-downloads-"));
    server = await startServer(
      { ...parseConfig({ DATA_DIR: dir, NODE_ENV: "development" }), PORT: 0 },
      memoryLogger(),
    );
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers ขอรายงาน in chat with a link that downloads the agency's PDF from this server", async () => {
    const res = await fetch(`${server.url}/dev/chat/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: DEMO_USERS[0]!.lineUserId, text: "ขอรายงานวิเคราะห์ pdf" }),
    });
    const { messages } = (await res.json()) as { messages: { html: string }[] };
    const link = messages
      .map((m) => m.html)
      .join("")
      .match(/href="([^"]+\/r\/[^"]+)"/)?.[1];
    expect(link?.startsWith(`${server.url}/r/`)).toBe(true);
    const file = await fetch(link!.replace(/&amp;/g, "&"));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  }, 60_000);
});
