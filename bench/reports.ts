// `npm run bench -- reports`: official reports at national scale. Generates the national dataset
// of bench/scale.ts (8,300 fictional agencies, fiscal years 2567 and 2568 with item scores), gives
// a sample of agencies seven measures with steps for 2568, then times one report cold (first in
// the process: fonts, resvg and code loading included), every kind × format over the sample, and
// the batch path (renderAll: gather, render, write the file). With --all it also runs the real
// batch over every agency; without it the national figure is extrapolated from the sample.
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderAll } from "../bot/reports/batch.ts";
import { renderReport } from "../bot/reports/render.ts";
import { createDb } from "../db/client.ts";
import { generateAgencies, generateNational } from "../db/demo/generate.ts";
import { migrate } from "../db/migrate.ts";
import { findAgencyByCode } from "../db/repositories/agencies.ts";
import { readFrameworkCatalog } from "../db/repositories/frameworks.ts";
import { createMeasure } from "../db/repositories/measures.ts";
import { applyResults } from "../db/repositories/results.ts";
import { type AgencyScope, systemScope } from "../db/scope.ts";
import { fmt, median, percentile, timeIt } from "./stats.ts";

const YEARS = [2567, 2568];

export async function runReportsBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      agencies: { type: "string", default: "8300" },
      sample: { type: "string", default: "100" },
      all: { type: "boolean", default: false },
    },
  });
  const count = Number(values.agencies);
  const sample = Math.min(Number(values.sample), count);
  console.log(`reports: ${count} agencies × fiscal years ${YEARS.join(", ")}, sample ${sample}, PGlite`);
  // PGlite: rendering is CPU-bound and the data look-ups are the same few queries on either database.
  const h = await createDb({});
  const out = await mkdtemp(join(tmpdir(), "prongsai-reports-"));
  try {
    await migrate(h.db);
    const frameworks = await readFrameworkCatalog(h.db);
    const agencies = generateAgencies(count);
    const load = await timeIt(async () => {
      for (const { records } of generateNational(agencies, frameworks, YEARS)) {
        for (let i = 0; i < records.length; i += 1000) {
          await applyResults(
            h.db,
            records.slice(i, i + 1000),
            { label: "bench:reports" },
            "imported",
            frameworks,
          );
        }
      }
    });
    console.log(`loaded ${count} agencies × ${YEARS.length} years in ${fmt(load.ms)}`);

    const step = Math.max(1, Math.floor(count / sample));
    const codes = agencies
      .filter((_, i) => i % step === 0)
      .slice(0, sample)
      .map((a) => a.code);
    const scopes: AgencyScope[] = [];
    for (const code of codes) {
      const scope = systemScope((await findAgencyByCode(h.db, code))!.id);
      scopes.push(scope);
      for (let m = 1; m <= 7; m++) {
        await createMeasure(
          h.db,
          scope,
          { label: "bench:reports" },
          {
            fiscalYear: 2568,
            title: `มาตรการที่ ${m} ยกระดับการเปิดเผยข้อมูลและการป้องกันการทุจริตของหน่วยงาน`,
            method: "จัดทำคู่มือ แต่งตั้งผู้รับผิดชอบ เผยแพร่บนเว็บไซต์ และรายงานผลต่อผู้บริหารทุกเดือน",
            responsibleUnit: "สำนักปลัด",
            periodText: "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘",
            status: m <= 3 ? "done" : "in_progress",
            resultSummary: "ดำเนินการตามแผนแล้ว มีคำสั่งและหลักฐานการเผยแพร่",
            steps: [1, 2, 3].map((k) => ({
              title: `ขั้นตอนที่ ${k} ดำเนินการและรายงานผล`,
              dueOn: `2025-0${k + 2}-28`,
              status: k <= 2 ? ("done" as const) : ("not_started" as const),
              ...(k <= 2 ? { doneOn: `2025-0${k + 2}-20` } : {}),
            })),
          },
        );
      }
    }

    const cold = await timeIt(() =>
      renderReport(h.db, scopes[0]!, { kind: "analysis", year: 2567, format: "pdf", frameworks }),
    );
    console.log(
      `first report in the process (cold: fonts, resvg, code): ${fmt(cold.ms)}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    );

    // Wall time and this process's CPU time (user + system): on a shared machine the CPU time is
    // what the work costs, the wall time what a user waits.
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const rows: string[] = [];
    for (const kind of ["analysis", "progress"] as const) {
      for (const format of ["pdf", "docx"] as const) {
        const times: number[] = [];
        const cpu: number[] = [];
        let bytes = 0;
        for (const scope of scopes) {
          const year = kind === "analysis" ? 2567 : 2568;
          const c0 = cpuMs();
          const r = await timeIt(() => renderReport(h.db, scope, { kind, year, format, frameworks }));
          cpu.push(cpuMs() - c0);
          times.push(r.ms);
          bytes += r.value.bytes.length;
        }
        const meanCpu = cpu.reduce((s, t) => s + t, 0) / cpu.length;
        rows.push(
          `| ${kind} | ${format} | ${fmt(median(times))} | ${fmt(percentile(times, 95))} | ${fmt(Math.max(...times))} | ${fmt(median(cpu))} | ${Math.round(bytes / times.length / 1024)} KB | ${((meanCpu * count) / 60000).toFixed(1)} min |`,
        );
      }
    }
    console.log(
      `\n| report | format | wall median | wall p95 | wall max | CPU median | size | ${count} agencies at the mean CPU time, one core |`,
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const r of rows) console.log(r);

    const c0 = cpuMs();
    const batch = await timeIt(() =>
      renderAll(h.db, {
        kind: "analysis",
        year: 2567,
        format: "pdf",
        frameworks,
        outDir: join(out, "batch"),
        limit: sample,
      }),
    );
    const perBatch = batch.ms / batch.value.written;
    const perBatchCpu = (cpuMs() - c0) / batch.value.written;
    console.log(
      `\nbatch (renderAll, analysis PDF, ${batch.value.written} agencies written to disk): ${fmt(batch.ms)}; per report ${fmt(perBatch)} wall, ${fmt(perBatchCpu)} CPU → ${count} agencies: ${((perBatch * count) / 60000).toFixed(1)} min at this wall time, ${((perBatchCpu * count) / 60000).toFixed(1)} min of CPU (extrapolated)`,
    );
    if (values.all) {
      let last = 0;
      const f0 = cpuMs();
      const full = await timeIt(() =>
        renderAll(h.db, {
          kind: "analysis",
          year: 2567,
          format: "pdf",
          frameworks,
          outDir: join(out, "all"),
          onReport: (done) => {
            if (done - last >= 500) {
              last = done;
              console.log(`  ${done} …`);
            }
          },
        }),
      );
      console.log(
        `full batch (analysis PDF, every agency): ${full.value.written} written, ${full.value.failed.length} failed, ${fmt(full.ms)} wall, ${fmt(cpuMs() - f0)} CPU, ${(full.value.bytes / 1e6).toFixed(0)} MB, load average ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  } finally {
    await rm(out, { recursive: true, force: true });
    await h.close();
  }
}
