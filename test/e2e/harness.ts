import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { parseConfig } from "../../bot/config.ts";
import { memoryLogger } from "../../bot/log.ts";
import { type RunningServer, startServer } from "../../bot/node.ts";

export const ARTIFACTS = join(process.cwd(), "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The flags STACK.md lists for Debian's Chromium on these machines. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Stage {
  server: RunningServer;
  browser: Browser;
  /** A phone-sized page (360×740) logged in as `userId` through the mock LIFF. */
  phone(userId: string, path?: string): Promise<Page>;
  close(): Promise<void>;
}

/** The real server (embedded PGlite with demo data, fake LINE) and a headless Chromium. */
export async function openStage(): Promise<Stage> {
  const dir = mkdtempSync(join(tmpdir(), "prongsai-e2e-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  const config = { ...parseConfig({ DATA_DIR: dir, NODE_ENV: "development" }), PORT: 0 };
  const server = await startServer(config, memoryLogger());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return {
    server,
    browser,
    async phone(userId, path = "") {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "th-TH" });
      const page = await context.newPage();
      await page.goto(`${server.url}/liff/?mock=1&user=${userId}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
