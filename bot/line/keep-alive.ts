/**
 * Node's way of sending to the Messaging API: a keep-alive connection pool with at most
 * `connections` requests in flight, the rest queued in order (bot/line/in-flight.ts). Node-only
 * (node:http); the Node composition root passes it to createLineClient, the Worker does not.
 */
import http from "node:http";
import https from "node:https";
import type { LineAnswer, LinePost } from "./client.ts";
import { inFlightLimit } from "./in-flight.ts";

export interface KeepAlivePool {
  post: LinePost;
  readonly running: number;
  readonly waiting: number;
  /** Closes the idle connections (requests still running finish). */
  close(): void;
}

export interface KeepAliveOptions {
  baseURL: string;
  /** Requests in flight, and so connections, at most. */
  connections: number;
  /** A request with no answer by then fails (the caller logs it; a reply token is spent anyway). */
  timeoutMs?: number;
}

export function keepAlivePool(options: KeepAliveOptions): KeepAlivePool {
  const base = new URL(options.baseURL);
  const secure = base.protocol === "https:";
  const agent = new (secure ? https : http).Agent({ keepAlive: true, maxSockets: options.connections });
  const request = secure ? https.request : http.request;
  const prefix = base.pathname.replace(/\/$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limit = inFlightLimit(options.connections);

  const once = (path: string, body: string, headers: Readonly<Record<string, string>>) =>
    new Promise<LineAnswer>((resolve, reject) => {
      const req = request(
        {
          agent,
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          path: prefix + path,
          method: "POST",
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const retryAfter = res.headers["retry-after"];
            resolve({
              status: res.statusCode ?? 0,
              body: chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString(),
              retryAfter: typeof retryAfter === "string" ? retryAfter : null,
            });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`LINE did not answer within ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(body);
    });

  return {
    post: (path, body, headers) => limit.run(() => once(path, body, headers)),
    get running() {
      return limit.running;
    },
    get waiting() {
      return limit.waiting;
    },
    close: () => agent.destroy(),
  };
}
