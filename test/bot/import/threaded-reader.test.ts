import { describe, expect, it } from "vitest";
import { threadedResultsReader } from "../../../bot/import/threaded-reader.ts";
import { readResultsFile } from "../../../db/import/read-results.ts";
import { UPLOAD_LIMITS } from "../../../db/import/read-table.ts";
import { SHIPPED } from "../../fixtures/frameworks.ts";

const csv = (rows: number) =>
  new TextEncoder().encode(
    "agency_code,agency_name,agency_type,province,district,fiscal_year,total\n" +
      Array.from(
        { length: rows },
        (_, i) => `${1000000 + i},เทศบาลตำบลที่ ${i},ทต.,เลย,ด่านซ้าย,2567,8${i % 10}.5`,
      ).join("\n"),
  );
const options = { timeoutMs: 30_000, maxHeapMb: 256, concurrency: 1, maxWaiting: 4 };

describe("reading uploaded results in a worker thread", () => {
  it("gives the same rows and notes as reading on the server's own thread", async () => {
    const read = threadedResultsReader(options);
    const bytes = csv(50);
    const inThread = await read(bytes.slice(), "ผล.csv", UPLOAD_LIMITS, SHIPPED);
    expect(inThread.ok).toBe(true);
    expect(inThread).toEqual(await readResultsFile(bytes, "ผล.csv", UPLOAD_LIMITS, SHIPPED));
  });

  it("gives back what to fix, as on the server's own thread", async () => {
    const read = threadedResultsReader(options);
    const bad = new TextEncoder().encode("agency_code,total\n1,101\n");
    expect(await read(bad.slice(), "ผล.csv", UPLOAD_LIMITS, SHIPPED)).toEqual(
      await readResultsFile(bad, "ผล.csv", UPLOAD_LIMITS, SHIPPED),
    );
  });

  it("refuses a file that is still being read at its deadline, in Thai", async () => {
    const read = threadedResultsReader({ ...options, timeoutMs: 1 });
    const outcome = await read(csv(5_000), "ผล.csv", UPLOAD_LIMITS, SHIPPED);
    expect(outcome).toMatchObject({ ok: false, errors: [{ th: expect.stringContaining("นานเกิน") }] });
  });

  it("refuses a file that needs more memory than a file may use, and the next file is read", async () => {
    const read = threadedResultsReader({ ...options, maxHeapMb: 24 });
    const outcome = await read(csv(400_000), "ผล.csv", { ...UPLOAD_LIMITS, maxRows: 1_000_000 }, SHIPPED);
    expect(outcome).toMatchObject({ ok: false, errors: [{ th: expect.stringContaining("ใหญ่เกิน") }] });
    const roomy = threadedResultsReader(options);
    expect((await roomy(csv(3), "ผล.csv", UPLOAD_LIMITS, SHIPPED)).ok).toBe(true);
  });

  it("reads one file at a time, lets a few wait, and refuses one more at once", async () => {
    const read = threadedResultsReader({ ...options, maxWaiting: 1 });
    const outcomes = await Promise.all(
      [1, 2, 3].map((i) => read(csv(10 * i), "ผล.csv", UPLOAD_LIMITS, SHIPPED)),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    expect(outcomes[2]).toMatchObject({ errors: [{ th: expect.stringContaining("ลองใหม่") }] });
  });
});
