// Runs in a worker thread (bot/import/threaded-reader.ts): one file read and checked, answered,
// then the thread ends.
import { parentPort, workerData } from "node:worker_threads";
import { frameworkCatalog } from "../../core/ita/catalog.ts";
import type { FrameworkDocument } from "../../core/ita/framework.ts";
import { readResultsFile } from "../../db/import/read-results.ts";
import type { TableLimits } from "../../db/import/read-table.ts";

const { bytes, fileName, limits, frameworks } = workerData as {
  bytes: Uint8Array;
  fileName: string;
  limits: TableLimits;
  frameworks: FrameworkDocument[];
};
parentPort!.postMessage(await readResultsFile(bytes, fileName, limits, frameworkCatalog(frameworks)));
