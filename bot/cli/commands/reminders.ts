import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { setAgencyReminderFrequency } from "../../../db/repositories/member-prefs.ts";
import { systemScope } from "../../../db/scope.ts";
import { defineCommand, UsageError } from "../command.ts";

export const remindersCommand = defineCommand({
  name: "reminders",
  help: `  reminders --agency CODE --frequency daily|weekly
                                   ตั้งความถี่การแจ้งเตือนของสมาชิกทุกคนในหน่วยงาน`,
  options: { agency: { type: "string" }, frequency: { type: "string" } },
  async run({ values }, deps) {
    const { agency: code, frequency } = values;
    if (!code || (frequency !== "daily" && frequency !== "weekly")) {
      throw new UsageError("ต้องระบุ --agency และ --frequency daily หรือ weekly");
    }
    return deps.withDb(async (db) => {
      const agency = await findAgencyByCode(db, code);
      if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${code}`);
      const members = await setAgencyReminderFrequency(
        db,
        systemScope(agency.id),
        { label: "cli:reminders" },
        frequency,
      );
      deps.out(
        `ตั้งการแจ้งเตือน${frequency === "daily" ? "รายวัน" : "รายสัปดาห์"}ให้สมาชิก ${members} คนของ${agency.nameTh}`,
      );
      return 0;
    });
  },
});
