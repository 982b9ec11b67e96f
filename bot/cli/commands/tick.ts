import { tick } from "../../jobs/tick.ts";
import { defineCommand, UsageError } from "../command.ts";

export const tickCommand = defineCommand({
  name: "tick",
  help: `  tick [--now 2025-03-24T10:00:00+07:00]
                                   วางแผนและส่งการแจ้งเตือนที่ถึงเวลา (ไม่มีค่า LINE: วางแผนอย่างเดียว)`,
  options: { now: { type: "string" } },
  async run({ values }, deps) {
    const now = values.now === undefined ? deps.now() : new Date(values.now);
    if (Number.isNaN(now.getTime()))
      throw new UsageError(`เวลาไม่ถูกต้อง: ${values.now} (ใช้ ISO เช่น 2025-03-24T10:00:00+07:00)`);
    const line = deps.line();
    return deps.withDb(async (db) => {
      // One instant for the whole run, as if the tick had come at `now`.
      const report = await tick({ db, now: () => now, log: deps.log, ...(line ? { line } : {}) });
      deps.out(JSON.stringify(report, null, 2));
      if (!line) deps.out("ไม่มีค่า LINE_CHANNEL_* : วางแผนไว้ในคิวแล้ว แต่ยังไม่ได้ส่ง (planned, not sent)");
      return 0;
    });
  },
});
