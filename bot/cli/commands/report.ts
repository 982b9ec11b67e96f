// `ita report …`: the official documents from the command line, one agency or all of them with a
// progress bar.
import { writeFile } from "node:fs/promises";
import { SingleBar } from "cli-progress";
import { REPORT_FORMATS, REPORT_KINDS } from "../../../core/reports/request.ts";
import { toArabicDigits } from "../../../core/thai/digits.ts";
import { parseYear } from "../../../core/thai/year.ts";
import { NotFoundError, ValidationError } from "../../../db/errors.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { readFrameworkCatalog } from "../../../db/repositories/frameworks.ts";
import { systemScope } from "../../../db/scope.ts";
import { renderAll } from "../../reports/batch.ts";
import { fontsFromFiles } from "../../reports/fonts.ts";
import { type RenderOptions, renderReport } from "../../reports/render.ts";
import { defineCommand, UsageError } from "../command.ts";

const HELP = `  report analysis|progress --agency CODE --year 2567 --format docx|pdf --out FILE
         [--digits arabic] [--font THSarabunNew.ttf [--font-bold "THSarabunNew Bold.ttf"]]
                                   (ไม่ระบุ --font: ใช้ฟอนต์ที่ผู้ดูแลหน่วยงานอัปโหลดไว้ หรือ Sarabun)
         [--threshold 80] [--date 2025-03-31] [--ref "นม ๕๒๖๐๑/๕๘๙"] [--to "นายกเทศมนตรี…"]
                                   รายงานการวิเคราะห์ผล (ผลปีนั้น + มาตรการปีถัดไป) หรือรายงานผลตามมาตรการของปีนั้น
  report analysis|progress --all --year 2567 --format pdf --out-dir DIR
                                   ทุกหน่วยงานที่มีข้อมูลของปีนั้น พร้อมแถบความคืบหน้า`;

export const reportCommand = defineCommand({
  name: "report",
  help: HELP,
  options: {
    agency: { type: "string" },
    year: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    "out-dir": { type: "string" },
    all: { type: "boolean" },
    digits: { type: "string" },
    font: { type: "string" },
    "font-bold": { type: "string" },
    threshold: { type: "string" },
    date: { type: "string" },
    ref: { type: "string" },
    to: { type: "string" },
    limit: { type: "string" },
  },
  async run({ values, positionals }, deps) {
    const [kind] = positionals;
    if (!REPORT_KINDS.includes(kind as never))
      throw new UsageError(`ต้องระบุชนิดรายงาน analysis หรือ progress\n${HELP}`);
    const year = values.year ? parseYear(values.year)?.be : undefined;
    if (!year) throw new UsageError("ต้องระบุ --year เช่น --year 2567");
    const format = values.format ?? "pdf";
    if (!REPORT_FORMATS.includes(format as never)) throw new UsageError("--format ต้องเป็น docx หรือ pdf");
    const date = values.date ? toArabicDigits(values.date) : undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new UsageError("--date ต้องเป็น YYYY-MM-DD (ค.ศ.)");
    const options: Omit<RenderOptions, "frameworks"> = {
      kind: kind as RenderOptions["kind"],
      year,
      format: format as RenderOptions["format"],
      digits: values.digits === "arabic" ? "arabic" : "thai",
      ...(values.threshold ? { threshold: Number(toArabicDigits(values.threshold)) } : {}),
      // Noon in Bangkok on the given date, so the memo shows that date.
      ...(date ? { now: new Date(`${date}T12:00:00+07:00`) } : {}),
      ...(values.ref || values.to
        ? {
            memo: {
              ...(values.ref ? { reference: values.ref } : {}),
              ...(values.to ? { to: values.to } : {}),
            },
          }
        : {}),
      ...(values.font ? { fonts: await fontsFromFiles(values.font, values["font-bold"]) } : {}),
    };
    if (values.all) {
      const outDir = values["out-dir"];
      if (!outDir) throw new UsageError("--all ต้องระบุ --out-dir โฟลเดอร์ปลายทาง");
      return deps.withDb(async (db) => {
        const bar = new SingleBar({
          format: "{bar} {value}/{total} หน่วยงาน · {per} ms/ฉบับ · เหลือ {eta_formatted}",
          hideCursor: true,
        });
        const t0 = performance.now();
        const outcome = await renderAll(db, {
          ...options,
          frameworks: await readFrameworkCatalog(db),
          outDir,
          ...(values.limit ? { limit: Number(values.limit) } : {}),
          onStart: (total) => bar.start(total, 0, { per: "-" }),
          onReport: (done) => bar.update(done, { per: Math.round((performance.now() - t0) / done) }),
        });
        bar.stop();
        const seconds = (performance.now() - t0) / 1000;
        deps.out(
          `เขียน ${outcome.written} ไฟล์ใน ${outDir} (${(outcome.bytes / 1e6).toFixed(1)} MB) ใน ${seconds.toFixed(1)} วินาที` +
            (outcome.failed.length ? `; ไม่สำเร็จ ${outcome.failed.length}` : ""),
        );
        for (const f of outcome.failed.slice(0, 20)) deps.err(`  ${f.code}: ${f.error}`);
        return outcome.failed.length ? 1 : 0;
      });
    }
    if (!values.agency) throw new UsageError("ต้องระบุ --agency รหัสหน่วยงาน (หรือ --all)");
    const out = values.out;
    if (!out) throw new UsageError("ต้องระบุ --out ไฟล์ปลายทาง");
    return deps.withDb(async (db) => {
      const agency = await findAgencyByCode(db, values.agency!);
      if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${values.agency}`);
      try {
        const t0 = performance.now();
        const frameworks = await readFrameworkCatalog(db);
        const report = await renderReport(db, systemScope(agency.id), { ...options, frameworks });
        await writeFile(out, report.bytes);
        deps.out(
          `เขียน ${out} (${Math.round(report.bytes.length / 1024)} KB, ${Math.round(performance.now() - t0)} ms)`,
        );
        return 0;
      } catch (error) {
        if (error instanceof NotFoundError)
          throw new UsageError(`${agency.nameTh} ยังไม่มีผลการประเมินปี ${year}`);
        if (error instanceof ValidationError) throw new UsageError(error.message);
        throw error;
      }
    });
  },
});
