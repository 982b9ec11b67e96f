import { z } from "zod";

const WORKERS_MESSAGE = "ต้องเป็นจำนวนเต็ม 1–64 (the number of Node workers, a whole number from 1 to 64)";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** PostgreSQL connection string; without it the embedded PGlite under DATA_DIR is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Load demo agencies and scores into an empty database (default: on for PGlite, off for PostgreSQL). */
  DEMO_DATA: z.enum(["on", "off"]).optional(),
  LINE_CHANNEL_SECRET: z.string().min(10).optional(),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(10).optional(),
  /** The secret before a reissue: webhooks signed with it are still accepted while it is set. */
  LINE_CHANNEL_SECRET_PREVIOUS: z.string().min(10).optional(),
  LINE_API_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://api.line.me"),
  LIFF_ID: z.string().min(3).optional(),
  /** The LINE Login channel of the LIFF app: the audience of its ID tokens. */
  LINE_LOGIN_CHANNEL_ID: z
    .string()
    .regex(/^\d{6,20}$/)
    .optional(),
  /** Where LINE reaches this server (https in production); used for links in messages. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For hop. */
  TRUST_PROXY: z.enum(["on", "off"]).default("off"),
  /** In production the server wants PostgreSQL; "on" runs it on the embedded PGlite anyway. */
  ALLOW_PGLITE: z.enum(["on", "off"]).default("off"),
  /**
   * Development only: start the clock at this date ('2027-03-15' or an ISO date-time) and let it
   * run from there, to see the demo, reminders and answers on another day of the ITA year.
   */
  NOW: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/, "use YYYY-MM-DD or an ISO date-time")
    .refine((v) => !Number.isNaN(Date.parse(v.length === 10 ? `${v}T09:00:00+07:00` : v)), "not a date")
    .optional(),
  /**
   * Node workers sharing the port (node:cluster). Several processes cannot share the embedded PGlite,
   * so above 1 it needs DATABASE_URL.
   */
  WEB_CONCURRENCY: z.coerce
    .number({ error: WORKERS_MESSAGE })
    .int(WORKERS_MESSAGE)
    .min(1, WORKERS_MESSAGE)
    .max(64, WORKERS_MESSAGE)
    .default(1),
  /**
   * PostgreSQL connections for the whole server, divided among its workers, so that adding workers
   * never opens more than the database was sized for.
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * Tests only (refused in production): the reminder tick's period in ms, so a test sees ticks in
   * seconds rather than minutes.
   */
  TICK_EVERY_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
});

/** Real LINE with credentials, or the built-in fake platform for trying the bot without them. */
export type LineConfig =
  | {
      mode: "real";
      channelSecret: string;
      /** Also accepted on webhooks while a reissued secret rolls out. */
      previousChannelSecret?: string;
      channelAccessToken: string;
      apiBaseUrl: string;
    }
  | { mode: "fake" };

export type Config = z.infer<typeof schema> & { demoData: boolean; line: LineConfig; publicUrl: string };

export class ConfigError extends Error {}

/** Parses the environment once, at start; the result is passed in, never read from globals. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.NOW && c.NODE_ENV === "production") {
    throw new ConfigError("Invalid configuration:\n  NOW sets a development clock; unset it in production");
  }
  if (c.TICK_EVERY_MS !== 60_000 && c.NODE_ENV === "production") {
    throw new ConfigError(
      "Invalid configuration:\n  TICK_EVERY_MS is for tests (the tick runs every minute); unset it in production",
    );
  }
  const secret = c.LINE_CHANNEL_SECRET;
  const token = c.LINE_CHANNEL_ACCESS_TOKEN;
  let line: LineConfig;
  if (secret && token) {
    line = {
      mode: "real",
      channelSecret: secret,
      ...(c.LINE_CHANNEL_SECRET_PREVIOUS ? { previousChannelSecret: c.LINE_CHANNEL_SECRET_PREVIOUS } : {}),
      channelAccessToken: token,
      apiBaseUrl: c.LINE_API_BASE_URL,
    };
  } else if (c.NODE_ENV === "production" || secret || token) {
    const missing = [!secret && "LINE_CHANNEL_SECRET", !token && "LINE_CHANNEL_ACCESS_TOKEN"].filter(Boolean);
    throw new ConfigError(
      `Invalid configuration:\n  missing ${missing.join(" and ")} (LINE Developers console → Messaging API channel)` +
        (c.NODE_ENV === "production"
          ? ""
          : "\n  or unset both to try the bot on the built-in fake LINE platform"),
    );
  } else {
    line = { mode: "fake" };
  }
  checkWorkers(c, line);
  return {
    ...c,
    demoData: c.DEMO_DATA ? c.DEMO_DATA === "on" : !c.DATABASE_URL,
    line,
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
  };
}

/**
 * What several workers need. Each worker gets its own share of the connections, and its own fake
 * LINE platform would be a different one in each worker: the console page and the webhook it
 * signs could land on different workers, so development with several workers uses LINE
 * credentials (a fake platform started on its own, through LINE_API_BASE_URL, will do).
 */
function checkWorkers(c: z.infer<typeof schema>, line: LineConfig): void {
  const n = c.WEB_CONCURRENCY;
  if (n === 1) return;
  const problems: string[] = [];
  if (!c.DATABASE_URL)
    problems.push(
      `WEB_CONCURRENCY=${n} ต้องใช้ PostgreSQL: ตั้ง DATABASE_URL (PGlite ในเครื่องเปิดได้ทีละโปรเซส; ` +
        "the embedded PGlite cannot be shared between processes, set DATABASE_URL or WEB_CONCURRENCY=1)",
    );
  if (line.mode === "fake")
    problems.push(
      `WEB_CONCURRENCY=${n} ต้องมี LINE_CHANNEL_SECRET และ LINE_CHANNEL_ACCESS_TOKEN ` +
        "(each worker would start its own fake LINE platform; give LINE credentials, " +
        "with LINE_API_BASE_URL at a fake platform for development, or use WEB_CONCURRENCY=1)",
    );
  if (c.DATABASE_POOL_MAX < MIN_CONNECTIONS_PER_WORKER * n)
    problems.push(
      `DATABASE_POOL_MAX=${c.DATABASE_POOL_MAX} ไม่พอสำหรับ WEB_CONCURRENCY=${n}: ต้องอย่างน้อย ` +
        `${MIN_CONNECTIONS_PER_WORKER * n} (${MIN_CONNECTIONS_PER_WORKER} connections per worker: ` +
        "one for the tick's planning transaction, one for requests)",
    );
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}

/** A worker planning reminders holds one connection for the whole transaction; requests need another. */
const MIN_CONNECTIONS_PER_WORKER = 2;

/** Each worker's pool: an equal share of DATABASE_POOL_MAX, so N workers never open more in all. */
export function poolPerWorker(config: Pick<Config, "DATABASE_POOL_MAX" | "WEB_CONCURRENCY">): number {
  return Math.floor(config.DATABASE_POOL_MAX / config.WEB_CONCURRENCY);
}

/** Values no log line may contain (the logger replaces them). */
export function secretsOf(config: Config): string[] {
  const out: string[] = [];
  if (config.line.mode === "real") {
    out.push(config.line.channelSecret, config.line.channelAccessToken);
    if (config.line.previousChannelSecret) out.push(config.line.previousChannelSecret);
  }
  if (config.DATABASE_URL) {
    const password = decodeURIComponent(new URL(config.DATABASE_URL).password);
    if (password) out.push(password, config.DATABASE_URL);
  }
  return out;
}

/**
 * The server's clock: the real one, or in development one that starts at NOW (a bare date means
 * 09:00 in Bangkok that day) and runs on in real time.
 */
export function clockOf(config: Pick<Config, "NOW">, realNow: () => number = Date.now): () => Date {
  if (!config.NOW) return () => new Date(realNow());
  const start = Date.parse(config.NOW.length === 10 ? `${config.NOW}T09:00:00+07:00` : config.NOW);
  const offset = start - realNow();
  return () => new Date(realNow() + offset);
}

/** LINE publishes the keys of LIFF ID tokens next to its API (the fake platform does too). */
export function jwksUrlOf(apiBaseUrl: string): string {
  return `${apiBaseUrl.replace(/\/+$/, "")}/oauth2/v2.1/certs`;
}

export function dbConfigOf(config: Config): {
  databaseUrl?: string;
  dataDir?: string;
  maxConnections?: number;
} {
  return config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL, maxConnections: poolPerWorker(config) }
    : { dataDir: `${config.DATA_DIR}/pglite` };
}
