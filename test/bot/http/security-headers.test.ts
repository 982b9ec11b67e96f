import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "../../../bot/http/security-headers.ts";

function appWith(production: boolean) {
  const app = new Hono();
  app.use(securityHeaders({ production }));
  app.get("/*", (c) => c.text("ok"));
  return app;
}

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? "").split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("security headers", () => {
  it("send a CSP that allows our own scripts and LINE's login and API, and no inline script", async () => {
    const res = await appWith(true).request("/liff/");
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("script-src")).toEqual(["'self'", "https://static.line-scdn.net"]);
    expect(csp.get("connect-src")).toEqual(
      expect.arrayContaining(["'self'", "https://api.line.me", "https://access.line.me"]),
    );
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("ask for HTTPS (HSTS) only in production", async () => {
    expect((await appWith(true).request("/")).headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect((await appWith(false).request("/")).headers.get("strict-transport-security")).toBeNull();
  });

  it("let the development console run its inline script, outside production only", async () => {
    const dev = directives(
      (await appWith(false).request("/dev/chat")).headers.get("content-security-policy"),
    );
    expect(dev.get("script-src")).toContain("'unsafe-inline'");
    const prod = directives(
      (await appWith(true).request("/dev/chat")).headers.get("content-security-policy"),
    );
    expect(prod.get("script-src")).not.toContain("'unsafe-inline'");
  });
});
