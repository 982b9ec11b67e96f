import { validateSignature } from "@line/bot-sdk";

/**
 * HMAC-SHA256 of the raw body with the channel secret, compared in constant time (the SDK's
 * timingSafeEqual). Several secrets are accepted so a secret can be rotated without downtime.
 */
export function signatureIsValid(
  rawBody: string,
  signature: string | undefined,
  secrets: readonly string[],
): boolean {
  if (!signature || signature.length > 100) return false;
  return secrets.some((secret) => validateSignature(rawBody, secret, signature));
}
