// `npm run bench -- upload`: does one admin's upload hold up everyone else?
//
// The largest results file an admin may upload in the app (UPLOAD_LIMITS: 5,000 rows, here with
// 40 score columns, as .xlsx) is posted to results/preview while /healthz and the webhook are
// probed every 20 ms. The same run measures the server reading files in a worker thread (as the
// Node server does) against the peer, the same server reading them on its event loop (as before).
// Printed per variant: p99 of /healthz and of the webhook's 200 at rest and during the upload,
// and how long the upload took. Target: both under 100 ms p99 during the upload.
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import ExcelJS from "exceljs";
import { UPLOAD_LIMITS } from "../db/import/read-table.ts";
import { fmt, percentile } from "./stats.ts";

const SECRET = "bench-upload-channel-secret";
const PROBE_EVERY_MS = 20;
const AT_REST_MS = 3_000;

interface Server {
  proc: ChildProcess;
  url: string;
  idToken: string;
  agencyId: number;
  userId: string;
}

async function start(mode: "threaded" | "inline"): Promise<Server> {
  const proc = spawn(process.execPath, ["--import", "tsx", "bench/upload/server.ts", mode], {
    env: { ...process.env, BENCH_SECRET: SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`upload server exited with ${code}`)));
  });
  return { proc, ...(JSON.parse(line) as Omit<Server, "proc">) };
}

/** Probes /healthz and the webhook every PROBE_EVERY_MS until `until` resolves; latencies in ms. */
async function probe(server: Server, until: Promise<unknown>) {
  const healthz: number[] = [];
  const webhook: number[] = [];
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const timed = async (into: number[], request: () => Promise<Response>) => {
    const t0 = performance.now();
    const res = await request();
    await res.arrayBuffer();
    into.push(performance.now() - t0);
  };
  const inFlight: Promise<void>[] = [];
  while (!done) {
    inFlight.push(timed(healthz, () => fetch(`${server.url}/healthz`)));
    const body = JSON.stringify({
      destination: "Ubench",
      events: [
        {
          type: "message",
          mode: "active",
          timestamp: Date.now(),
          // In a group and not addressed to the bot: the whole webhook path (signature, schema,
          // the event claimed in the database) without a reply, so probes measure the server.
          source: { type: "group", groupId: "Cbenchgroup", userId: server.userId },
          webhookEventId: randomUUID(),
          deliveryContext: { isRedelivery: false },
          replyToken: "0f3779fba3b349968c5d07db31eab56f",
          message: { id: "1", type: "text", quoteToken: "q", text: "ประชุมกันบ่ายนี้" },
        },
      ],
    });
    const signature = createHmac("sha256", SECRET).update(body).digest("base64");
    inFlight.push(
      timed(webhook, () =>
        fetch(`${server.url}/webhook`, {
          method: "POST",
          body,
          headers: { "content-type": "application/json", "x-line-signature": signature },
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  await Promise.all(inFlight);
  return { healthz, webhook };
}

async function maximalFile(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("ผล");
  const scores = Array.from({ length: 40 }, (_, i) => `I${i + 1}`);
  sheet.addRow([
    "agency_code",
    "agency_name",
    "agency_type",
    "province",
    "district",
    "fiscal_year",
    ...scores,
  ]);
  for (let r = 1; r < UPLOAD_LIMITS.maxRows; r++) {
    sheet.addRow([
      String(1_000_000 + r),
      `เทศบาลตำบลทดสอบที่ ${r}`,
      "เทศบาลตำบล",
      "เลย",
      "ด่านซ้าย",
      2569,
      ...scores.map((_, i) => 50 + ((r * 7 + i * 13) % 5000) / 100),
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function runUploadBench(): Promise<void> {
  const file = await maximalFile();
  console.log(
    `upload: ${UPLOAD_LIMITS.maxRows.toLocaleString("en")} rows × 46 columns .xlsx (${(file.byteLength / 1024 / 1024).toFixed(1)} MB), probes every ${PROBE_EVERY_MS} ms`,
  );
  const rows: string[] = [];
  const p99s: Record<string, number> = {};
  for (const mode of ["threaded", "inline"] as const) {
    const server = await start(mode);
    try {
      const rest = await probe(server, new Promise((r) => setTimeout(r, AT_REST_MS)));
      const form = new FormData();
      form.set("file", new Blob([file as Uint8Array<ArrayBuffer>]), "results.xlsx");
      const t0 = performance.now();
      let status = 0;
      const upload = fetch(`${server.url}/api/agencies/${server.agencyId}/results/preview`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${server.idToken}` },
      }).then(async (res) => {
        status = res.status;
        await res.arrayBuffer();
      });
      const busy = await probe(server, upload);
      const uploadMs = performance.now() - t0;
      const p = (xs: number[]) => percentile(xs, 99);
      p99s[mode] = Math.max(p(busy.healthz), p(busy.webhook));
      rows.push(
        `${mode.padEnd(8)}  /healthz p99 at rest ${fmt(p(rest.healthz))}, during ${fmt(p(busy.healthz))} (max ${fmt(Math.max(...busy.healthz))}); ` +
          `webhook p99 at rest ${fmt(p(rest.webhook))}, during ${fmt(p(busy.webhook))}; upload answered ${status} in ${fmt(uploadMs)}`,
      );
    } finally {
      server.proc.kill("SIGTERM");
    }
  }
  for (const row of rows) console.log(row);
  console.log(
    `during-upload p99 (worst of /healthz and webhook): threaded ${fmt(p99s.threaded!)}, inline ${fmt(p99s.inline!)} — ` +
      `${(p99s.inline! / p99s.threaded!).toFixed(1)}× lower off the event loop (target < 100 ms)`,
  );
}
