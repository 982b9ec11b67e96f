import { z } from "zod";
import type { ScoreInput } from "../../../core/ita/assessment.ts";
import type { Framework, FrameworkCatalog } from "../../../core/ita/catalog.ts";
import { formatScore, parseScore, type Score } from "../../../core/ita/score.ts";
import { scoreAssessment } from "../../../core/ita/scoring.ts";
import { toArabicDigits } from "../../../core/thai/digits.ts";
import { readFrameworkCatalog } from "../../../db/repositories/frameworks.ts";
import { defineCommand, UsageError, yearOption } from "../command.ts";

const scoreValue = z.union([z.string(), z.number()]).transform((v, ctx): Score => {
  // A JSON number is read through its shortest decimal text (94.15 -> "94.15"), never as a float.
  const parsed = parseScore(toArabicDigits(String(v)));
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: `ไม่ใช่คะแนน 0–100: ${v} (not a score 0–100)` });
    return z.NEVER;
  }
  return parsed.value;
});
const scoreMap = z.record(z.string(), scoreValue).optional();

export const scoreRequestSchema = z
  .object({
    items: scoreMap,
    subIndicators: scoreMap,
    indicators: scoreMap,
    parts: scoreMap,
    tools: scoreMap,
    total: scoreValue.optional(),
    level: z.string().optional(),
  })
  .strict();

export interface ScoreOutput {
  year: number;
  indicators: Record<string, string>;
  tools: Record<string, string>;
  total: string | null;
  level: string | null;
  mismatches: { kind: string; code: string; reported: string; computed: string }[];
}

export const scoreCommand = defineCommand({
  name: "score",
  help: "  score --year 2567 < input.json   คำนวณคะแนนจาก JSON ตามกรอบการประเมินของปีในฐานข้อมูล",
  options: { year: { type: "string" } },
  async run({ values }, deps) {
    const year = yearOption(values.year);
    if (!year) throw new UsageError("ต้องระบุ --year เช่น --year 2567");
    const input = await deps.stdin();
    return deps.withDb(async (db) => {
      deps.out(JSON.stringify(runScore(await readFrameworkCatalog(db), year, input), null, 2));
      return 0;
    });
  },
});

/**
 * `ita score --year YYYY`: a JSON object of known scores in, every level out as two-decimal
 * strings, under the year's framework as the database holds it (an imported year included).
 */
export function runScore(frameworks: FrameworkCatalog, year: number, json: string): ScoreOutput {
  const framework = frameworks.get(year);
  if (!framework) throw new UsageError(`ไม่มีกรอบการประเมินปี ${year} — มีปี ${frameworks.years.join(", ")}`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new UsageError(`อ่าน JSON ไม่ได้ (invalid JSON): ${(e as Error).message}`);
  }
  const parsed = scoreRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new UsageError(`ข้อมูลไม่ถูกต้อง (invalid input):\n${lines.join("\n")}`);
  }
  const input = knownCodes(framework, parsed.data as ScoreInput);
  const a = scoreAssessment(framework, input);
  const pick = (kind: string) =>
    Object.fromEntries(a.nodes.filter((n) => n.kind === kind).map((n) => [n.code, formatScore(n.value)]));
  return {
    year,
    indicators: pick("indicator"),
    tools: pick("tool"),
    total: a.total ? formatScore(a.total.value) : null,
    level: a.level ?? null,
    mismatches: a.mismatches,
  };
}

/** Canonical codes of the year, or a UsageError naming every code the year does not have. */
function knownCodes(framework: Framework, input: ScoreInput): ScoreInput {
  const unknown: string[] = [];
  const subCodes = new Set(framework.indicators.flatMap((i) => (i.subIndicators ?? []).map((s) => s.code)));
  const keep = (
    group: Record<string, Score> | undefined,
    name: string,
    canonical: (code: string) => string | undefined,
  ): Record<string, Score> | undefined => {
    if (!group) return undefined;
    const out: Record<string, Score> = {};
    for (const [code, value] of Object.entries(group)) {
      const c = canonical(code);
      if (c === undefined) unknown.push(`${name}.${code}`);
      else out[c] = value;
    }
    return out;
  };
  const out: ScoreInput = { ...input };
  const items = keep(input.items, "items", (c) => framework.item(c)?.code);
  const subIndicators = keep(input.subIndicators, "subIndicators", (c) => (subCodes.has(c) ? c : undefined));
  const indicators = keep(input.indicators, "indicators", (c) =>
    framework.indicator(Number(toArabicDigits(c))) ? String(Number(toArabicDigits(c))) : undefined,
  );
  const parts = keep(input.parts, "parts", (c) => framework.partCodes.find((p) => p === c.toUpperCase()));
  const tools = keep(input.tools, "tools", (c) => framework.tool(c)?.code);
  if (unknown.length) {
    throw new UsageError(
      `ไม่มีรหัสเหล่านี้ในกรอบการประเมินปี ${framework.year} (unknown for ${framework.year}): ${unknown.join(", ")}`,
    );
  }
  if (items) out.items = items;
  if (subIndicators) out.subIndicators = subIndicators;
  if (indicators) out.indicators = indicators;
  if (parts) out.parts = parts;
  if (tools) out.tools = tools;
  return out;
}
