import { defineCommand } from "../command.ts";

export const migrateCommand = defineCommand({
  name: "migrate",
  help: "  migrate                          สร้าง/ปรับตารางฐานข้อมูล",
  options: {},
  // Opening the database migrates it: nothing else to do.
  run: (_args, deps) =>
    deps.withDb(async () => {
      deps.out("ฐานข้อมูลพร้อมใช้งาน (migrations applied)");
      return 0;
    }),
});
