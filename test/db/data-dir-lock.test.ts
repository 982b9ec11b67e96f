import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirBusyError, lockDataDir } from "../../db/data-dir-lock.ts";

const dir = mkdtempSync(join(tmpdir(), "prongsai-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("one process at a time on an embedded database directory", () => {
  it("refuses a second holder while the first holds it, naming the holder in Thai and English", async () => {
    const data = join(dir, "a");
    const release = await lockDataDir(data, "server");
    const second = await lockDataDir(data, "cli").catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DataDirBusyError);
    expect((second as DataDirBusyError).holder).toMatchObject({ pid: process.pid, role: "server" });
    expect((second as Error).message).toContain("เซิร์ฟเวอร์");
    expect((second as Error).message).toContain("DATABASE_URL");
    await release();
    const again = await lockDataDir(data, "cli");
    await again();
    expect(existsSync(`${data}.lock`)).toBe(false);
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const data = join(dir, "b");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    writeFileSync(`${data}.lock`, JSON.stringify({ pid: Number(gone.stdout), since: "x", role: "server" }));
    const release = await lockDataDir(data, "cli");
    expect(JSON.parse(readFileSync(`${data}.lock`, "utf8"))).toMatchObject({ pid: process.pid, role: "cli" });
    await release();
  });

  it("takes over a lock file left half-written", async () => {
    const data = join(dir, "c");
    writeFileSync(`${data}.lock`, "{");
    await (await lockDataDir(data, "server"))();
  });

  it("leaves alone a lock that another process took after this one's was removed", async () => {
    const data = join(dir, "d");
    const release = await lockDataDir(data, "server");
    writeFileSync(`${data}.lock`, JSON.stringify({ pid: process.pid, since: "later", role: "cli" }));
    await release();
    expect(existsSync(`${data}.lock`)).toBe(true);
  });
});
