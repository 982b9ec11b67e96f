import { zValidator } from "@hono/zod-validator";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { checkFontFile, MAX_FONT_BYTES } from "../../core/reports/font-file.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import { removeReportFont, saveReportFont } from "../../db/repositories/report-fonts.ts";
import type { Actor } from "../../db/scope.ts";
import type { ApiEnv } from "./context.ts";

const params = z.object({ agencyId: z.coerce.number().int().positive() });
const NOT_MEMBER = { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" };
const ADMINS_ONLY = { error: "เฉพาะผู้ดูแลของหน่วยงานเปลี่ยนฟอนต์รายงานได้" };
const PICK_REGULAR = "กรุณาเลือกไฟล์ฟอนต์ตัวปกติ (.ttf หรือ .otf)";

/** Two faces of at most 2 MB each plus the multipart envelope; bot/http/body-limit.ts lets it through. */
export const FONT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

type Env = ApiEnv & { Variables: { membership: Membership } };

const sizeLimit = bodyLimit({
  maxSize: FONT_UPLOAD_MAX_BYTES,
  onError: (c) => c.json({ error: "ไฟล์ใหญ่เกินไป ฟอนต์แต่ละไฟล์ต้องไม่เกิน 2 MB" }, 413),
});

/** The agency's admin only; checked before the files are read. */
const adminsOnly: MiddlewareHandler<Env> = async (c, next) => {
  const agencyId = Number(c.req.param("agencyId"));
  const membership = c.get("memberships").find((m) => m.agencyId === agencyId);
  if (!membership) return c.json(NOT_MEMBER, 403);
  if (membership.role !== "admin") return c.json(ADMINS_ONLY, 403);
  c.set("membership", membership);
  await next();
};

// An empty file input is sent as an empty, nameless file (or nothing): no bold face.
const upload = z.object({
  regular: z.instanceof(File, { error: PICK_REGULAR }),
  bold: z.optional(z.union([z.instanceof(File), z.literal("")])),
});

const uploadValidator = zValidator("form", upload, (result, c) => {
  if (!result.success) return c.json({ error: "กรุณาแก้ไฟล์ที่ระบุ", fields: { regular: PICK_REGULAR } }, 400);
});

const actorOf = (userId: string, membership: Membership): Actor => ({
  label: `line:${userId}`,
  memberId: membership.memberId,
});

/** Each chosen file's bytes, or its Thai problem. */
async function readFace(file: File | "" | undefined): Promise<{ bytes?: Uint8Array; problem?: string }> {
  if (!file || (file.size === 0 && file.name === "")) return {};
  if (file.size > MAX_FONT_BYTES) return { problem: "ไฟล์ฟอนต์ใหญ่เกิน 2 MB" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = checkFontFile(bytes);
  return check.ok ? { bytes } : { problem: check.th };
}

/**
 * The agency's own typeface for its reports (typically TH Sarabun New): an admin uploads the
 * regular face and optionally the bold one, or goes back to the bundled Sarabun. Audited.
 */
export function reportFontApi() {
  return new Hono<Env>()
    .post(
      "/agencies/:agencyId/report-font",
      sizeLimit,
      zValidator("param", params),
      adminsOnly,
      uploadValidator,
      async (c) => {
        const form = c.req.valid("form");
        const regular = await readFace(form.regular);
        const bold = await readFace(form.bold);
        const fields: Record<string, string> = {};
        if (regular.problem) fields.regular = regular.problem;
        else if (!regular.bytes) fields.regular = PICK_REGULAR;
        if (bold.problem) fields.bold = bold.problem;
        if (!regular.bytes || Object.keys(fields).length > 0) {
          return c.json({ error: "กรุณาแก้ไฟล์ที่ระบุ", fields }, 400);
        }
        const membership = c.get("membership");
        const info = await saveReportFont(
          c.get("db"),
          scopeOf(membership),
          actorOf(c.get("identity").userId, membership),
          { regular: regular.bytes, bold: bold.bytes ?? null },
        );
        return c.json({ font: { family: info.family, custom: true } });
      },
    )
    .delete("/agencies/:agencyId/report-font", zValidator("param", params), adminsOnly, async (c) => {
      const membership = c.get("membership");
      await removeReportFont(c.get("db"), scopeOf(membership), actorOf(c.get("identity").userId, membership));
      return c.json({ font: { family: "Sarabun", custom: false } });
    });
}
