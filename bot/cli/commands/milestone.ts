import { formatThaiDate } from "../../../core/thai/date.ts";
import { toArabicDigits } from "../../../core/thai/digits.ts";
import { NotFoundError, ValidationError } from "../../../db/errors.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { createAgencyMilestone, updateMilestone } from "../../../db/repositories/milestones.ts";
import { systemScope } from "../../../db/scope.ts";
import { defineCommand, UsageError } from "../command.ts";

export const milestoneCommand = defineCommand({
  name: "milestone",
  help: `  milestone --agency CODE --date 2025-04-30 --title "ส่งรายงานรอบ ๖ เดือน"
                                   เพิ่มวันสำคัญของหน่วยงาน (เตือนผู้ดูแลของหน่วยงาน)
  milestone --id N [--date 2025-05-02] [--title "..."]  แก้วันสำคัญ (รวมปฏิทิน ITA ของประเทศ:
                                   ใส่วันที่ ป.ป.ช. ประกาศแล้ว วันนั้นจะไม่ใช่ "โดยประมาณ" อีก)`,
  options: {
    agency: { type: "string" },
    id: { type: "string" },
    date: { type: "string" },
    title: { type: "string" },
  },
  async run({ values }, deps) {
    const date = values.date ? toArabicDigits(values.date) : "";
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError("--date ต้องเป็น YYYY-MM-DD (ค.ศ.)");
    const title = values.title;
    if (values.id !== undefined) {
      const id = Number(toArabicDigits(values.id));
      if (!Number.isSafeInteger(id) || id < 1 || (!date && !title)) {
        throw new UsageError("แก้วันสำคัญ: --id N กับ --date YYYY-MM-DD และ/หรือ --title");
      }
      return deps.withDb(async (db) => {
        try {
          const after = await updateMilestone(db, "system", { label: "cli:milestone" }, id, {
            ...(date ? { dueOn: date } : {}),
            ...(title ? { titleTh: title } : {}),
          });
          deps.out(
            `แก้วันสำคัญ #${id} แล้ว: ${formatThaiDate(after.dueOn)} ${after.titleTh}${after.provisional ? " (โดยประมาณ)" : ""}`,
          );
        } catch (error) {
          if (error instanceof NotFoundError) throw new UsageError(`ไม่พบวันสำคัญ #${id}`);
          if (error instanceof ValidationError) throw new UsageError(error.message);
          throw error;
        }
        return 0;
      });
    }
    const code = values.agency;
    if (!code || !date || !title?.trim()) {
      throw new UsageError('ต้องระบุ --agency, --date YYYY-MM-DD (ค.ศ.) และ --title "ชื่องาน"');
    }
    return deps.withDb(async (db) => {
      const agency = await findAgencyByCode(db, code);
      if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${code}`);
      const row = await createAgencyMilestone(
        db,
        systemScope(agency.id),
        { label: "cli:milestone" },
        { titleTh: title, dueOn: date },
      );
      deps.out(
        `เพิ่มวันสำคัญ #${row.id} ของ${agency.nameTh}: ${formatThaiDate(date)} — ${row.titleTh} (ปีงบประมาณ ${row.fiscalYear})`,
      );
      return 0;
    });
  },
});
