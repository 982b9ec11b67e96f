/**
 * Short-lived signed links (a report download sent in chat, opened in any browser without a LINE
 * login): the link itself is the permission, so it names exactly one thing and expires soon.
 * HMAC-SHA256 over the payload with WebCrypto, which Node, Workers and browsers all have.
 */
export interface SignedPayload {
  /** Expiry, seconds since the epoch. */
  exp: number;
  [key: string]: string | number | boolean;
}

export type LinkCheck<T> = { ok: true; payload: T } | { ok: false; reason: "invalid" | "expired" };

const encoder = new TextEncoder();

export async function signLink(secret: string, payload: SignedPayload): Promise<string> {
  const body = base64url(encoder.encode(JSON.stringify(payload)));
  return `${body}.${base64url(await hmac(secret, body))}`;
}

export async function verifyLink<T extends SignedPayload>(
  secret: string,
  token: string,
  now: Date,
): Promise<LinkCheck<T>> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const given = fromBase64url(signature);
  if (!given) return { ok: false, reason: "invalid" };
  const key = await importKey(secret);
  // subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify("HMAC", key, given, encoder.encode(body));
  if (!valid) return { ok: false, reason: "invalid" };
  let payload: T;
  try {
    const bytes = fromBase64url(body);
    if (!bytes) return { ok: false, reason: "invalid" };
    payload = JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (typeof payload.exp !== "number" || payload.exp * 1000 <= now.getTime()) {
    return { ok: false, reason: "expired" };
  }
  return { ok: true, payload };
}

async function importKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

async function hmac(secret: string, body: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", await importKey(secret), encoder.encode(body)));
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  // A length of 4n+1 cannot be base64 at all (atob throws on it): a mangled link, not an error.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
