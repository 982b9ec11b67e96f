import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { DEMO_USERS } from "../db/demo/users.ts";
import { pacedLoad } from "./webhook/paced.ts";

const SECRET = "bench-channel-secret-0123456789";
const TOKEN = "bench-channel-access-token-0123456789";
const QUESTIONS = ["คะแนน ITA", "ตัวชี้วัดที่ 4", "จุดอ่อน", "ข้อ i12", "อันดับ", "IIT", "เทียบปี 66 กับ 67"];
const USERS = DEMO_USERS.filter((u) => u.agencyCode).map((u) => u.lineUserId);

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

const json = async <T>(url: string, init?: RequestInit) => (await (await fetch(url, init)).json()) as T;
const cpuMs = (u: { user: number; system: number }) => (u.user + u.system) / 1000;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  requests: number;
  seconds: number;
}

/** Signed bodies built before a run, so the load generator spends its CPU sending, not hashing. */
function signedBodies(count: number): { body: string; signature: string }[] {
  const out: { body: string; signature: string }[] = [];
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
          replyToken: tokens.get(userId)!.pop() ?? "exhausted",
          message: { id: String(i), type: "text", quoteToken: "q", text: QUESTIONS[i % QUESTIONS.length] },
        },
      ],
    });
    out.push({ body, signature: createHmac("sha256", SECRET).update(body).digest("base64") });
  }
  return out;
}

async function load(
  url: string,
  options: { duration: number; connections: number; rate?: number; bodies: number },
): Promise<Run> {
  const bodies = signedBodies(options.bodies);
  let n = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    ...(options.rate ? { overallRate: options.rate } : {}),
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
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    requests: result.requests.total,
    seconds: result.duration,
  };
}

const tokens = new Map<string, string[]>();

async function issueTokens(fakeUrl: string, perUser: number) {
  for (const userId of USERS) {
    const { tokens: t } = await json<{ tokens: string[] }>(`${fakeUrl}/__fake/reply-tokens`, {
      method: "POST",
      body: JSON.stringify({ userId, count: perUser }),
    });
    tokens.set(userId, t);
  }
}

export async function runWebhookBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { duration: { type: "string", default: "10" }, connections: { type: "string", default: "50" } },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const db = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  console.log(
    `webhook: ${duration} s per run, ${connections} connections, database ${db}, autocannon on loopback`,
  );

  const fake = await child("bench/webhook/fake-server.ts", [], {});
  const bare = await child("bench/webhook/app-server.ts", ["bare"], {});
  const full = await child("bench/webhook/app-server.ts", ["full"], { FAKE_URL: fake.url });
  try {
    // The bare handler never replies, so its bodies can repeat.
    await issueTokens(fake.url, 10_000);
    await load(bare.url, { duration: 2, connections, bodies: 20_000 });
    const bareRun = await load(bare.url, { duration, connections, bodies: 20_000 });

    // Warm-up, then the measured run: CPU and answers are counted until deferred work is done.
    await issueTokens(fake.url, 2000);
    await load(full.url, { duration: 2, connections, bodies: 6000 });
    await json(`${full.url}/__bench/settle`);
    await issueTokens(fake.url, 8000 * duration);
    const cpu0 = await json<{ user: number; system: number }>(`${full.url}/__bench/cpu`);
    const answered0 = (await json<{ deliveries: number }>(`${fake.url}/__fake/stats`)).deliveries;
    const t0 = performance.now();
    const fullRun = await load(full.url, { duration, connections, bodies: 3 * 8000 * duration });
    await json(`${full.url}/__bench/settle`);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = await json<{ user: number; system: number }>(`${full.url}/__bench/cpu`);
    const answered = (await json<{ deliveries: number }>(`${fake.url}/__fake/stats`)).deliveries - answered0;

    // autocannon's overallRate, kept for comparison: each connection's quota arrives as a burst.
    await issueTokens(fake.url, 200 * duration + 500);
    const burstCpu0 = await json<{ user: number; system: number }>(`${full.url}/__bench/cpu`);
    const burstAnswered0 = (await json<{ deliveries: number }>(`${fake.url}/__fake/stats`)).deliveries;
    const bursts = await load(full.url, {
      duration,
      connections: 20,
      rate: 500,
      bodies: 3 * (200 * duration + 500),
    });
    await json(`${full.url}/__bench/settle`);
    const burstCpuPer =
      (cpuMs(await json<{ user: number; system: number }>(`${full.url}/__bench/cpu`)) - cpuMs(burstCpu0)) /
      ((await json<{ deliveries: number }>(`${fake.url}/__fake/stats`)).deliveries - burstAnswered0);

    await issueTokens(fake.url, 200 * duration + 500);
    const pacedCpu0 = await json<{ user: number; system: number }>(`${full.url}/__bench/cpu`);
    const pacedAnswered0 = (await json<{ deliveries: number }>(`${fake.url}/__fake/stats`)).deliveries;
    const pacedBodies = signedBodies(500 * duration);
    let nextBody = 0;
    const paced = await pacedLoad(full.url, {
      rate: 500,
      seconds: duration,
      next: () => pacedBodies[nextBody++ % pacedBodies.length]!,
    });
    await json(`${full.url}/__bench/settle`);
    const pacedCpu1 = await json<{ user: number; system: number }>(`${full.url}/__bench/cpu`);
    const pacedAnswered =
      (await json<{ deliveries: number }>(`${fake.url}/__fake/stats`)).deliveries - pacedAnswered0;
    const pacedCpuPer = (cpuMs(pacedCpu1) - cpuMs(pacedCpu0)) / pacedAnswered;
    const errors = await json<unknown[]>(`${full.url}/__bench/errors`);

    const cpuPer = (cpuMs(cpu1) - cpuMs(cpu0)) / answered;
    const ratio = fullRun.rps / bareRun.rps;
    console.log("\n| handler | requests/s | time-to-200 p50 | p99 | non-2xx |");
    console.log("|---|---|---|---|---|");
    console.log(
      `| bare (signature only) | ${bareRun.rps.toFixed(0)} | ${bareRun.p50} ms | ${bareRun.p99} ms | ${bareRun.non2xx} |`,
    );
    console.log(
      `| full path | ${fullRun.rps.toFixed(0)} | ${fullRun.p50} ms | ${fullRun.p99} ms | ${fullRun.non2xx} |`,
    );
    console.log(
      `| full path, autocannon overallRate 500 (per-second bursts) | ${bursts.rps.toFixed(0)} | ${bursts.p50} ms | ${bursts.p99} ms | ${bursts.non2xx} |`,
    );
    console.log(
      `| full path, paced 500 req/s (open loop, from due time) | ${paced.rps.toFixed(0)} | ${paced.p50.toFixed(1)} ms | ${paced.p99.toFixed(1)} ms | ${paced.non2xx} |`,
    );
    console.log(
      `\nfull/bare throughput: ${(ratio * 100).toFixed(1)} % (target ≥ 15 %) ${ratio >= 0.15 ? "met" : "MISSED"}`,
    );
    console.log(
      `answered questions: ${answered} in ${seconds.toFixed(1)} s = ${(answered / seconds).toFixed(0)}/s; app CPU per answered question: ${cpuPer.toFixed(3)} ms (target ≤ 1 ms) ${cpuPer <= 1 ? "met" : "MISSED"}`,
    );
    console.log(
      `time-to-200 p99 at a paced 500 req/s: ${paced.p99.toFixed(1)} ms, max ${paced.max.toFixed(1)} ms (target ≤ 20 ms) ${paced.p99 <= 20 ? "met" : "MISSED"}`,
    );
    console.log(
      `app CPU per answered question at 500 req/s: paced ${pacedCpuPer.toFixed(3)} ms (${pacedAnswered} answered), in autocannon's per-second bursts ${burstCpuPer.toFixed(3)} ms`,
    );
    if (errors.length) console.log("errors logged by the app:", JSON.stringify(errors));
  } finally {
    for (const c of [fake, bare, full]) c.proc.kill("SIGTERM");
  }
}
