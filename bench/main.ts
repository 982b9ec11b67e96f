import { parseArgs } from "node:util";
import { runFrameworksBench } from "./frameworks.ts";
import { runLiffBench } from "./liff.ts";
import { runQuotaBench } from "./quota.ts";
import { runReportsBench } from "./reports.ts";
import { runScaleBench } from "./scale.ts";
import { runUploadBench } from "./upload.ts";
import { runWebhookBench } from "./webhook.ts";

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  frameworks: runFrameworksBench,
  liff: runLiffBench,
  quota: runQuotaBench,
  reports: runReportsBench,
  scale: runScaleBench,
  upload: runUploadBench,
  webhook: runWebhookBench,
};

const [name = "", ...rest] = process.argv.slice(2);
const bench = BENCHES[name];
if (!bench) {
  console.error(`ใช้: npm run bench -- <${Object.keys(BENCHES).join("|")}> [options]`);
  process.exit(2);
}
parseArgs({ args: [], strict: false });
await bench(rest);
process.exit(0);
