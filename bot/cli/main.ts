import { mkdir, readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { formatIssue } from "../../core/import/results.ts";
import { formatThaiDate } from "../../core/thai/date.ts";
import { toArabicDigits } from "../../core/thai/digits.ts";
import { parseYear } from "../../core/thai/year.ts";
import { createDb } from "../../db/client.ts";
import { loadDemoData } from "../../db/demo/load.ts";
import { NotFoundError, ValidationError } from "../../db/errors.ts";
import { importResultsFile } from "../../db/import/import-results.ts";
import { migrate } from "../../db/migrate.ts";
import { findAgencyByCode } from "../../db/repositories/agencies.ts";
import { readFrameworkCatalog } from "../../db/repositories/frameworks.ts";
import { createInvite, INVITE_TTL_HOURS } from "../../db/repositories/invites.ts";
import { setAgencyReminderFrequency } from "../../db/repositories/member-prefs.ts";
import {
  createAgencyMilestone,
  listAllMilestones,
  updateMilestone,
} from "../../db/repositories/milestones.ts";
import { systemScope } from "../../db/scope.ts";
import { clockOf, dbConfigOf, parseConfig } from "../config.ts";
import { tick } from "../jobs/tick.ts";
import { createLineClient } from "../line/client.ts";
import { jsonLogger } from "../log.ts";
import { FRAMEWORK_USAGE, runFrameworkCli } from "./framework-command.ts";
import { REPORT_USAGE, runReportCli } from "./report.ts";
import { installRichMenu } from "./richmenu.ts";
import { runScore, UsageError } from "./score-command.ts";
import { runShow } from "./show-command.ts";

const USAGE = `ใช้: npm run ita -- <คำสั่ง>
  migrate                          สร้าง/ปรับตารางฐานข้อมูล
  import FILE.csv|FILE.xlsx        นำเข้าผลการประเมิน (ทั้งไฟล์หรือไม่นำเข้าเลย)
  score --year 2567 < input.json   คำนวณคะแนนจาก JSON ตามกรอบการประเมินของปีในฐานข้อมูล
  show --agency CODE [--year 2567] แสดงผลของหน่วยงาน
  invite --agency CODE --role admin|editor|viewer [--uses 1] [--hours 72]
                                   สร้างรหัสเชิญ 6 หลักให้ผู้ใช้ LINE พิมพ์ "เชื่อมต่อ รหัส"
  demo                             ใส่ข้อมูลตัวอย่างลงฐานข้อมูลที่ว่าง
  milestone --agency CODE --date 2025-04-30 --title "ส่งรายงานรอบ ๖ เดือน"
                                   เพิ่มวันสำคัญของหน่วยงาน (เตือนผู้ดูแลของหน่วยงาน)
  milestone --id N [--date 2025-05-02] [--title "..."]  แก้วันสำคัญ (รวมปฏิทิน ITA ของประเทศ:
                                   ใส่วันที่ ป.ป.ช. ประกาศแล้ว วันนั้นจะไม่ใช่ "โดยประมาณ" อีก)
  milestones [--year 2568]         รายการวันสำคัญ
  reminders --agency CODE --frequency daily|weekly
                                   ตั้งความถี่การแจ้งเตือนของสมาชิกทุกคนในหน่วยงาน
  tick [--now 2025-03-24T10:00:00+07:00]
                                   วางแผนและส่งการแจ้งเตือนที่ถึงเวลา (ไม่มีค่า LINE: วางแผนอย่างเดียว)
  richmenu                         สร้างริชเมนูของบัญชี LINE และตั้งเป็นค่าเริ่มต้น (ใช้ LINE_CHANNEL_ACCESS_TOKEN, LIFF_ID)
${FRAMEWORK_USAGE}
${REPORT_USAGE}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function yearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const y = parseYear(value);
  if (!y) throw new UsageError(`ปีไม่ถูกต้อง: ${value} (ใช้ 2567, ๒๕๖๗ หรือ 67)`);
  return y.be;
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof createDb>>["db"]) => Promise<T>): Promise<T> {
  const config = parseConfig(process.env);
  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const handle = await createDb(dbConfigOf(config));
  try {
    await migrate(handle.db);
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  // Reports parse their own options (bot/cli/report.ts).
  if (argv[0] === "report" || argv[0] === "recommendation") return runReportCli(argv, withDb);
  if (argv[0] === "framework") return runFrameworkCli(argv, withDb);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      year: { type: "string" },
      agency: { type: "string" },
      role: { type: "string" },
      uses: { type: "string" },
      hours: { type: "string" },
      now: { type: "string" },
      id: { type: "string" },
      date: { type: "string" },
      title: { type: "string" },
      frequency: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case "migrate":
      return withDb(async () => {
        console.log("ฐานข้อมูลพร้อมใช้งาน (migrations applied)");
        return 0;
      });
    case "score": {
      const year = yearOption(values.year);
      if (!year) throw new UsageError("ต้องระบุ --year เช่น --year 2567");
      const input = await readStdin();
      return withDb(async (db) => {
        console.log(JSON.stringify(runScore(await readFrameworkCatalog(db), year, input), null, 2));
        return 0;
      });
    }
    case "import": {
      const file = rest[0];
      if (!file) throw new UsageError("ต้องระบุไฟล์ เช่น npm run ita -- import results.csv");
      const bytes = new Uint8Array(await readFile(file));
      return withDb(async (db) => {
        const outcome = await importResultsFile(db, bytes, basename(file), {
          label: `cli:import:${basename(file)}`,
        });
        if (!outcome.ok) {
          console.error("นำเข้าไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก (nothing was written):");
          for (const e of outcome.errors) console.error(`  ${formatIssue(e)}`);
          return 1;
        }
        for (const n of outcome.notes) console.log(`หมายเหตุ: ${formatIssue(n)}`);
        const s = outcome.summary;
        const changed = s.agenciesCreated + s.agenciesUpdated + s.assessmentsCreated + s.assessmentsChanged;
        console.log(
          changed === 0
            ? `อ่าน ${outcome.rows} แถว ไม่มีการเปลี่ยนแปลง (no changes)`
            : `อ่าน ${outcome.rows} แถว: หน่วยงานใหม่ ${s.agenciesCreated}, แก้ไข ${s.agenciesUpdated}; ผลการประเมินใหม่ ${s.assessmentsCreated}, แก้ไข ${s.assessmentsChanged}, ไม่เปลี่ยน ${s.assessmentsUnchanged}; คะแนนที่บันทึก ${s.scoresWritten}; ค่าที่รายงานไม่ตรงกับที่คำนวณ ${s.mismatches}`,
        );
        return 0;
      });
    }
    case "show": {
      if (!values.agency) throw new UsageError("ต้องระบุ --agency รหัสหน่วยงาน");
      const year = yearOption(values.year);
      return withDb(async (db) => {
        console.log(await runShow(db, values.agency!, year));
        return 0;
      });
    }
    case "invite": {
      const role = values.role;
      if (!values.agency) throw new UsageError("ต้องระบุ --agency รหัสหน่วยงาน");
      if (role !== "admin" && role !== "editor" && role !== "viewer") {
        throw new UsageError("ต้องระบุ --role admin, editor หรือ viewer");
      }
      const uses = values.uses === undefined ? 1 : Number(toArabicDigits(values.uses));
      const hours = values.hours === undefined ? INVITE_TTL_HOURS : Number(toArabicDigits(values.hours));
      if (!Number.isInteger(uses) || uses < 1 || uses > 500) throw new UsageError("--uses ต้องเป็น 1–500");
      if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30)
        throw new UsageError("--hours ต้องเป็น 1–720");
      return withDb(async (db) => {
        const agency = await findAgencyByCode(db, values.agency!);
        if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${values.agency}`);
        const invite = await createInvite(db, agency.id, role, { label: "cli:invite" }, new Date(), {
          maxUses: uses,
          ttlHours: hours,
        });
        console.log(`รหัสเชิญ ${agency.nameTh} (${role}): ${invite.code}`);
        console.log(
          `ใช้ได้ ${uses} ครั้ง ถึง ${invite.expiresAt.toISOString()} — ให้ผู้ใช้พิมพ์ในแชต LINE: เชื่อมต่อ ${invite.code}`,
        );
        return 0;
      });
    }
    case "milestones": {
      const year = yearOption(values.year);
      return withDb(async (db) => {
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
          console.log(`#${r.id} ${when} ${r.titleTh} (${flags.filter(Boolean).join(", ")})`);
        }
        if (rows.length === 0) console.log("ไม่มีวันสำคัญ");
        return 0;
      });
    }
    case "milestone": {
      const date = values.date ? toArabicDigits(values.date) : "";
      if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError("--date ต้องเป็น YYYY-MM-DD (ค.ศ.)");
      if (values.id !== undefined) {
        const id = Number(toArabicDigits(values.id));
        if (!Number.isSafeInteger(id) || id < 1 || (!date && !values.title)) {
          throw new UsageError("แก้วันสำคัญ: --id N กับ --date YYYY-MM-DD และ/หรือ --title");
        }
        return withDb(async (db) => {
          try {
            const after = await updateMilestone(db, "system", { label: "cli:milestone" }, id, {
              ...(date ? { dueOn: date } : {}),
              ...(values.title ? { titleTh: values.title } : {}),
            });
            console.log(
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
      if (!values.agency || !date || !values.title?.trim()) {
        throw new UsageError('ต้องระบุ --agency, --date YYYY-MM-DD (ค.ศ.) และ --title "ชื่องาน"');
      }
      return withDb(async (db) => {
        const agency = await findAgencyByCode(db, values.agency!);
        if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${values.agency}`);
        const row = await createAgencyMilestone(
          db,
          systemScope(agency.id),
          { label: "cli:milestone" },
          {
            titleTh: values.title!,
            dueOn: date,
          },
        );
        console.log(
          `เพิ่มวันสำคัญ #${row.id} ของ${agency.nameTh}: ${formatThaiDate(date)} — ${row.titleTh} (ปีงบประมาณ ${row.fiscalYear})`,
        );
        return 0;
      });
    }
    case "reminders": {
      const frequency = values.frequency;
      if (!values.agency || (frequency !== "daily" && frequency !== "weekly")) {
        throw new UsageError("ต้องระบุ --agency และ --frequency daily หรือ weekly");
      }
      return withDb(async (db) => {
        const agency = await findAgencyByCode(db, values.agency!);
        if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${values.agency}`);
        const members = await setAgencyReminderFrequency(
          db,
          systemScope(agency.id),
          { label: "cli:reminders" },
          frequency,
        );
        console.log(
          `ตั้งการแจ้งเตือน${frequency === "daily" ? "รายวัน" : "รายสัปดาห์"}ให้สมาชิก ${members} คนของ${agency.nameTh}`,
        );
        return 0;
      });
    }
    case "tick": {
      const now = values.now === undefined ? new Date() : new Date(values.now);
      if (Number.isNaN(now.getTime()))
        throw new UsageError(`เวลาไม่ถูกต้อง: ${values.now} (ใช้ ISO เช่น 2025-03-24T10:00:00+07:00)`);
      const config = parseConfig(process.env);
      const line =
        config.line.mode === "real"
          ? createLineClient({
              channelAccessToken: config.line.channelAccessToken,
              baseURL: config.line.apiBaseUrl,
            })
          : undefined;
      return withDb(async (db) => {
        const report = await tick({
          db,
          now: () => now,
          log: jsonLogger((l) => console.error(l)),
          ...(line ? { line } : {}),
        });
        console.log(JSON.stringify(report, null, 2));
        if (!line) console.log("ไม่มีค่า LINE_CHANNEL_* : วางแผนไว้ในคิวแล้ว แต่ยังไม่ได้ส่ง (planned, not sent)");
        return 0;
      });
    }
    case "richmenu": {
      const config = parseConfig(process.env);
      if (config.line.mode !== "real") {
        throw new UsageError("ต้องตั้ง LINE_CHANNEL_SECRET และ LINE_CHANNEL_ACCESS_TOKEN ของช่อง Messaging API");
      }
      const outcome = await installRichMenu({
        channelAccessToken: config.line.channelAccessToken,
        apiBaseUrl: config.line.apiBaseUrl,
        ...(config.LIFF_ID ? { liffId: config.LIFF_ID } : {}),
      });
      console.log(`สร้างริชเมนู ${outcome.richMenuId} และตั้งเป็นเมนูเริ่มต้นแล้ว`);
      if (!config.LIFF_ID) console.log('ไม่มี LIFF_ID: ปุ่มที่สามเป็น "มาตรการ" แทนการเปิดแอป');
      if (outcome.previousDefault) {
        console.log(`เมนูเดิม ${outcome.previousDefault} ยังอยู่ (ลบได้ใน LINE Official Account Manager หรือ API)`);
      }
      return 0;
    }
    case "demo":
      return withDb(async (db) => {
        const outcome = await loadDemoData(db, { now: clockOf(parseConfig(process.env))() });
        console.log(
          outcome.loaded ? `ใส่ข้อมูลตัวอย่าง ${outcome.agencies} หน่วยงาน` : "ฐานข้อมูลมีข้อมูลอยู่แล้ว ไม่ได้ใส่ข้อมูลตัวอย่าง",
        );
        return 0;
      });
    default:
      throw new UsageError(`ไม่รู้จักคำสั่ง ${command}\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
