import { Agent, request } from "node:http";
import { percentile } from "../stats.ts";

export interface PacedRun {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  requests: number;
}

/**
 * An open-loop load at a steady rate: request i is due at start + i/rate, whatever happened to
 * the ones before, and its latency counts from when it was due (so a stall in the server is not
 * hidden by the generator waiting for it — "coordinated omission"). autocannon's overallRate
 * instead lets every connection send its whole per-second quota back to back at the top of each
 * second (lib/httpClient.js), which measures a 50-request burst, not a rate.
 */
export async function pacedLoad(
  url: string,
  options: { rate: number; seconds: number; next: () => { body: string; signature: string } },
): Promise<PacedRun> {
  const target = new URL("/webhook", url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();

  await new Promise<void>((resolve) => {
    const send = (due: number) => {
      const { body, signature } = options.next();
      const req = request(
        target,
        {
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-line-signature": signature,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - due);
            if (res.statusCode !== 200) non2xx++;
            if (++done === total) resolve();
          });
        },
      );
      req.on("error", () => {
        non2xx++;
        if (++done === total) resolve();
      });
      req.end(body);
    };
    const pump = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / options.rate <= now) {
        send(start + (sent * 1000) / options.rate);
        sent++;
      }
      if (sent < total) setTimeout(pump, 1);
    };
    pump();
  });
  agent.destroy();
  const elapsed = (performance.now() - start) / 1000;
  return {
    rps: total / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    non2xx,
    requests: total,
  };
}
