import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { formatIssue } from "../../../core/import/results.ts";
import { importResultsFile } from "../../../db/import/import-results.ts";
import { defineCommand, UsageError } from "../command.ts";

export const importCommand = defineCommand({
  name: "import",
  help: "  import FILE.csv|FILE.xlsx        นำเข้าผลการประเมิน (ทั้งไฟล์หรือไม่นำเข้าเลย)",
  options: {},
  async run({ positionals }, deps) {
    const file = positionals[0];
    if (!file) throw new UsageError("ต้องระบุไฟล์ เช่น npm run ita -- import results.csv");
    const bytes = new Uint8Array(await readFile(file));
    return deps.withDb(async (db) => {
      const outcome = await importResultsFile(db, bytes, basename(file), {
        label: `cli:import:${basename(file)}`,
      });
      if (!outcome.ok) {
        deps.err("นำเข้าไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก (nothing was written):");
        for (const e of outcome.errors) deps.err(`  ${formatIssue(e)}`);
        return 1;
      }
      for (const n of outcome.notes) deps.out(`หมายเหตุ: ${formatIssue(n)}`);
      const s = outcome.summary;
      const changed = s.agenciesCreated + s.agenciesUpdated + s.assessmentsCreated + s.assessmentsChanged;
      deps.out(
        changed === 0
          ? `อ่าน ${outcome.rows} แถว ไม่มีการเปลี่ยนแปลง (no changes)`
          : `อ่าน ${outcome.rows} แถว: หน่วยงานใหม่ ${s.agenciesCreated}, แก้ไข ${s.agenciesUpdated}; ผลการประเมินใหม่ ${s.assessmentsCreated}, แก้ไข ${s.assessmentsChanged}, ไม่เปลี่ยน ${s.assessmentsUnchanged}; คะแนนที่บันทึก ${s.scoresWritten}; ค่าที่รายงานไม่ตรงกับที่คำนวณ ${s.mismatches}`,
      );
      return 0;
    });
  },
});
