import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../bot/cli/commands/index.ts";
import { createDb } from "../../../db/client.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "prongsai-cli-"));
const env = { ...process.env, DATA_DIR: join(dir, "data"), DATABASE_URL: "" };

function ita(...args: string[]) {
  return itaWith(env, ...args);
}

function itaWith(environment: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync("npx", ["tsx", "bot/cli/main.ts", ...args], {
    cwd: ROOT,
    env: environment,
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

describe("ita CLI on an embedded database", () => {
  it("imports a file, shows the agency, and reports a re-import as no change", () => {
    const imported = ita("import", "test/fixtures/results-sample.csv");
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain("ผลการประเมินใหม่ 2");

    const shown = ita("show", "--agency", "1000001", "--year", "๒๕๖๕");
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain("คะแนนรวม 86.19");
    expect(shown.out).toContain("ระดับ A");
    expect(shown.out).toContain("การใช้ทรัพย์สินของราชการ");

    const again = ita("import", "test/fixtures/results-sample.csv");
    expect(again.code).toBe(0);
    expect(again.out).toContain("ไม่มีการเปลี่ยนแปลง");
  });

  it("refuses a bad file with row and column, exits 1, and writes nothing", () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "agency_code,agency_name,agency_type,province,district,fiscal_year,IIT\n" +
        "2000001,เทศบาลตำบลทดสอบ,ทต.,เลย,ด่านซ้าย,2567,101\n",
    );
    const r = ita("import", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain("แถว 2");
    expect(r.err).toContain("IIT");
    const shown = ita("show", "--agency", "2000001");
    expect(shown.code).toBe(2);
    expect(shown.err).toContain("ไม่พบหน่วยงาน");
  });

  it("prints a six-digit invite code for an agency, and refuses a bad role", () => {
    const r = ita("invite", "--agency", "1000001", "--role", "admin", "--uses", "๒");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/: \d{6}\n/);
    expect(r.out).toContain("เชื่อมต่อ");
    const bad = ita("invite", "--agency", "1000001", "--role", "owner");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--role");
  });

  it("adds an agency's own date and sets the agency's reminder frequency", () => {
    const added = ita(
      "milestone",
      "--agency",
      "1000001",
      "--date",
      "2025-04-30",
      "--title",
      "ส่งรายงานรอบ ๖ เดือน",
    );
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain("๓๐ เมษายน ๒๕๖๘");
    expect(added.out).toContain("ปีงบประมาณ 2568");
    const id = /#(\d+)/.exec(added.out)![1]!;
    const edited = ita("milestone", "--id", id, "--date", "2025-05-02");
    expect(edited.code, edited.err).toBe(0);
    const listed = ita("milestones", "--year", "2568");
    expect(listed.out).toContain(`#${id} ๒ พฤษภาคม ๒๕๖๘ ส่งรายงานรอบ ๖ เดือน`);
    const set = ita("reminders", "--agency", "1000001", "--frequency", "daily");
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain("รายวัน");
    expect(ita("milestone", "--agency", "1000001", "--date", "30/04/2568", "--title", "x").code).toBe(2);
  });

  it("plans reminders without LINE credentials and says they were not sent", () => {
    const r = ita("tick", "--now", "2025-04-23T10:00:00+07:00");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('"digests"');
    expect(r.out).toContain("ยังไม่ได้ส่ง");
  });

  it("explains its commands when called without one", () => {
    const r = ita();
    expect(r.code).toBe(2);
    expect(r.out).toContain("import FILE");
  });

  it("lists every command with its help, and refuses an unknown command with that list", () => {
    const help = ita("help");
    expect(help.code, help.err).toBe(0);
    for (const c of COMMANDS) expect(help.out).toContain(c.help);
    const unknown = ita("nosuch");
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe("");
    expect(unknown.err).toContain("ไม่รู้จักคำสั่ง nosuch");
    for (const c of COMMANDS) expect(unknown.err).toContain(c.help);
  });

  it("refuses an option the command does not take, with the command's help", () => {
    const r = ita("show", "--agency", "1000001", "--role", "admin");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--role");
    expect(r.err).toContain(COMMANDS.find((c) => c.name === "show")!.help);
  });
});

describe("the command table", () => {
  it("names each command once, and each command's help starts with its name", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) expect(c.help.startsWith(`  ${c.name}`), c.name).toBe(true);
  });
});

describe("ita CLI beside a running server on the same embedded database", () => {
  it("refuses to write, in Thai and English, and nothing is lost on either side", async () => {
    const dataDir = join(dir, "served");
    const served = {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      DEMO_DATA: "on",
    };
    const server = spawn(process.execPath, ["--import", "tsx", "bot/node.ts"], {
      cwd: ROOT,
      env: served,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    server.stdout.on("data", (d) => {
      out += String(d);
    });
    server.stderr.on("data", (d) => {
      out += String(d);
    });
    const exited = new Promise((resolve) => server.once("exit", resolve));
    try {
      const until = Date.now() + 90_000;
      while (!out.includes("พร้อมที่")) {
        if (server.exitCode !== null || Date.now() > until) throw new Error(`server did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const refused = itaWith(served, "invite", "--agency", "SEED000", "--role", "viewer");
      expect(refused.code, refused.out).toBe(1);
      expect(refused.err).toContain("ถูกเปิดอยู่โดยเซิร์ฟเวอร์");
      expect(refused.err).toContain("set DATABASE_URL");
      expect(refused.out).not.toMatch(/\d{6}/);
    } finally {
      server.kill("SIGTERM");
      await exited;
    }
    // Once the server has stopped, the directory is free again and holds no invite from the CLI.
    const handle = await createDb({ dataDir: join(dataDir, "pglite"), role: "cli" });
    try {
      const invites = await handle.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "invite.create")
        .where("actor", "=", "cli:invite")
        .execute();
      expect(invites).toEqual([]);
    } finally {
      await handle.close();
    }
    const after = itaWith(served, "invite", "--agency", "SEED000", "--role", "viewer");
    expect(after.code, after.err).toBe(0);
  }, 180_000);
});
