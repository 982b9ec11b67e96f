import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeLinePlatform } from "../../../bot/dev/line-platform/server.ts";
import type { FakeLinePlatform } from "../../../bot/dev/line-platform/types.ts";
import { createLineClient, LineApiError, type LineClient } from "../../../bot/line/client.ts";
import { type KeepAlivePool, keepAlivePool } from "../../../bot/line/keep-alive.ts";

const TOKEN = "client-test-access-token-0123456789";
const USER = `U${"c".repeat(32)}`;
const hello = [{ type: "text" as const, text: "สวัสดี" }];

let fake: FakeLinePlatform;
let pool: KeepAlivePool;
beforeAll(async () => {
  fake = await startFakeLinePlatform({ channelAccessToken: TOKEN });
  pool = keepAlivePool({ baseURL: fake.url, connections: 4 });
});
afterAll(async () => {
  pool.close();
  await fake.close();
});
beforeEach(() => fake.reset());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("the call succeeded"),
    (error: unknown) => error as LineApiError,
  );

// The same behaviour whichever way the messages go: the SDK's fetch (Workers) or Node's pool.
describe.each([
  ["the SDK's fetch", (token = TOKEN) => createLineClient({ channelAccessToken: token, baseURL: fake.url })],
  [
    "a keep-alive pool",
    (token = TOKEN) => createLineClient({ channelAccessToken: token, baseURL: fake.url, post: pool.post }),
  ],
])("LineClient's messages through %s", (_, make: (token?: string) => LineClient) => {
  it("replies with a reply token, which LINE accepts once", async () => {
    const line = make();
    const token = fake.issueReplyToken(USER);
    await line.reply(token, hello);
    expect(fake.messagesTo(USER).map((d) => d.message)).toEqual(hello);
    const spent = await failure(line.reply(token, hello));
    expect(spent).toBeInstanceOf(LineApiError);
    expect([spent.status, spent.message]).toEqual([400, "Invalid reply token"]);
  });

  it("pushes and multicasts with a retry key; a repeated key is refused with 409", async () => {
    const line = make();
    const key = randomUUID();
    await line.push(USER, hello, key);
    expect((await failure(line.push(USER, hello, key))).status).toBe(409);
    await line.multicast([USER], hello, randomUUID());
    expect(fake.messagesTo(USER)).toHaveLength(2);
  });

  it("gives LINE's status, message and Retry-After of a refusal", async () => {
    const line = make();
    fake.failNext(1, 429, { retryAfterSeconds: 7 });
    const refused = await failure(line.push(USER, hello));
    expect(refused).toMatchObject({
      status: 429,
      message: "The API rate limit has been exceeded. Try again later.",
      retryAfterSeconds: 7,
    });
  });

  it("is refused with 401 when its access token is wrong", async () => {
    const line = make("wrong-token-0123456789");
    expect((await failure(line.push(USER, hello))).status).toBe(401);
  });
});
