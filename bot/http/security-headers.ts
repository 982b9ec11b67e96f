import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/**
 * LINE's hosts the LIFF SDK talks to: the API and login (api.line.me, access.line.me), the
 * SDK's own resources and extensions (*.line-scdn.net), LIFF URLs and its sub-window (liff.line.me),
 * and LINE's analytics endpoint (uts-front.line-apps.com). The SDK itself is in our bundle.
 */
const LINE_CONNECT = [
  "https://api.line.me",
  "https://access.line.me",
  "https://liff.line.me",
  "https://liffsdk.line-scdn.net",
  "https://static.line-scdn.net",
  "https://uts-front.line-apps.com",
];
const LINE_FRAMES = ["https://liff.line.me", "https://liff-subwindow.line.me", "https://access.line.me"];

function policy(options: { inlineScripts: boolean }) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: [
      "'self'",
      "https://static.line-scdn.net",
      ...(options.inlineScripts ? ["'unsafe-inline'"] : []),
    ],
    // Preact sets style attributes (bar widths, level colours); pages carry small <style> blocks.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "https://*.line-scdn.net"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'", ...LINE_CONNECT],
    frameSrc: LINE_FRAMES,
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'", "https://access.line.me"],
    frameAncestors: ["'self'"],
  };
}

/**
 * Security headers on every answer, a CSP the LIFF app works under (no inline scripts), and HSTS
 * in production. The development console (/dev, never mounted in production) has an inline script.
 */
export function securityHeaders(options: { production: boolean }): MiddlewareHandler {
  const common: Parameters<typeof secureHeaders>[0] = {
    strictTransportSecurity: options.production ? "max-age=31536000; includeSubDomains" : false,
    // LIFF's login may open LINE's pages in another window.
    crossOriginOpenerPolicy: "same-origin-allow-popups",
    referrerPolicy: "strict-origin-when-cross-origin",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  };
  const strict = secureHeaders({ ...common, contentSecurityPolicy: policy({ inlineScripts: false }) });
  const dev = secureHeaders({ ...common, contentSecurityPolicy: policy({ inlineScripts: true }) });
  return (c, next) => {
    const path = c.req.path;
    // LINE's servers read only the status of a webhook answer; setting ~14 headers on it after
    // the fact turns @hono/node-server's light response into a full one on the hottest path.
    if (path === "/webhook") return next();
    return (!options.production && path.startsWith("/dev/") ? dev : strict)(c, next);
  };
}
