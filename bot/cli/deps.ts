// The CLI's one composition root: configuration, database, clock, logger and LINE client, each
// built from the environment the first time a command asks for it — so `ita help` and a command
// refused for a bad option need no configuration at all.
import { mkdir } from "node:fs/promises";
import { createDb } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { type Config, clockOf, dbConfigOf, parseConfig } from "../config.ts";
import { createLineClient, type LineClient } from "../line/client.ts";
import { jsonLogger } from "../log.ts";
import type { CliDeps, WithDb } from "./command.ts";

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function cliDeps(env: Record<string, string | undefined>): CliDeps {
  const config = once((): Config => parseConfig(env));
  const clock = once(() => clockOf(config()));
  const line = once((): LineClient | undefined => {
    const c = config();
    return c.line.mode === "real"
      ? createLineClient({ channelAccessToken: c.line.channelAccessToken, baseURL: c.line.apiBaseUrl })
      : undefined;
  });
  // One connection per piece of work, closed after it: a CLI run must not leave PGlite's files open.
  const withDb: WithDb = async (fn) => {
    const c = config();
    if (!c.DATABASE_URL) await mkdir(c.DATA_DIR, { recursive: true });
    const handle = await createDb({ ...dbConfigOf(c), role: "cli" });
    try {
      await migrate(handle.db);
      return await fn(handle.db);
    } finally {
      await handle.close();
    }
  };
  return {
    withDb,
    config,
    now: () => clock()(),
    // stdout is the command's answer (JSON for score and tick); the log goes to stderr.
    log: jsonLogger((l) => console.error(l)),
    line,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    stdin: readStdin,
  };
}
