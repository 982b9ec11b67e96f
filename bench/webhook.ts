import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { DEMO_USERS } from "../db/demo/users.ts";
import { median } from "./stats.ts";
import { pacedLoad } from "./webhook/paced.ts";

const SECRET = "bench-channel-secret-0123456789";
const TOKEN = "bench-channel-access-token-0123456789";
const QUESTIONS = ["คะแนน ITA", "ตัวชี้วัดที่ 4", "จุดอ่อน", "ข้อ i12", "อันดับ", "IIT", "เทียบปี 66 กับ 67"];
const USERS = DEMO_USERS.filter((u) => u.agencyCode).map((u) => u.lineUserId);
/** Bodies signed ahead for a saturated run: enough for this many answers a second. */
const MOST_PER_SECOND = 5000;
const PACED_RATE = 500;

async function child(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; url: string }> {
  const extra =
    process.env.BENCH_PROFILE && args[0] === "full" ? ["--cpu-prof", "--cpu-prof-dir=/tmp/benchprof"] : [];
  const proc = spawn(process.execPath, [...extra, "--import", "tsx", script, ...args], {
    env: { ...process.env, BENCH_SECRET: SECRET, BENCH_TOKEN: TOKEN, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { proc, url: (JSON.parse(line) as { url: string }).url };
}

/** Busy and total CPU time of the whole machine so far, in ms (/proc/stat; zeros elsewhere). */
function machineCpu(): { busy: number; total: number } {
  try {
    const fields = readFileSync("/proc/stat", "utf8")
      .split("\n")[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    // idle and iowait are the 4th and 5th; USER_HZ is 100 on Linux.
    return { busy: (total - fields[3]! - fields[4]!) * 10, total: total * 10 };
  } catch {
    return { busy: 0, total: 0 };
  }
}

const json = async <T>(url: string, init?: RequestInit) => (await (await fetch(url, init)).json()) as T;
const cpuMs = (u: { user: number; system: number }) => (u.user + u.system) / 1000;

interface Body {
  body: string;
  signature: string;
}

/** Signed bodies built before a run, so the load generator spends its CPU sending, not hashing. */
function signedBodies(count: number, tokens: Map<string, string[]>): Body[] {
  const out: Body[] = [];
  for (let i = 0; i < count; i++) {
    const userId = USERS[i % USERS.length]!;
    const body = JSON.stringify({
      destination: "Ubench",
      events: [
        {
          type: "message",
          mode: "active",
          timestamp: Date.now(),
          source: { type: "user", userId },
          webhookEventId: randomUUID(),
          deliveryContext: { isRedelivery: false },
          replyToken: tokens.get(userId)?.pop() ?? "exhausted",
          message: { id: String(i), type: "text", quoteToken: "q", text: QUESTIONS[i % QUESTIONS.length] },
        },
      ],
    });
    out.push({ body, signature: createHmac("sha256", SECRET).update(body).digest("base64") });
  }
  return out;
}

/** Fresh reply tokens (they expire after 60 s) and bodies that spend them, `count` in all. */
async function bodiesFor(fakeUrl: string, count: number): Promise<Body[]> {
  const perUser = Math.ceil(count / USERS.length);
  const tokens = new Map<string, string[]>();
  for (const userId of USERS) {
    const { tokens: t } = await json<{ tokens: string[] }>(`${fakeUrl}/__fake/reply-tokens`, {
      method: "POST",
      body: JSON.stringify({ userId, count: perUser }),
    });
    tokens.set(userId, t);
  }
  return signedBodies(count, tokens);
}

async function saturate(url: string, bodies: Body[], options: { duration: number; connections: number }) {
  let n = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "POST",
        path: "/webhook",
        setupRequest: (req) => {
          const { body, signature } = bodies[n++ % bodies.length]!;
          return {
            ...req,
            body,
            headers: { "content-type": "application/json", "x-line-signature": signature },
          };
        },
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

interface Variant {
  name: string;
  url: string;
  /** Answers through the fake platform (bare only checks the signature). */
  answers: boolean;
  /** Has deferred work to wait for (/__bench/settle). */
  defers: boolean;
}

interface Measured {
  rps: number;
  p99: number;
  non2xx: number;
  answeredPerSecond: number;
  cpuPerAnswer: number;
  /** Cores the whole machine kept busy during the saturated run (every process, not only this one). */
  machineCores: number;
  pacedP99?: number;
  pacedMax?: number;
  pacedNon2xx?: number;
}

/** Until the fake platform's delivery count stops moving (echo bots finish replies to closed sockets). */
async function quiet(fakeUrl: string): Promise<number> {
  let last = -1;
  for (;;) {
    const { deliveries } = await json<{ deliveries: number }>(`${fakeUrl}/__fake/stats`);
    if (deliveries === last) return deliveries;
    last = deliveries;
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function measure(
  v: Variant,
  fakeUrl: string,
  options: { duration: number; connections: number; warm: boolean },
): Promise<Measured> {
  const { duration, connections } = options;
  const settle = async () => {
    if (v.defers) await json(`${v.url}/__bench/settle`);
    return v.answers ? quiet(fakeUrl) : 0;
  };
  const cpu = async () => cpuMs(await json<{ user: number; system: number }>(`${v.url}/__bench/cpu`));
  if (options.warm) {
    await saturate(v.url, await bodiesFor(fakeUrl, 2 * MOST_PER_SECOND), { duration: 2, connections });
    await settle();
  }
  const bodies = await bodiesFor(fakeUrl, v.answers ? MOST_PER_SECOND * duration : 20_000);
  const answered0 = await settle();
  const cpu0 = await cpu();
  const machine0 = machineCpu();
  const t0 = performance.now();
  const run = await saturate(v.url, bodies, { duration, connections });
  const answered = (await settle()) - answered0;
  const seconds = (performance.now() - t0) / 1000;
  const machine1 = machineCpu();
  const cpuUsed = (await cpu()) - cpu0;
  const out: Measured = {
    ...run,
    machineCores: (machine1.busy - machine0.busy) / (seconds * 1000),
    answeredPerSecond: answered / seconds,
    cpuPerAnswer: v.answers ? cpuUsed / answered : cpuUsed / (run.rps * duration),
  };
  if (!v.answers) return out;
  const paced = await bodiesFor(fakeUrl, PACED_RATE * duration);
  let next = 0;
  const p = await pacedLoad(v.url, { rate: PACED_RATE, seconds: duration, next: () => paced[next++]! });
  await settle();
  return { ...out, pacedP99: p.p99, pacedMax: p.max, pacedNon2xx: p.non2xx };
}

const spread = (xs: number[], digits = 0) =>
  xs.length > 1
    ? `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`
    : (xs[0] ?? 0).toFixed(digits);

export async function runWebhookBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "50" },
      rounds: { type: "string", default: "3" },
      /** A step to measure: the full path once more without it (BENCH_BEFORE in app-server.ts). */
      before: { type: "string" },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  const db = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  console.log(
    `webhook: ${rounds} rounds, ${duration} s per load, ${connections} connections, paced ${PACED_RATE} req/s, database ${db}, autocannon on loopback`,
  );

  const fake = await child("bench/webhook/fake-server.ts", [], {});
  const env = { FAKE_URL: fake.url };
  const procs = [fake.proc];
  const start = async (name: string, script: string, mode: string[], answers: boolean, defers: boolean) => {
    const c = await child(script, mode, env);
    procs.push(c.proc);
    return { name, url: c.url, answers, defers };
  };
  try {
    const variants: Variant[] = [
      await start("Express echo (LINE's pattern)", "bench/webhook/express-echo.ts", [], true, false),
      await start("Hono echo + SDK, no database", "bench/webhook/app-server.ts", ["echo"], true, false),
      await start("bare (signature only)", "bench/webhook/app-server.ts", ["bare"], false, false),
      await start("full path", "bench/webhook/app-server.ts", ["full"], true, true),
    ];
    if (values.before) {
      const c = await child("bench/webhook/app-server.ts", ["full"], { ...env, BENCH_BEFORE: values.before });
      procs.push(c.proc);
      variants.push({ name: `full path before ${values.before}`, url: c.url, answers: true, defers: true });
    }
    const [express, , bare, full] = variants as [Variant, Variant, Variant, Variant];
    const results = new Map<Variant, Measured[]>(variants.map((v) => [v, []]));
    for (let round = 0; round < rounds; round++) {
      // Each round runs every variant once, the order turned by one each round, so a slow spell
      // on the shared machine falls on different variants and the paired ratios share it.
      const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
      for (const v of order) {
        const m = await measure(v, fake.url, { duration, connections, warm: round === 0 });
        results.get(v)!.push(m);
        const paced =
          m.pacedP99 === undefined
            ? ""
            : `, paced ${PACED_RATE}: p99 ${m.pacedP99.toFixed(1)} ms, max ${m.pacedMax!.toFixed(0)} ms, non-2xx ${m.pacedNon2xx}`;
        console.log(
          `round ${round + 1} ${v.name}: ${m.rps.toFixed(0)} req/s, p99 ${m.p99} ms, non-2xx ${m.non2xx}, ${m.answeredPerSecond.toFixed(0)} answers/s, CPU ${m.cpuPerAnswer.toFixed(3)} ms/${v.answers ? "answer" : "request"}, machine ${m.machineCores.toFixed(2)} cores busy${paced}`,
        );
      }
    }
    const errors = await json<unknown[]>(`${full.url}/__bench/errors`);
    const before = variants[4];

    const of = (v: Variant) => results.get(v)!;
    console.log(
      `\n| variant | requests/s | answers/s | time-to-200 p99 | CPU per answer | paced ${PACED_RATE} p99 |`,
    );
    console.log("|---|---|---|---|---|---|");
    for (const v of variants) {
      const ms = of(v);
      const pick = (f: (m: Measured) => number | undefined) => ms.map(f).filter((x) => x !== undefined);
      const cell = (xs: number[], unit: string, digits = 0) =>
        xs.length ? `${median(xs).toFixed(digits)}${unit} (${spread(xs, digits)})` : "—";
      console.log(
        `| ${v.name} | ${cell(
          pick((m) => m.rps),
          "",
        )} | ${
          v.answers
            ? cell(
                pick((m) => m.answeredPerSecond),
                "",
              )
            : "—"
        } | ${cell(
          pick((m) => m.p99),
          " ms",
        )} | ${
          v.answers
            ? cell(
                pick((m) => m.cpuPerAnswer),
                " ms",
                3,
              )
            : "—"
        } | ${cell(
          pick((m) => m.pacedP99),
          " ms",
          1,
        )} |`,
      );
    }
    console.log("medians over rounds, (min–max) in brackets");

    // Paired: each round's full path against the same round's Express echo.
    const throughput = of(full).map((m, i) => m.answeredPerSecond / of(express)[i]!.answeredPerSecond);
    const cpu = of(full).map((m, i) => m.cpuPerAnswer / of(express)[i]!.cpuPerAnswer);
    const pacedWorst = Math.max(...of(full).map((m) => m.pacedP99!));
    const ofBare = of(full).map((m, i) => m.rps / of(bare)[i]!.rps);
    const met = (ok: boolean) => (ok ? "met" : "MISSED");
    console.log(
      `\nper round, full/Express echo: throughput ${throughput.map((x) => `${x.toFixed(2)}×`).join(", ")} (target ≥ 0.7×) ${met(Math.min(...throughput) >= 0.7)}; CPU per answer ${cpu.map((x) => `${x.toFixed(2)}×`).join(", ")} (target ≤ 1.3×) ${met(Math.max(...cpu) <= 1.3)}; paced ${PACED_RATE} p99 ${of(
        full,
      )
        .map((m) => `${m.pacedP99!.toFixed(1)} ms`)
        .join(", ")} (target ≤ 50 ms in every round) ${met(pacedWorst <= 50)}`,
    );
    if (before) {
      const gain = of(full).map((m, i) => m.answeredPerSecond / of(before)[i]!.answeredPerSecond);
      const cpuGain = of(full).map((m, i) => m.cpuPerAnswer / of(before)[i]!.cpuPerAnswer);
      console.log(
        `full/before ${values.before}: answers/s ${gain.map((x) => `${x.toFixed(2)}×`).join(", ")}; CPU per answer ${cpuGain.map((x) => `${x.toFixed(2)}×`).join(", ")}`,
      );
    }
    console.log(`full/bare requests/s: ${ofBare.map((x) => `${(x * 100).toFixed(1)} %`).join(", ")}`);
    if (errors.length) console.log("errors logged by the app:", JSON.stringify(errors));
    console.log(
      `full/echo throughput ${median(throughput).toFixed(2)}×, CPU ${median(cpu).toFixed(2)}×, paced-${PACED_RATE} p99 ${pacedWorst.toFixed(0)} ms (worst round)`,
    );
  } finally {
    for (const p of procs) p.kill("SIGTERM");
  }
}
