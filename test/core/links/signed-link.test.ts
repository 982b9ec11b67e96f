import { describe, expect, it } from "vitest";
import { signLink, verifyLink } from "../../../core/links/signed-link.ts";

const SECRET = "link-secret-for-tests";
const NOW = new Date("2026-11-25T05:00:00Z");
const exp = (minutes: number) => Math.floor(NOW.getTime() / 1000) + minutes * 60;

describe("signed links", () => {
  it("gives back exactly what was signed while the link is fresh", async () => {
    const token = await signLink(SECRET, { exp: exp(15), agency: 7, kind: "analysis", year: 2567 });
    const check = await verifyLink(SECRET, token, NOW);
    expect(check).toEqual({ ok: true, payload: { exp: exp(15), agency: 7, kind: "analysis", year: 2567 } });
  });

  it("refuses a link after it expires", async () => {
    const token = await signLink(SECRET, { exp: exp(15), agency: 7 });
    const later = new Date(NOW.getTime() + 15 * 60_000);
    expect(await verifyLink(SECRET, token, later)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a link whose payload was changed to another agency", async () => {
    const token = await signLink(SECRET, { exp: exp(15), agency: 7 });
    const [, signature] = token.split(".");
    const forged = btoa(JSON.stringify({ exp: exp(15), agency: 8 })).replace(/=+$/, "");
    expect(await verifyLink(SECRET, `${forged}.${signature}`, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a link signed with another secret", async () => {
    const token = await signLink("another-secret", { exp: exp(15), agency: 7 });
    expect((await verifyLink(SECRET, token, NOW)).ok).toBe(false);
  });

  it("refuses garbage without throwing", async () => {
    for (const token of [
      "",
      ".",
      "abc",
      "a.b.c",
      "!!!.???",
      `${"x".repeat(40)}.`,
      "abc.A",
      "a.b",
      "A.abc",
      "abcde.AAAAA",
    ]) {
      expect((await verifyLink(SECRET, token, NOW)).ok).toBe(false);
    }
  });
});
