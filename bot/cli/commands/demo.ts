import { loadDemoData } from "../../../db/demo/load.ts";
import { defineCommand } from "../command.ts";

export const demoCommand = defineCommand({
  name: "demo",
  help: "  demo                             ใส่ข้อมูลตัวอย่างลงฐานข้อมูลที่ว่าง",
  options: {},
  run: (_args, deps) =>
    deps.withDb(async (db) => {
      const outcome = await loadDemoData(db, { now: deps.now() });
      deps.out(
        outcome.loaded ? `ใส่ข้อมูลตัวอย่าง ${outcome.agencies} หน่วยงาน` : "ฐานข้อมูลมีข้อมูลอยู่แล้ว ไม่ได้ใส่ข้อมูลตัวอย่าง",
      );
      return 0;
    }),
});
