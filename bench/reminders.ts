import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { sendDue } from "../bot/jobs/sender.ts";
import { tick } from "../bot/jobs/tick.ts";
import { createLineClient } from "../bot/line/client.ts";
import type { Logger } from "../bot/log.ts";
import { addDays } from "../core/thai/date.ts";
import { fiscalYearRange } from "../core/thai/fiscal-year.ts";
import { createDb, type DbHandle } from "../db/client.ts";
import {
  bareNoticeInsert,
  clearReminders,
  loadReminderWorld,
  outboxByStatus,
  recordYearSoFar,
  reminderWorld,
} from "../db/demo/national-reminders.ts";
import { migrate } from "../db/migrate.ts";
import { ensureNationalCalendar } from "../db/repositories/milestones.ts";
import type { Database } from "../db/schema.ts";
import { fmt, timeIt } from "./stats.ts";

// The reminders at national scale: a first tick in the middle of a year nobody has touched, the
// busiest day of a year where nobody completes a step, a quiet tick, and the sender against the
// fake LINE platform held to LINE's rate. See docs/benchmarks.md#reminders.

const TOKEN = "bench-channel-access-token-0123456789";
/** LINE's per-channel limits (Messaging API reference, "Rate limits"): push 2,000/s, multicast 200/s. */
const PUSH_RATE = 2000;
const MULTICAST_RATE = 200;
/** The weekly digests' day and the planner's morning run. */
const MORNING = "09:00";

const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const n = (x: number) => x.toLocaleString("en-US");

/** A logger that counts and keeps nothing (the sender warns once per refused push). */
function countingLogger(): Logger & { warnings: number } {
  const log = { warnings: 0, info() {}, warn() {}, error() {} };
  log.warn = () => {
    log.warnings++;
  };
  return log;
}

/** Resident memory of this process and, when running, the fake platform's, sampled every 100 ms. */
function rssSampler() {
  let child: number | undefined;
  const peak = { bench: 0, platform: 0, total: 0 };
  const childRss = () => {
    if (child === undefined) return 0;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, "utf8"))?.[1];
      return kb ? Number(kb) * 1024 : 0;
    } catch {
      return 0;
    }
  };
  const sample = () => {
    const own = process.memoryUsage().rss;
    const other = childRss();
    peak.bench = Math.max(peak.bench, own);
    peak.platform = Math.max(peak.platform, other);
    peak.total = Math.max(peak.total, own + other);
  };
  const timer = setInterval(sample, 100);
  timer.unref();
  return {
    peak,
    reset() {
      Object.assign(peak, { bench: 0, platform: 0, total: 0 });
    },
    watch(pid: number | undefined) {
      child = pid;
    },
    stop() {
      sample();
      clearInterval(timer);
    },
  };
}

async function openBenchDb(kind: "pglite" | "pg"): Promise<DbHandle> {
  if (kind === "pglite") return createDb({});
  const base = new URL(process.env.DATABASE_URL!);
  const admin = await createDb({ databaseUrl: base.toString(), maxConnections: 1 });
  await sql.raw("drop database if exists prongsai_bench_reminders").execute(admin.db);
  await sql.raw("create database prongsai_bench_reminders").execute(admin.db);
  const url = new URL(base);
  url.pathname = "/prongsai_bench_reminders";
  const handle = await createDb({ databaseUrl: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await sql.raw("drop database if exists prongsai_bench_reminders").execute(admin.db);
      await admin.close();
    },
  };
}

/** The fake LINE platform in its own process, held to LINE's rates, counting only. */
async function startPlatform(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "bench/reminders/fake-line.ts"], {
    env: {
      ...process.env,
      BENCH_TOKEN: TOKEN,
      BENCH_PUSH_RATE: String(PUSH_RATE),
      BENCH_MULTICAST_RATE: String(MULTICAST_RATE),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`the fake platform exited with ${code}`)));
  });
  return { proc, url: (JSON.parse(line) as { url: string }).url };
}

/**
 * The busiest day of the year (bench/reminders/busiest-day.ts), found in a child process so that
 * its simulation's garbage is not counted in this process's memory.
 */
async function busiestDay(agencies: number, fiscalYear: number): Promise<{ day: string; digests: number }> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "bench/reminders/busiest-day.ts", String(agencies), String(fiscalYear)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`busiest-day.ts exited with ${code}`)));
  });
  return JSON.parse(line) as { day: string; digests: number };
}

/** The country, written with a few bulk INSERTs; its objects are dropped before anything is measured. */
async function generate(db: Kysely<Database>, kind: "pg" | "pglite", count: number, fiscalYear: number) {
  const world = reminderWorld(count, fiscalYear);
  const { ms } = await timeIt(async () => {
    await loadReminderWorld(db, world);
    await ensureNationalCalendar(db, fiscalYear);
    await ensureNationalCalendar(db, fiscalYear + 1);
    if (kind === "pg") await sql`analyze`.execute(db);
  });
  return {
    ms,
    members: world.members.length / count,
    measures: world.measures.length / count,
    steps: world.steps.length,
  };
}

export async function runRemindersBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      agencies: { type: "string", default: "8300" },
      db: { type: "string" },
      "fiscal-year": { type: "string", default: "2570" },
      "send-seconds": { type: "string", default: "120" },
    },
  });
  const count = Number(values.agencies);
  const fiscalYear = Number(values["fiscal-year"]);
  const kind = (values.db ?? (process.env.DATABASE_URL ? "pg" : "pglite")) as "pg" | "pglite";
  if (kind === "pg" && !process.env.DATABASE_URL) throw new Error("--db pg needs DATABASE_URL");
  const rss = rssSampler();
  // Beside the generator, on the other core.
  const busiest = busiestDay(count, fiscalYear);
  const log = countingLogger();
  const handle = await openBenchDb(kind);
  const { db } = handle;
  let platform: ChildProcess | undefined;
  try {
    await migrate(db);
    const shape = await generate(db, kind, count, fiscalYear);
    console.log(
      `reminders on ${kind}: ${n(count)} agencies × ${shape.members} members × ${shape.measures} measures × ${shape.steps / count / shape.measures} steps = ${n(shape.steps)} steps, fiscal year ${fiscalYear}, generated in ${fmt(shape.ms)}`,
    );
    // Memory is counted from here: the product's work, not the generator's.
    rss.reset();

    // (a) The first tick in the middle of the year, nothing ever recorded.
    const start = fiscalYearRange(fiscalYear).start;
    const middle = addDays(start, 182);
    const first = await timeIt(async () => {
      try {
        return await tick({ db, now: () => at(middle, "10:00"), log });
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
    console.log(
      first.value instanceof Error
        ? `first tick: FAILED after ${(first.ms / 1000).toFixed(1)} s (${middle} 10:00): ${first.value.message.slice(0, 200)}`
        : `first tick: ${(first.ms / 1000).toFixed(2)} s (${middle} 10:00: ${n(first.value.digests)} digests, ${n(first.value.notices)} notices, ${n(first.value.superseded)} older ones superseded)`,
    );

    // (b) The busiest day of a fresh year where nobody completes a step.
    await clearReminders(db);
    const { day, digests: expected } = await busiest;
    const yearSoFar = await timeIt(() => recordYearSoFar(db, addDays(day, -1)));
    if (kind === "pg") await sql`analyze`.execute(db);
    console.log(
      `busiest day: ${day} (about ${n(expected)} digests by the pure planner on one turn of the generator's pattern, 90 agencies); the year before it recorded: ${n(yearSoFar.value)} notices in ${fmt(yearSoFar.ms)}`,
    );
    const peak = await timeIt(() => tick({ db, now: () => at(day, MORNING), log }));
    const bare = await bareNoticeInsert(db);
    console.log(
      `plan: ${(peak.ms / 1000).toFixed(2)} s (${n(peak.value.digests)} digests, ${n(peak.value.notices)} notices, plan + enqueue) = ${(peak.ms / bare.ms).toFixed(1)}× a bare multi-row INSERT of the same ${n(bare.rows)} notice rows (${fmt(bare.ms)})`,
    );

    // (c) Every later tick that day: nothing new to plan.
    const quiet = await timeIt(() => tick({ db, now: () => at(day, "14:00"), log }));
    console.log(
      `quiet day: ${(quiet.ms / 1000).toFixed(2)} s (${day} 14:00, ${n(quiet.value.digests)} digests) = ${(quiet.ms / peak.ms).toFixed(2)}× the busy morning's plan`,
    );

    // (d) Sending the morning's digests through the fake platform at LINE's rate.
    const started = await startPlatform();
    platform = started.proc;
    rss.watch(platform.pid);
    const line = createLineClient({ channelAccessToken: TOKEN, baseURL: started.url });
    const queued = Object.values(await outboxByStatus(db)).reduce((a, b) => a + b, 0);
    const origin = at(day, MORNING).getTime();
    const t0 = performance.now();
    const clock = () => new Date(origin + (performance.now() - t0));
    const capMs = Number(values["send-seconds"]) * 1000;
    let sent = 0;
    for (;;) {
      const report = await sendDue({ db, line, now: clock, log });
      sent += report.sent;
      const done = report.sent + report.retried + report.held + report.dead === 0;
      if ((done && sent + report.dead >= queued) || performance.now() - t0 > capMs) break;
      if (done) await new Promise((r) => setTimeout(r, 200));
    }
    const sendMs = performance.now() - t0;
    const statuses = await outboxByStatus(db);
    const stats = (await (await fetch(`${started.url}/__fake/stats`)).json()) as {
      byStatus: Record<string, number>;
    };
    const rate = sent / (sendMs / 1000);
    console.log(
      `send: ${n(Math.round(rate))} messages/s (${n(sent)} of ${n(queued)} in ${fmt(sendMs)}${sent < queued ? `, stopped at the ${values["send-seconds"]} s cap` : ""}; outbox ${JSON.stringify(statuses)}; platform answered ${JSON.stringify(stats.byStatus)}) = ${(rate / PUSH_RATE).toFixed(2)}× the platform's ${n(PUSH_RATE)} pushes/s`,
    );
  } finally {
    rss.stop();
    platform?.kill("SIGTERM");
    await handle.close();
  }
  console.log(
    `peak RSS: ${mb(rss.peak.total)} (from the first tick to the last push; bench process with the planner, sender and ${kind === "pglite" ? "PGlite" : "pg client"} ${mb(rss.peak.bench)}; fake platform process ${mb(rss.peak.platform)}; PostgreSQL's own memory not counted)`,
  );
}
