import type { ReportFormat, ReportKind } from "../../core/chat/query.ts";
import { type SignedPayload, signLink, verifyLink } from "../../core/links/signed-link.ts";

/** One document of one agency: all a download link grants. */
export interface ReportRequest {
  agencyId: number;
  kind: ReportKind;
  year: number;
  format: ReportFormat;
  /** Thai digits unless "arabic". */
  digits?: "thai" | "arabic";
}

export interface ReportLinker {
  validMinutes: number;
  urlFor(request: ReportRequest, now: Date): Promise<string>;
  read(token: string, now: Date): Promise<ReportRequest | "expired" | "invalid">;
}

interface ReportPayload extends SignedPayload {
  a: number;
  k: string;
  y: number;
  f: string;
}

/**
 * Links to `${publicUrl}/r/<token>`, valid for `validMinutes` (15 by default): long enough to
 * open on a phone, short enough that a forwarded chat message stops working the same hour.
 */
export function reportLinker(options: {
  secret: string;
  /** The server's public address; a function when it is known only once the server listens. */
  publicUrl: string | (() => string);
  validMinutes?: number;
}): ReportLinker {
  const validMinutes = options.validMinutes ?? 15;
  const { publicUrl } = options;
  const base = () => (typeof publicUrl === "function" ? publicUrl() : publicUrl).replace(/\/+$/, "");
  // Its own key, derived from the channel secret, so a link signature is never a webhook one.
  const secret = `prongsai-report-links:${options.secret}`;
  return {
    validMinutes,
    async urlFor(r, now) {
      const exp = Math.floor(now.getTime() / 1000) + validMinutes * 60;
      const payload = { exp, a: r.agencyId, k: r.kind, y: r.year, f: r.format };
      const token = await signLink(secret, r.digits === "arabic" ? { ...payload, d: "arabic" } : payload);
      return `${base()}/r/${token}`;
    },
    async read(token, now) {
      const check = await verifyLink<ReportPayload>(secret, token, now);
      if (!check.ok) return check.reason;
      const { a, k, y, f } = check.payload;
      const d = check.payload.d;
      if (
        !Number.isInteger(a) ||
        !Number.isInteger(y) ||
        (k !== "analysis" && k !== "progress") ||
        (f !== "pdf" && f !== "docx")
      ) {
        return "invalid";
      }
      return {
        agencyId: a,
        kind: k,
        year: y,
        format: f,
        ...(d === "arabic" ? { digits: "arabic" as const } : {}),
      };
    },
  };
}
