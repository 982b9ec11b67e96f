// The Node server as a process: graceful shutdown on SIGTERM and what it writes to its logs.
import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../bot/dev/line-platform/server.ts";
import { DEMO_USERS } from "../../db/demo/users.ts";

const SECRET = "node-test-channel-secret-0123456789";
const TOKEN = "node-test-channel-access-token-0123456789";
const CHANNEL = "1650000077";
const ADMIN = DEMO_USERS[0]!.lineUserId;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

describe("the Node server process", () => {
  let fake: FakeLinePlatform;
  const dir = mkdtempSync(join(tmpdir(), "prongsai-node-"));
  beforeAll(async () => {
    fake = await startFakeLinePlatform({ channelAccessToken: TOKEN });
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finishes an in-flight request and its deferred reply on SIGTERM, then exits 0 — logging JSON without secrets", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "bot/node.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        NODE_ENV: "production",
        ALLOW_PGLITE: "on",
        DEMO_DATA: "on",
        DATA_DIR: dir,
        PORT: String(port),
        LINE_CHANNEL_SECRET: SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
        LINE_API_BASE_URL: fake.url,
        LINE_LOGIN_CHANNEL_ID: CHANNEL,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.stderr.on("data", (d) => {
      out += String(d);
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const until = Date.now() + 90_000;
      while (!out.includes(`localhost:${port}`)) {
        if (child.exitCode !== null || Date.now() > until) throw new Error(`server did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const base = `http://127.0.0.1:${port}`;

      // An API call with an ID token, so a token has passed through the logs' reach.
      const idToken = await fake.issueIdToken(ADMIN, { channelId: CHANNEL });
      expect(
        (await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${idToken}` } })).status,
      ).toBe(200);

      // A webhook whose body is still arriving when the signal comes.
      const replyToken = fake.issueReplyToken(ADMIN);
      const body = JSON.stringify({
        destination: "Ubot",
        events: [
          {
            type: "message",
            mode: "active",
            timestamp: Date.now(),
            source: { type: "user", userId: ADMIN },
            webhookEventId: randomUUID(),
            deliveryContext: { isRedelivery: false },
            replyToken,
            message: { id: "1", type: "text", quoteToken: "q", text: "คะแนน ITA ปี 2567" },
          },
        ],
      });
      const bytes = Buffer.from(body);
      const signature = createHmac("sha256", SECRET).update(body).digest("base64");
      const socket = connect(port, "127.0.0.1");
      let answer = "";
      socket.on("data", (d) => {
        answer += String(d);
      });
      const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      socket.write(
        `POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          `X-Line-Signature: ${signature}\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`,
      );
      socket.write(bytes.subarray(0, 50));
      await new Promise((r) => setTimeout(r, 200));
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      // No new connections once stopping…
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      // …but the request in flight completes, and so does the reply it started.
      socket.end(bytes.subarray(50));
      await ended;
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
      expect(await exited).toBe(0);
      expect(fake.replies.get(replyToken)?.messages.length).toBeGreaterThan(0);

      const entries = out
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(entries.map((e) => e.msg)).toEqual(
        expect.arrayContaining(["request", "shutdown: finishing in-flight work", "shutdown: done"]),
      );
      const webhookLine = entries.find((e) => e.msg === "request" && e.path === "/webhook");
      expect(webhookLine?.requestId).toEqual(expect.any(String));
      for (const secret of [SECRET, TOKEN, idToken, signature]) expect(out).not.toContain(secret);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 120_000);

  it("refuses to start in production without DATABASE_URL unless PGlite is allowed", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "bot/node.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        NODE_ENV: "production",
        DATA_DIR: dir,
        LINE_CHANNEL_SECRET: SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(err).toContain("DATABASE_URL is required in production");
  }, 60_000);
});
