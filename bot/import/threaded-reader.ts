import { Worker } from "node:worker_threads";
import type { ImportIssue, ResultsImport } from "../../core/import/results.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import type { ReadResults } from "../../db/import/read-results.ts";
import type { TableLimits } from "../../db/import/read-table.ts";

// Parsing and checking a spreadsheet is seconds of CPU on a large file; on the event loop it held
// every other request (/healthz waited 63 s behind a 1-million-row upload). Here each file is read
// and checked in a worker thread with its own heap limit and a deadline, one file at a time, a few
// waiting; the event loop only gets the rows (or what to fix) back.

export interface ThreadedReaderOptions {
  /** A file still being read after this long is given up (the thread is stopped). */
  timeoutMs: number;
  /** The thread's heap, in MB: a file that needs more is refused, the server is not touched. */
  maxHeapMb: number;
  /** Files read at once; the others wait their turn. */
  concurrency: number;
  /** Files that may wait; one more is refused at once. */
  maxWaiting: number;
}

export const THREADED_READER_DEFAULTS: ThreadedReaderOptions = {
  timeoutMs: 20_000,
  maxHeapMb: 512,
  concurrency: 1,
  maxWaiting: 4,
};

const refusal = (th: string, en: string): ResultsImport => ({
  ok: false,
  errors: [{ th, en } satisfies ImportIssue],
});

export function threadedResultsReader(
  options: ThreadedReaderOptions = THREADED_READER_DEFAULTS,
): ReadResults {
  let running = 0;
  const waiting: (() => void)[] = [];

  const readInThread = (
    bytes: Uint8Array,
    fileName: string,
    limits: TableLimits,
    frameworks: FrameworkCatalog,
  ) =>
    new Promise<ResultsImport>((resolve) => {
      const worker = new Worker(new URL("./read-results-worker.ts", import.meta.url), {
        // The catalog's documents are plain data; the thread builds its own catalog from them.
        workerData: { bytes, fileName, limits, frameworks: frameworks.all().map((f) => f.document) },
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      });
      let settled = false;
      const settle = (read: ResultsImport) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(read);
      };
      const timer = setTimeout(
        () =>
          settle(
            refusal(
              `อ่านไฟล์นานเกิน ${options.timeoutMs / 1000} วินาที — แยกไฟล์ให้เล็กลง หรือบันทึกเป็น .csv`,
              `Reading the file took longer than ${options.timeoutMs / 1000} s — split it or save it as .csv`,
            ),
          ),
        options.timeoutMs,
      );
      worker.once("message", (read: ResultsImport) => settle(read));
      worker.once("error", (error: Error & { code?: string }) =>
        settle(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? refusal(
                "ไฟล์นี้ใหญ่เกินกว่าที่ระบบอ่านได้ — แยกไฟล์ตามปีงบประมาณ หรือบันทึกเป็น .csv",
                "The file needs more memory than a file may use — split it or save it as .csv",
              )
            : refusal(`อ่านไฟล์ไม่ได้ (${error.message.slice(0, 40)})`, `Cannot read the file: ${error.message}`),
        ),
      );
      worker.once("exit", () =>
        settle(refusal("อ่านไฟล์ไม่สำเร็จ กรุณาลองใหม่", "Reading the file stopped before it finished")),
      );
    });

  return async (bytes, fileName, limits, frameworks) => {
    if (running >= options.concurrency) {
      if (waiting.length >= options.maxWaiting) {
        return refusal(
          "มีการนำเข้าไฟล์อื่นอยู่หลายไฟล์ กรุณาลองใหม่ในอีกสักครู่",
          "Other files are being read; try again in a moment",
        );
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running++;
    }
    try {
      return await readInThread(bytes, fileName, limits, frameworks);
    } finally {
      // The turn passes straight to the next in line; `running` stays counted for it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
