import { describe, expect, it } from "vitest";
import { jsonLogger, redactor } from "../../bot/log.ts";

const CHANNEL_SECRET = "5f2c9a7e1b3d4f60a8c2e4b6d8f01234";
const ACCESS_TOKEN = "yJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9abcdefLONGTOKEN0123456789/+=";
const DATABASE_URL = "postgres://prongsai:s3cr3t-pw-9@db.internal:5432/prongsai";
const ID_TOKEN =
  "eyJhbGciOiJFUzI1NiIsImtpZCI6ImZha2UifQ.eyJzdWIiOiJVMTIzIiwiYXVkIjoiMTY1MCJ9.MEUCIQDx1n3b2z9a8s7d6f5g4h3j2k1";

describe("JSON logs", () => {
  it("never contain the channel secret, the access token, ID tokens or database passwords", () => {
    const lines: string[] = [];
    const log = jsonLogger((l) => lines.push(l), { secrets: [CHANNEL_SECRET, ACCESS_TOKEN, "s3cr3t-pw-9"] });
    log.error("database unavailable", { error: `connect ECONNREFUSED ${DATABASE_URL}` });
    log.warn(`bad signature with ${CHANNEL_SECRET}`, { header: `Bearer ${ACCESS_TOKEN}` });
    log.info("api", { authorization: `Bearer ${ID_TOKEN}`, token: ID_TOKEN, nested: { idToken: ID_TOKEN } });
    log.info("echo", { text: `token was ${ID_TOKEN}`, error: new Error(`secret ${CHANNEL_SECRET}`) });
    const out = lines.join("\n");
    for (const secret of [CHANNEL_SECRET, ACCESS_TOKEN, "s3cr3t-pw-9", ID_TOKEN, ID_TOKEN.slice(0, 40)]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("postgres://prongsai:[redacted]@db.internal:5432/prongsai");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("redact fields named like secrets even when the value is unknown", () => {
    const redact = redactor();
    expect(redact({ channelSecret: "abc", password: "x", count: 3, user: "U1" })).toEqual({
      channelSecret: "[redacted]",
      password: "[redacted]",
      count: 3,
      user: "U1",
    });
  });

  it("keep ordinary words that happen to equal a short configured value", () => {
    const lines: string[] = [];
    jsonLogger((l) => lines.push(l), { secrets: ["abc"] }).info("abc stays");
    expect(lines[0]).toContain("abc stays");
  });
});
