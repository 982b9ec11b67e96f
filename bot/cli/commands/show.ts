import type { Kysely } from "kysely";
import { strengthsAndWeaknesses } from "../../../core/ita/analysis.ts";
import { formatScore } from "../../../core/ita/score.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { assessmentYears, loadAssessment } from "../../../db/repositories/assessments.ts";
import { readFrameworkCatalog } from "../../../db/repositories/frameworks.ts";
import type { Database } from "../../../db/schema.ts";
import { systemScope } from "../../../db/scope.ts";
import { defineCommand, UsageError, yearOption } from "../command.ts";

export const showCommand = defineCommand({
  name: "show",
  help: "  show --agency CODE [--year 2567] แสดงผลของหน่วยงาน",
  options: { agency: { type: "string" }, year: { type: "string" } },
  async run({ values }, deps) {
    const code = values.agency;
    if (!code) throw new UsageError("ต้องระบุ --agency รหัสหน่วยงาน");
    const year = yearOption(values.year);
    return deps.withDb(async (db) => {
      deps.out(await runShow(db, code, year));
      return 0;
    });
  },
});

/** `ita show --agency CODE [--year YYYY]`: one agency-year, every level, ranks and flags. */
export async function runShow(db: Kysely<Database>, code: string, year?: number): Promise<string> {
  const agency = await findAgencyByCode(db, code);
  if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${code} (no agency with code ${code})`);
  const scope = systemScope(agency.id);
  const years = await assessmentYears(db, scope);
  const lines = [
    `${agency.nameTh} (${agency.code}) ${agency.type} อ.${agency.district} จ.${agency.province}`,
  ];
  if (years.length === 0) return [...lines, "ยังไม่มีผลการประเมิน (no results yet)"].join("\n");
  const wanted = year ?? years[0]!;
  const stored = await loadAssessment(db, scope, wanted);
  if (!stored) {
    throw new UsageError(`ไม่มีผลปี ${wanted} — มีปี ${years.join(", ")} (no results for ${wanted})`);
  }
  const { assessment } = stored;
  const framework = (await readFrameworkCatalog(db)).get(wanted);
  if (!framework) throw new UsageError(`ไม่มีกรอบการประเมินปี ${wanted} (no framework for ${wanted})`);
  const mark = (source: string) => (source === "computed" ? " (คำนวณ)" : "");
  lines.push(`ปีงบประมาณ ${wanted} · มีผลปี ${years.join(", ")}`);
  if (assessment.total) {
    lines.push(
      `คะแนนรวม ${formatScore(assessment.total.value)}${mark(assessment.total.source)} ระดับ ${assessment.level ?? "-"}`,
    );
  }
  if (stored.national) {
    lines.push(
      `อันดับ ${stored.national.rank}/${stored.national.of} ของ${stored.agencyType}ทั่วประเทศ · ${stored.provincial!.rank}/${stored.provincial!.of} ในจังหวัด${stored.province}`,
    );
  }
  if (stored.reportedRank) lines.push(`อันดับที่ ITAS ประกาศ: ${stored.reportedRank}`);
  for (const kind of ["tool", "part", "indicator", "sub", "item"] as const) {
    const nodes = assessment.nodes.filter((n) => n.kind === kind);
    if (!nodes.length) continue;
    lines.push(
      `${{ tool: "เครื่องมือ", part: "ส่วนของเครื่องมือ", indicator: "ตัวชี้วัด", sub: "ตัวชี้วัดย่อย", item: "ข้อคำถาม" }[kind]}:`,
    );
    if (kind === "item") {
      for (let i = 0; i < nodes.length; i += 8) {
        lines.push(
          `  ${nodes
            .slice(i, i + 8)
            .map((n) => `${n.code} ${formatScore(n.value)}`)
            .join(" · ")}`,
        );
      }
      continue;
    }
    for (const n of nodes) {
      const name = kind === "indicator" ? ` ${framework.indicator(Number(n.code))?.nameTh ?? ""}` : "";
      lines.push(`  ${n.code}${name}  ${formatScore(n.value)}${mark(n.source)}`);
    }
  }
  const sw = strengthsAndWeaknesses(framework, assessment);
  if (sw.strengths.length + sw.weaknesses.length) {
    lines.push(
      `จุดอ่อน (ต่ำกว่า ${sw.threshold}): ${sw.weaknesses.map((w) => `${w.no} ${w.nameTh} ${formatScore(w.value)}`).join(" · ") || "ไม่มี"}`,
    );
  }
  for (const m of assessment.mismatches) {
    lines.push(`⚠ ${m.kind} ${m.code}: รายงาน ${m.reported} แต่คำนวณได้ ${m.computed} (reported vs computed)`);
  }
  return lines.join("\n");
}
