/**
 * LINE Login's side of the LIFF app: ID tokens as LINE issues them (ES256, iss https://access.line.me, aud the
 * channel id), signed with a key made at start, whose public half is served at /oauth2/v2.1/certs like LINE's.
 */
import { exportJWK, generateKeyPair, SignJWT } from "jose";

const KEY_ID = "fake-line-1";

export interface LoginKeys {
  /** The JSON Web Key Set that /oauth2/v2.1/certs answers. */
  readonly jwks: { keys: Record<string, unknown>[] };
  issueIdToken(
    userId: string,
    options: { channelId: string; name?: string; expiresInSeconds?: number },
    nowMs: number,
  ): Promise<string>;
}

export async function makeLoginKeys(): Promise<LoginKeys> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: "ES256", use: "sig" };
  return {
    jwks: { keys: [jwk] },
    issueIdToken(userId, options, nowMs) {
      const now = Math.floor(nowMs / 1000);
      return new SignJWT({ ...(options.name ? { name: options.name } : {}) })
        .setProtectedHeader({ alg: "ES256", kid: KEY_ID, typ: "JWT" })
        .setIssuer("https://access.line.me")
        .setSubject(userId)
        .setAudience(options.channelId)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
        .sign(privateKey);
    },
  };
}
