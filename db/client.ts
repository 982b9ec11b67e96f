import { Kysely, PostgresDialect } from "kysely";
import { OneWriteSocket } from "./one-write-socket.ts";
import { namePreparedStatements } from "./prepared.ts";
import type { Database } from "./schema.ts";

export interface DbConfig {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; omitted means in memory (tests). */
  dataDir?: string;
  /** Who opens the PGlite directory, named to another process that finds it taken (db/data-dir-lock.ts). */
  role?: "server" | "cli";
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * An idle pooled connection that the server ends (restart, failover, an admin's terminate)
   * is reported here and replaced on the next query; without a listener, pg's pool would throw
   * it as an uncaught exception and take the whole process down. Default: one line on stderr.
   */
  onIdleError?: (error: Error) => void;
  /**
   * PostgreSQL only, both on unless turned off (the webhook bench turns them off to measure them):
   * statements marked with preparedMarker() run as named prepared statements (db/prepared.ts),
   * and each statement is written to the socket once (db/one-write-socket.ts).
   */
  preparedStatements?: boolean;
  oneWrite?: boolean;
}

export interface DbHandle {
  db: Kysely<Database>;
  kind: "pg" | "pglite";
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

// Dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the server's time zone);
// bigint counts fit in a JS number for anything this app counts.
const keepText = (v: string) => v;
const toNumber = (v: string) => Number(v);

export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) {
    const pg = await import("pg");
    const Pool = pg.default?.Pool ?? pg.Pool;
    const pool = new Pool({
      connectionString: config.databaseUrl,
      max: config.maxConnections ?? 10,
      ...(config.oneWrite === false ? {} : { stream: () => new OneWriteSocket() }),
      types: {
        getTypeParser: ((oid: number, format: "text" | "binary") => {
          if (oid === DATE_OID) return keepText;
          if (oid === INT8_OID) return toNumber;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    pool.on(
      "error",
      config.onIdleError ??
        ((error: Error) => console.error(`database: an idle connection was closed (${error.message})`)),
    );
    if (config.preparedStatements !== false) pool.on("connect", namePreparedStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "pg", close: () => db.destroy() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGliteDialect } = await import("kysely-pglite-dialect");
  const release = config.dataDir
    ? await (await import("./data-dir-lock.ts")).lockDataDir(config.dataDir, config.role ?? "server")
    : async () => {};
  try {
    const pglite = new PGlite({
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      parsers: { [DATE_OID]: keepText, [INT8_OID]: toNumber },
    });
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: "pglite",
      close: async () => {
        try {
          await db.destroy();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
