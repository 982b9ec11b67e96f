import { parseArgs } from "node:util";

// Each benchmark is imported only when asked for: the others' dependencies (Vite, the report
// renderers) would otherwise sit in the memory a benchmark reports.
const BENCHES: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  frameworks: async () => (await import("./frameworks.ts")).runFrameworksBench,
  liff: async () => (await import("./liff.ts")).runLiffBench,
  quota: async () => (await import("./quota.ts")).runQuotaBench,
  reminders: async () => (await import("./reminders.ts")).runRemindersBench,
  reports: async () => (await import("./reports.ts")).runReportsBench,
  scale: async () => (await import("./scale.ts")).runScaleBench,
  upload: async () => (await import("./upload.ts")).runUploadBench,
  webhook: async () => (await import("./webhook.ts")).runWebhookBench,
};

const [name = "", ...rest] = process.argv.slice(2);
const load = BENCHES[name];
if (!load) {
  console.error(`ใช้: npm run bench -- <${Object.keys(BENCHES).join("|")}> [options]`);
  process.exit(2);
}
parseArgs({ args: [], strict: false });
await (await load())(rest);
process.exit(0);
