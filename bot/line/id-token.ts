import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from "jose";

export const LINE_ISSUER = "https://access.line.me";

export interface LineIdentity {
  /** The LINE user id ("U…"). */
  userId: string;
  name?: string;
}

export class IdTokenError extends Error {
  constructor(
    readonly reason: "missing" | "expired" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "IdTokenError";
  }
}

export type IdTokenVerifier = (token: string | undefined) => Promise<LineIdentity>;

/**
 * Verifies a LIFF ID token locally: an ES256 JWT signed by LINE (keys from LINE's JWKS, cached
 * by jose), issued by access.line.me for our LINE Login channel, not expired. Local checks cost
 * no round trip to LINE per API call and keep working on Workers; the JWKS is fetched once.
 */
export function createIdTokenVerifier(options: {
  channelId: string;
  /** LINE's https://api.line.me/oauth2/v2.1/certs, or the fake platform's. */
  jwksUrl: string;
  now?: () => Date;
  keys?: JWTVerifyGetKey;
}): IdTokenVerifier {
  const keys = options.keys ?? createRemoteJWKSet(new URL(options.jwksUrl));
  return async (token) => {
    if (!token) throw new IdTokenError("missing", "no ID token");
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: LINE_ISSUER,
        audience: options.channelId,
        algorithms: ["ES256"],
        ...(options.now ? { currentDate: options.now() } : {}),
      });
      if (typeof payload.sub !== "string" || !/^U[0-9a-z]{32}$/.test(payload.sub)) {
        throw new IdTokenError("invalid", "no LINE user id in the token");
      }
      const identity: LineIdentity = { userId: payload.sub };
      if (typeof payload.name === "string") identity.name = payload.name;
      return identity;
    } catch (error) {
      if (error instanceof IdTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new IdTokenError("expired", "ID token expired");
      throw new IdTokenError("invalid", `ID token rejected: ${(error as Error).message}`);
    }
  };
}
