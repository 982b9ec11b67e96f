import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001_foundation.ts";
import * as m002 from "./002_chat.ts";
import * as m003 from "./003_reminders.ts";
import * as m004 from "./004_report_recommendations.ts";
import * as m005 from "./005_report_fonts.ts";
import * as m006 from "./006_frameworks.ts";
import * as m007 from "./007_push_forecasts.ts";
import * as m008 from "./008_notice_watermarks.ts";

// An imported list, not a folder read with fs: Workers have no file system.
const MIGRATIONS: Record<string, Migration> = {
  "001_foundation": m001,
  "002_chat": m002,
  "003_reminders": m003,
  "004_report_recommendations": m004,
  "005_report_fonts": m005,
  "006_frameworks": m006,
  "007_push_forecasts": m007,
  "008_notice_watermarks": m008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
