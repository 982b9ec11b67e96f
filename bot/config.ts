import { z } from "zod";

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
  LINE_API_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://api.line.me"),
  LIFF_ID: z.string().min(3).optional(),
  /** The LINE Login channel of the LIFF app: the audience of its ID tokens. */
  LINE_LOGIN_CHANNEL_ID: z
    .string()
    .regex(/^\d{6,20}$/)
    .optional(),
  /** Where LINE reaches this server (https in production); used for links in messages. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
});

/** Real LINE with credentials, or the built-in fake platform for trying the bot without them. */
export type LineConfig =
  | { mode: "real"; channelSecret: string; channelAccessToken: string; apiBaseUrl: string }
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
  const secret = c.LINE_CHANNEL_SECRET;
  const token = c.LINE_CHANNEL_ACCESS_TOKEN;
  let line: LineConfig;
  if (secret && token) {
    line = {
      mode: "real",
      channelSecret: secret,
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
  return {
    ...c,
    demoData: c.DEMO_DATA ? c.DEMO_DATA === "on" : !c.DATABASE_URL,
    line,
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
  };
}

export function dbConfigOf(config: Config): { databaseUrl?: string; dataDir?: string } {
  return config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL }
    : { dataDir: `${config.DATA_DIR}/pglite` };
}
