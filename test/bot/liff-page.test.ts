import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../bot/config.ts";
import { withLiffSettings } from "../../bot/liff-page.ts";
import { memoryLogger } from "../../bot/log.ts";
import { type RunningServer, startServer } from "../../bot/node.ts";

const HTML = "<!doctype html>\n<html><head>\n  <title>โปร่งใส</title>\n  </head><body></body></html>";

describe("withLiffSettings", () => {
  it("writes the LIFF ID into the page head", () => {
    const html = withLiffSettings(HTML, { liffId: "1657000000-AbCdEfGh" });
    expect(html).toContain('<meta name="liff-id" content="1657000000-AbCdEfGh" />');
    expect(html.indexOf('name="liff-id"')).toBeLessThan(html.indexOf("</head>"));
  });

  it("leaves the page as built when no LIFF ID is configured", () => {
    expect(withLiffSettings(HTML, {})).toBe(HTML);
  });

  it("escapes a LIFF ID that would break out of the attribute", () => {
    const html = withLiffSettings(HTML, { liffId: '"><script>x</script>' });
    expect(html).not.toContain("<script>x");
    expect(html).toContain("&#34;&#62;&#60;script&#62;");
  });
});

describe("the Node server's LIFF page", () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "prongsai-liff-page-"));
    const liffDir = join(dir, "liff");
    mkdirSync(join(liffDir, "assets"), { recursive: true });
    writeFileSync(join(liffDir, "index.html"), HTML);
    writeFileSync(join(liffDir, "assets", "app.js"), `console.log(${JSON.stringify("ก".repeat(2000))});`);
    const env = { DATA_DIR: join(dir, "db"), NODE_ENV: "development", LIFF_ID: "1657000000-Runtime" };
    server = await startServer({ ...parseConfig(env), PORT: 0 }, memoryLogger(), { liffDir });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the built page with the LIFF ID from LIFF_ID, on deep links too", async () => {
    for (const path of ["/liff/", "/liff/index.html", "/liff/some/deep/link"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<meta name="liff-id" content="1657000000-Runtime" />');
    }
  });

  it("compresses the app's code for phones on slow networks", async () => {
    const res = await fetch(`${server.url}/liff/assets/app.js`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(await res.text()).toContain("กกก");
  });
});
