import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { OneWriteSocket } from "../../db/one-write-socket.ts";

let server: Server | undefined;
const sockets: OneWriteSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A socket connected to a server that collects what it receives. */
async function connected() {
  const received: Buffer[] = [];
  server = createServer((s) => s.on("data", (d: Buffer) => received.push(d)));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const socket = new OneWriteSocket();
  sockets.push(socket);
  await new Promise<void>((resolve) =>
    socket.connect((server!.address() as AddressInfo).port, "127.0.0.1", resolve),
  );
  const sent = { writes: 0 };
  // Node's stream hook: _write hands one buffer to the kernel (and counts it here).
  const write = socket._write.bind(socket);
  socket._write = (chunk, encoding, callback) => {
    sent.writes++;
    write(chunk, encoding, callback);
  };
  return { socket, received, sent };
}

const arrived = async (received: Buffer[], bytes: number) => {
  while (Buffer.concat(received).length < bytes) await new Promise((r) => setTimeout(r, 5));
  return Buffer.concat(received).toString();
};

describe("OneWriteSocket", () => {
  it("writes what it is given between cork() and uncork() as one buffer, in order", async () => {
    const { socket, received, sent } = await connected();
    socket.cork();
    for (const part of ["bind|", "describe|", "execute|", "sync"]) socket.write(Buffer.from(part));
    expect(sent.writes).toBe(0);
    socket.uncork();
    expect(sent.writes).toBe(1);
    expect(await arrived(received, 26)).toBe("bind|describe|execute|sync");
  });

  it("writes at once outside cork(), and leaves a batch with a string to net.Socket, in order", async () => {
    const { socket, received, sent } = await connected();
    socket.write(Buffer.from("a"));
    expect(sent.writes).toBe(1);
    socket.cork();
    socket.write("b");
    const written = new Promise<void>((resolve) => socket.write(Buffer.from("c"), () => resolve()));
    socket.uncork();
    await written;
    expect(await arrived(received, 3)).toBe("abc");
  });

  it("writes nothing for an uncork() with nothing held", async () => {
    const { socket, sent } = await connected();
    socket.uncork();
    socket.cork();
    socket.uncork();
    expect(sent.writes).toBe(0);
  });
});
