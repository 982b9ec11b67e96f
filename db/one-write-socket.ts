/**
 * The socket pg talks to PostgreSQL through, writing each statement once. pg sends a statement
 * with values as several protocol messages (bind, describe, execute, sync, and parse the first
 * time) between cork() and uncork(); a plain socket then hands the kernel a writev of those small
 * buffers, which in the webhook bench's CPU profile cost more than any other single call. Here
 * a corked batch of buffers is joined and written as one. Given to pg.Pool as its `stream`.
 */
import { Socket } from "node:net";

type Chunks = { chunk: Buffer | string; encoding: BufferEncoding }[];

export class OneWriteSocket extends Socket {
  // Writable's hook for what piled up while corked (net.Socket's own makes it one writev).
  override _writev(chunks: Chunks, callback: (error?: Error | null) => void): void {
    const buffers: Buffer[] = [];
    for (const { chunk } of chunks) {
      if (!Buffer.isBuffer(chunk)) {
        super._writev!(chunks, callback);
        return;
      }
      buffers.push(chunk);
    }
    this._write(Buffer.concat(buffers), "buffer" as BufferEncoding, callback);
  }
}
