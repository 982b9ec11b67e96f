import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001_foundation.ts";

// An imported list, not a folder read with fs: Workers have no file system.
const MIGRATIONS: Record<string, Migration> = {
  "001_foundation": m001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
