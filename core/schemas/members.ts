import { z } from "zod/mini";
import { ROLES } from "../members/roles.ts";

// The members page's forms and the API share these schemas and their Thai messages.

const role = z.enum(ROLES, { error: "เลือกบทบาท: ผู้ดูแล ผู้แก้ไข หรือผู้ดู" });

/** PATCH /api/agencies/:agencyId/members/:memberId */
export const memberUpdateSchema = z
  .object({
    role: z.optional(role),
    active: z.optional(z.boolean({ error: "สถานะสมาชิกต้องเป็นใช่หรือไม่ใช่" })),
  })
  .check(
    z.refine((v) => v.role !== undefined || v.active !== undefined, {
      message: "ระบุบทบาทหรือสถานะที่จะเปลี่ยน",
      path: ["role"],
    }),
  );

export type MemberUpdate = z.output<typeof memberUpdateSchema>;

/** POST /api/agencies/:agencyId/invites; the form sends the same fields. */
export const inviteSchema = z.object({
  role,
  maxUses: z.coerce
    .number({ error: "ใส่จำนวนครั้งเป็นตัวเลข 1–50" })
    .check(z.int("ใส่จำนวนครั้งเป็นจำนวนเต็ม"), z.gte(1, "ใช้ได้อย่างน้อย 1 ครั้ง"), z.lte(50, "ใช้ได้ไม่เกิน 50 ครั้ง")),
  hours: z.coerce
    .number({ error: "ใส่อายุรหัสเป็นชั่วโมง 1–720" })
    .check(
      z.int("ใส่อายุรหัสเป็นจำนวนเต็มชั่วโมง"),
      z.gte(1, "อายุรหัสอย่างน้อย 1 ชั่วโมง"),
      z.lte(720, "อายุรหัสไม่เกิน 720 ชั่วโมง (30 วัน)"),
    ),
});

export type InviteInput = z.input<typeof inviteSchema>;
export type Invite = z.output<typeof inviteSchema>;
