import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLinePlatform, startFakeLinePlatform } from "../../../bot/dev/line-platform/server.ts";
import { createIdTokenVerifier, IdTokenError } from "../../../bot/line/id-token.ts";

const CHANNEL = "1650000000";
const USER = `U${"0123456789abcdef".repeat(2)}`;

describe("LIFF ID token verification", () => {
  let fake: FakeLinePlatform;
  let verify: ReturnType<typeof createIdTokenVerifier>;
  beforeAll(async () => {
    fake = await startFakeLinePlatform({ channelAccessToken: "t" });
    verify = createIdTokenVerifier({ channelId: CHANNEL, jwksUrl: `${fake.url}/oauth2/v2.1/certs` });
  });
  afterAll(async () => {
    await fake.close();
  });

  const reasonOf = async (token: string | undefined) => {
    try {
      await verify(token);
      return "accepted";
    } catch (error) {
      expect(error).toBeInstanceOf(IdTokenError);
      return (error as IdTokenError).reason;
    }
  };

  it("accepts a token LINE signed for our channel and returns the LINE user", async () => {
    const token = await fake.issueIdToken(USER, { channelId: CHANNEL, name: "สมชาย" });
    expect(await verify(token)).toEqual({ userId: USER, name: "สมชาย" });
  });

  it("refuses an expired token", async () => {
    expect(await reasonOf(await fake.issueIdToken(USER, { channelId: CHANNEL, expiresInSeconds: -60 }))).toBe(
      "expired",
    );
  });

  it("refuses a token for another channel", async () => {
    expect(await reasonOf(await fake.issueIdToken(USER, { channelId: "1659999999" }))).toBe("invalid");
  });

  it("refuses a token signed by anyone but LINE", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "fake-line-1" })
      .setIssuer("https://access.line.me")
      .setSubject(USER)
      .setAudience(CHANNEL)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    expect(await reasonOf(forged)).toBe("invalid");
  });

  it("refuses a tampered token, garbage, and no token at all", async () => {
    const token = await fake.issueIdToken(USER, { channelId: CHANNEL });
    const [h, p, sig] = token.split(".");
    const claims = JSON.parse(Buffer.from(p!, "base64url").toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: `U${"f".repeat(32)}` })).toString("base64url")}.${sig}`;
    expect(await reasonOf(tampered)).toBe("invalid");
    expect(await reasonOf("not-a-jwt")).toBe("invalid");
    expect(await reasonOf(undefined)).toBe("missing");
  });
});
