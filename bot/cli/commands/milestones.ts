import { formatThaiDate } from "../../../core/thai/date.ts";
import { listAllMilestones } from "../../../db/repositories/milestones.ts";
import { defineCommand, yearOption } from "../command.ts";

export const milestonesCommand = defineCommand({
  name: "milestones",
  help: "  milestones [--year 2568]         รายการวันสำคัญ",
  options: { year: { type: "string" } },
  async run({ values }, deps) {
    const year = yearOption(values.year);
    return deps.withDb(async (db) => {
      const rows = await listAllMilestones(db, year === undefined ? {} : { year });
      for (const r of rows) {
        const when = r.startsOn
          ? `${formatThaiDate(r.startsOn)} – ${formatThaiDate(r.dueOn)}`
          : formatThaiDate(r.dueOn);
        const flags = [
          r.agencyCode ?? "ทุกหน่วยงาน",
          r.kind,
          r.provisional ? "โดยประมาณ" : "",
          r.remind ? "" : "ไม่เตือน",
        ];
        deps.out(`#${r.id} ${when} ${r.titleTh} (${flags.filter(Boolean).join(", ")})`);
      }
      if (rows.length === 0) deps.out("ไม่มีวันสำคัญ");
      return 0;
    });
  },
});
