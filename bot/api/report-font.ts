import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { checkFontFile, MAX_FONT_BYTES } from "../../core/reports/font-file.ts";
import { removeReportFont, saveReportFont } from "../../db/repositories/report-fonts.ts";
import { Refusal } from "../http/errors.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";

const ADMINS_ONLY = "เฉพาะผู้ดูแลของหน่วยงานเปลี่ยนฟอนต์รายงานได้";
const FIX_FILES = "กรุณาแก้ไฟล์ที่ระบุ";
const PICK_REGULAR = "กรุณาเลือกไฟล์ฟอนต์ตัวปกติ (.ttf หรือ .otf)";

/** Two faces of at most 2 MB each plus the multipart envelope; bot/http/body-limit.ts lets it through. */
export const FONT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

const sizeLimit = bodyLimit({
  maxSize: FONT_UPLOAD_MAX_BYTES,
  onError: () => {
    throw new Refusal(413, { error: "ไฟล์ใหญ่เกินไป ฟอนต์แต่ละไฟล์ต้องไม่เกิน 2 MB" });
  },
});

// An empty file input is sent as an empty, nameless file (or nothing): no bold face.
const upload = z.object({
  regular: z.instanceof(File, { error: PICK_REGULAR }),
  bold: z.optional(z.union([z.instanceof(File), z.literal("")])),
});

const uploadValidator = zValidator("form", upload, (result) => {
  if (!result.success) throw new Refusal(400, { error: FIX_FILES, fields: { regular: PICK_REGULAR } });
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
  return new Hono<ApiEnv>()
    .post(
      "/agencies/:agencyId/report-font",
      // The admin check comes first: a refused caller's files are never read.
      agencyGuard("admin", ADMINS_ONLY),
      sizeLimit,
      uploadValidator,
      async (c) => {
        const form = c.req.valid("form");
        const regular = await readFace(form.regular);
        const bold = await readFace(form.bold);
        const fields: Record<string, string> = {};
        if (regular.problem) fields.regular = regular.problem;
        else if (!regular.bytes) fields.regular = PICK_REGULAR;
        if (bold.problem) fields.bold = bold.problem;
        if (!regular.bytes || Object.keys(fields).length > 0)
          throw new Refusal(400, { error: FIX_FILES, fields });
        const info = await saveReportFont(c.get("db"), c.get("scope"), c.get("actor"), {
          regular: regular.bytes,
          bold: bold.bytes ?? null,
        });
        return c.json({ font: { family: info.family, custom: true } });
      },
    )
    .delete("/agencies/:agencyId/report-font", agencyGuard("admin", ADMINS_ONLY), async (c) => {
      await removeReportFont(c.get("db"), c.get("scope"), c.get("actor"));
      return c.json({ font: { family: "Sarabun", custom: false } });
    });
}
