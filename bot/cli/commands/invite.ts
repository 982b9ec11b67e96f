import { toArabicDigits } from "../../../core/thai/digits.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { createInvite, INVITE_TTL_HOURS } from "../../../db/repositories/invites.ts";
import { defineCommand, UsageError } from "../command.ts";

export const inviteCommand = defineCommand({
  name: "invite",
  help: `  invite --agency CODE --role admin|editor|viewer [--uses 1] [--hours 72]
                                   สร้างรหัสเชิญ 6 หลักให้ผู้ใช้ LINE พิมพ์ "เชื่อมต่อ รหัส"`,
  options: {
    agency: { type: "string" },
    role: { type: "string" },
    uses: { type: "string" },
    hours: { type: "string" },
  },
  async run({ values }, deps) {
    const { agency: code, role } = values;
    if (!code) throw new UsageError("ต้องระบุ --agency รหัสหน่วยงาน");
    if (role !== "admin" && role !== "editor" && role !== "viewer") {
      throw new UsageError("ต้องระบุ --role admin, editor หรือ viewer");
    }
    const uses = values.uses === undefined ? 1 : Number(toArabicDigits(values.uses));
    const hours = values.hours === undefined ? INVITE_TTL_HOURS : Number(toArabicDigits(values.hours));
    if (!Number.isInteger(uses) || uses < 1 || uses > 500) throw new UsageError("--uses ต้องเป็น 1–500");
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30)
      throw new UsageError("--hours ต้องเป็น 1–720");
    return deps.withDb(async (db) => {
      const agency = await findAgencyByCode(db, code);
      if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${code}`);
      const invite = await createInvite(db, agency.id, role, { label: "cli:invite" }, deps.now(), {
        maxUses: uses,
        ttlHours: hours,
      });
      deps.out(`รหัสเชิญ ${agency.nameTh} (${role}): ${invite.code}`);
      deps.out(
        `ใช้ได้ ${uses} ครั้ง ถึง ${invite.expiresAt.toISOString()} — ให้ผู้ใช้พิมพ์ในแชต LINE: เชื่อมต่อ ${invite.code}`,
      );
      return 0;
    });
  },
});
