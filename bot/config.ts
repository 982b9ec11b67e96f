import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** PostgreSQL connection string; without it the embedded PGlite under DATA_DIR is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Load demo agencies and scores into an empty database (default: on for PGlite, off for PostgreSQL). */
  DEMO_DATA: z.enum(["on", "off"]).optional(),
});

export type Config = z.infer<typeof schema> & { demoData: boolean };

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
  return { ...c, demoData: c.DEMO_DATA ? c.DEMO_DATA === "on" : !c.DATABASE_URL };
}

export function dbConfigOf(config: Config): { databaseUrl?: string; dataDir?: string } {
  return config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL }
    : { dataDir: `${config.DATA_DIR}/pglite` };
}
