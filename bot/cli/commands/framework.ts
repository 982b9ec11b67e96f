// `ita framework import FILE | list | export --year Y [--format yaml|json] | history --year Y`:
// the ITA framework of a fiscal year as data an operator loads, reads and prints back.
import { readFile } from "node:fs/promises";
import type { FrameworkDocument } from "../../../core/ita/framework.ts";
import {
  checkFramework,
  type FrameworkIssue,
  formatFrameworkIssue,
} from "../../../core/ita/framework-check.ts";
import { parseYear } from "../../../core/thai/year.ts";
import { type FrameworkFormat, formatFramework, parseFrameworkText } from "../../../db/frameworks/file.ts";
import {
  frameworkDocument,
  frameworkHistory,
  listFrameworks,
  saveFramework,
} from "../../../db/repositories/frameworks.ts";
import {
  type CliDeps,
  defineCommand,
  type Parsed,
  parseCommandArgs,
  UsageError,
  type WithDb,
} from "../command.ts";

export const FRAMEWORK_USAGE = `  framework import FILE.yaml|FILE.json  เพิ่มหรือแทนที่กรอบการประเมินของปีที่ไฟล์ระบุ (ช่อง year)
                                   ไฟล์ผิดจะไม่ถูกบันทึกเลย และแสดงทุกจุดที่ต้องแก้ (ดู docs/frameworks.md)
  framework list                   ปีที่มีกรอบการประเมิน ฉบับที่ และผู้นำเข้า
  framework export --year 2569 [--format yaml|json]
                                   พิมพ์กรอบการประเมินของปีนั้น (นำเข้ากลับได้โดยไม่เปลี่ยนแปลง)
  framework history --year 2569    ประวัติการนำเข้ากรอบการประเมินของปีนั้น`;

export interface FrameworkCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Reads and checks a framework file; every problem at once, nothing stored. */
export async function readFrameworkFile(
  path: string,
): Promise<{ ok: true; document: FrameworkDocument } | { ok: false; issues: FrameworkIssue[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`อ่านไฟล์ ${path} ไม่ได้ (cannot read the file): ${(error as Error).message}`);
  }
  const parsed = parseFrameworkText(text);
  return parsed.ok ? checkFramework(parsed.value) : parsed;
}

const options = { year: { type: "string" }, format: { type: "string" } } as const;

export const frameworkCommand = defineCommand({
  name: "framework",
  help: FRAMEWORK_USAGE,
  options,
  run: (args, deps) => framework(args, deps),
});

/** `ita framework …` on a database and an output of the caller's: how the tests run it. */
export async function runFrameworkCli(argv: string[], withDb: WithDb, io: FrameworkCliIo): Promise<number> {
  return framework(parseCommandArgs(frameworkCommand, argv.slice(1)), { withDb, out: io.out, err: io.err });
}

async function framework(
  { values, positionals }: Parsed<typeof options>,
  deps: Pick<CliDeps, "withDb" | "out" | "err">,
): Promise<number> {
  const [action, file] = positionals;
  const year = () => {
    const y = values.year ? parseYear(values.year)?.be : undefined;
    if (!y) throw new UsageError("ต้องระบุ --year เช่น --year 2569");
    return y;
  };
  switch (action) {
    case "import": {
      if (!file) throw new UsageError(`ต้องระบุไฟล์\n${FRAMEWORK_USAGE}`);
      const checked = await readFrameworkFile(file);
      if (!checked.ok) {
        deps.err(`ไม่ได้นำเข้า ไม่มีข้อมูลใดถูกบันทึก (nothing was stored) — ${checked.issues.length} จุดที่ต้องแก้:`);
        for (const issue of checked.issues) deps.err(`  ${formatFrameworkIssue(issue)}`);
        return 1;
      }
      const doc = checked.document;
      return deps.withDb(async (db) => {
        const t0 = performance.now();
        const saved = await saveFramework(db, doc, { label: `cli:framework:${file}` }, "operator");
        const ms = Math.round(performance.now() - t0);
        if (!saved.changed) {
          deps.out(`กรอบการประเมินปี ${doc.year} ตรงกับฉบับที่ ${saved.version} อยู่แล้ว ไม่มีการเปลี่ยนแปลง (unchanged)`);
          return 0;
        }
        const items = doc.items.length;
        deps.out(
          `นำเข้ากรอบการประเมินปี ${doc.year} เป็นฉบับที่ ${saved.version}${doc.provisional ? " (รอยืนยัน)" : ""}: เครื่องมือ ${doc.tools.length}, ตัวชี้วัด ${doc.indicators.length}, ข้อที่มีชื่อ ${items} (${ms} ms)`,
        );
        for (const change of saved.changes.slice(0, 40)) deps.out(`  ${change}`);
        if (saved.changes.length > 40) deps.out(`  … อีก ${saved.changes.length - 40} รายการ`);
        deps.out("ระบบที่กำลังทำงานจะใช้กรอบนี้ภายใน 1 นาที ไม่ต้องเริ่มใหม่");
        return 0;
      });
    }
    case "list":
      return deps.withDb(async (db) => {
        const rows = await listFrameworks(db);
        if (rows.length === 0) deps.out("ยังไม่มีกรอบการประเมิน");
        for (const r of rows) {
          deps.out(
            `${r.year} ฉบับที่ ${r.version}${r.provisional ? " รอยืนยัน" : ""} · ${r.tools.join(" / ")} · ตัวชี้วัด ${r.indicators} · ข้อที่มีชื่อ ${r.items} · ${r.origin === "shipped" ? "มากับระบบ" : "ผู้ดูแลนำเข้า"} ${r.loadedBy} ${r.loadedAt.toISOString()}`,
          );
        }
        return 0;
      });
    case "export": {
      const y = year();
      const format = (values.format ?? "yaml") as FrameworkFormat;
      if (format !== "yaml" && format !== "json") throw new UsageError("--format ต้องเป็น yaml หรือ json");
      return deps.withDb(async (db) => {
        const doc = await frameworkDocument(db, y);
        if (!doc) throw new UsageError(`ไม่มีกรอบการประเมินปี ${y}`);
        deps.out(formatFramework(doc, format).replace(/\n$/, ""));
        return 0;
      });
    }
    case "history": {
      const y = year();
      return deps.withDb(async (db) => {
        const rows = await frameworkHistory(db, y);
        if (rows.length === 0) deps.out(`ไม่มีกรอบการประเมินปี ${y}`);
        for (const r of rows) {
          deps.out(`ฉบับที่ ${r.version} ${r.loadedAt.toISOString()} ${r.loadedBy} (${r.origin})`);
          for (const c of r.changes.slice(0, 20)) deps.out(`  ${c}`);
        }
        return 0;
      });
    }
    default:
      throw new UsageError(`ไม่รู้จักคำสั่ง framework ${action ?? ""}\n${FRAMEWORK_USAGE}`);
  }
}
