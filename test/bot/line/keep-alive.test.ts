import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { keepAlivePool } from "../../../bot/line/keep-alive.ts";

/** A stand-in for LINE that holds every request until the test answers it, and counts sockets. */
async function holdingServer() {
  const held: { body: string; headers: IncomingMessage["headers"]; res: ServerResponse }[] = [];
  let sockets = 0;
  let arrived: () => void = () => {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      held.push({ body: Buffer.concat(chunks).toString(), headers: req.headers, res });
      arrived();
    });
  });
  server.on("connection", () => sockets++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held,
    get sockets() {
      return sockets;
    },
    /** Resolves once `n` requests are held. */
    async holding(n: number) {
      while (held.length < n) await new Promise<void>((resolve) => (arrived = resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe("keepAlivePool", () => {
  it("keeps at most `connections` requests in flight, queues the rest in order, and reuses the sockets", async () => {
    const line = await holdingServer();
    const pool = keepAlivePool({ baseURL: line.url, connections: 3 });
    closers.push(line.close, pool.close);
    const answers = Array.from({ length: 20 }, (_, i) =>
      pool.post("/v2/bot/message/reply", JSON.stringify({ n: i }), { "content-type": "application/json" }),
    );
    const seen: number[] = [];
    while (seen.length < 20) {
      const expected = Math.min(3, 20 - seen.length);
      await line.holding(expected);
      expect(line.held).toHaveLength(expected);
      expect(pool.running).toBe(expected);
      expect(pool.waiting).toBe(20 - seen.length - expected);
      for (const h of line.held.splice(0)) {
        seen.push((JSON.parse(h.body) as { n: number }).n);
        h.res.end(`{"n":${seen.at(-1)}}`);
      }
    }
    const bodies = (await Promise.all(answers)).map((a) => JSON.parse(a.body) as { n: number });
    expect(bodies.map((b) => b.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(line.sockets).toBe(3);
  });

  it("sends the headers and body it is given, and returns the status, body and Retry-After", async () => {
    const line = await holdingServer();
    const pool = keepAlivePool({ baseURL: `${line.url}/`, connections: 1 });
    closers.push(line.close, pool.close);
    const answer = pool.post("/v2/bot/message/push", '{"to":"U1"}', {
      authorization: "Bearer t",
      "x-line-retry-key": "k",
    });
    await line.holding(1);
    const [h] = line.held;
    expect(h!.body).toBe('{"to":"U1"}');
    expect(h!.headers).toMatchObject({
      authorization: "Bearer t",
      "x-line-retry-key": "k",
      "content-length": "11",
    });
    h!.res.writeHead(429, { "retry-after": "7" }).end('{"message":"slow down"}');
    expect(await answer).toEqual({ status: 429, body: '{"message":"slow down"}', retryAfter: "7" });
  });

  it("fails a request that gets no answer in time, and the next one still runs", async () => {
    const line = await holdingServer();
    const pool = keepAlivePool({ baseURL: line.url, connections: 1, timeoutMs: 50 });
    closers.push(line.close, pool.close);
    const silent = pool.post("/v2/bot/message/reply", "{}", {});
    const next = pool.post("/v2/bot/message/reply", "{}", {});
    await expect(silent).rejects.toThrow("LINE did not answer within 50 ms");
    await line.holding(2);
    line.held[1]!.res.end("{}");
    await expect(next).resolves.toMatchObject({ status: 200 });
  });

  it("passes a refused connection to the caller", async () => {
    const line = await holdingServer();
    const url = line.url;
    await line.close();
    const pool = keepAlivePool({ baseURL: url, connections: 2 });
    closers.push(pool.close);
    await expect(pool.post("/v2/bot/message/reply", "{}", {})).rejects.toThrow(/ECONNREFUSED/);
    expect(pool.running).toBe(0);
  });
});
