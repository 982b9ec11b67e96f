// The peer: LINE's own echo-bot pattern (the SDK's README and examples/echo-bot), in its own
// process — Express, the SDK's `middleware` for the signature and the body, and
// `MessagingApiClient.replyMessage` for each text message, answered 200 once the replies are done.
// Pointed at the fake platform through the client's baseURL. Express is a devDependency of this
// bench only; nothing in bot/ imports it.
import { messagingApi, middleware, type webhook } from "@line/bot-sdk";
import express from "express";

const client = new messagingApi.MessagingApiClient({
  channelAccessToken: process.env.BENCH_TOKEN!,
  baseURL: process.env.FAKE_URL!,
});

function handleEvent(event: webhook.Event) {
  if (event.type !== "message" || event.message.type !== "text" || !event.replyToken) {
    return Promise.resolve(null);
  }
  return client.replyMessage({
    replyToken: event.replyToken,
    messages: [{ type: "text", text: event.message.text }],
  });
}

const app = express();
app.post("/webhook", middleware({ channelSecret: process.env.BENCH_SECRET! }), (req, res) => {
  Promise.all((req.body as webhook.CallbackRequest).events.map(handleEvent))
    .then((result) => res.json(result))
    .catch((error: unknown) => {
      console.error(error);
      res.status(500).end();
    });
});
app.get("/__bench/cpu", (_req, res) => {
  res.json(process.cpuUsage());
});

const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on("SIGTERM", () => process.exit(0));
