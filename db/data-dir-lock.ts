import { open, readFile, rm } from "node:fs/promises";

// PGlite is a database in one process's memory over files in DATA_DIR: a second process opening
// the same files (the CLI beside `npm start`) works on its own copy, and whichever writes last
// overwrites the other's pages — the other's rows, audit rows included, are silently gone. So one
// process at a time holds the directory: a lock file beside it, naming its process.

export interface DataDirHolder {
  pid: number;
  since: string;
  /** What holds it: "server" or "cli". */
  role: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder,
  ) {
    const who = holder.role === "server" ? "เซิร์ฟเวอร์" : "คำสั่งอื่น";
    super(
      `ฐานข้อมูลใน ${dataDir} ถูกเปิดอยู่โดย${who} (pid ${holder.pid}) — หยุด${who}ก่อน ` +
        "หรือตั้ง DATABASE_URL ให้ทั้งสองใช้ PostgreSQL\n" +
        `The database in ${dataDir} is open in another process (${holder.role}, pid ${holder.pid}): ` +
        "stop it first, or set DATABASE_URL so that both use PostgreSQL.",
    );
    this.name = "DataDirBusyError";
  }
}

/** Whether a process with this id still runs (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<dataDir>.lock` for this process, or throws DataDirBusyError naming the process that
 * holds it. A lock left by a process that no longer runs (killed, crashed) is taken over. Returns
 * the release, which removes the file only while it is still this process's.
 */
export async function lockDataDir(dataDir: string, role: string): Promise<() => Promise<void>> {
  const path = `${dataDir.replace(/\/+$/, "")}.lock`;
  const mine: DataDirHolder = { pid: process.pid, since: new Date().toISOString(), role };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, "wx");
      await file.writeFile(JSON.stringify(mine));
      await file.close();
      return async () => {
        const held = await readHolder(path);
        if (held?.pid === mine.pid && held.since === mine.since) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readHolder(path);
    if (holder && alive(holder.pid)) throw new DataDirBusyError(dataDir, holder);
    // Left by a process that is gone (or half-written as it died): free to take.
    await rm(path, { force: true });
  }
  const holder = await readHolder(path);
  throw new DataDirBusyError(dataDir, holder ?? { pid: 0, since: "", role: "unknown" });
}

async function readHolder(path: string): Promise<DataDirHolder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<DataDirHolder>;
    return typeof parsed.pid === "number"
      ? { pid: parsed.pid, since: String(parsed.since ?? ""), role: String(parsed.role ?? "unknown") }
      : undefined;
  } catch {
    return undefined;
  }
}
