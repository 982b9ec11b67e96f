import { z } from "zod/mini";
import { parseScore, type Score } from "../ita/score.ts";
import { toArabicDigits } from "../thai/digits.ts";
import { convert, refuse } from "./convert.ts";

// Scores typed in by hand (the LIFF score entry form and POST /api/agencies/:id/results/entry):
// decimal strings, Thai digits accepted, two decimals at most. The same schema checks the form
// in the browser and the request on the server, so both say the same thing in the same words.
// Which tools and indicators a year has is checked on the server against that year's framework.

/** One score cell: "" or missing is "not given"; "๙๗.๑๕" is 97.15. */
const scoreCell = convert(
  z.optional(z.string({ error: "ใส่คะแนนเป็นตัวเลข เช่น 86.19" })),
  (raw, ctx): Score | undefined => {
    const text = toArabicDigits((raw ?? "").trim());
    if (text === "") return undefined;
    const parsed = parseScore(text);
    if (!parsed.ok) {
      return refuse(
        ctx,
        parsed.reason === "format"
          ? `'${raw?.trim()}' ไม่ใช่ตัวเลข ใส่คะแนน เช่น 86.19 (ไม่ทราบให้เว้นว่าง)`
          : "คะแนนต้องอยู่ระหว่าง 0 ถึง 100",
      );
    }
    if (parsed.rounded) return refuse(ctx, "ใส่ทศนิยมไม่เกิน 2 ตำแหน่ง");
    return parsed.value;
  },
);

const scoreMap = convert(z.optional(z.record(z.string(), scoreCell)), (values) => {
  const out: Record<string, Score> = {};
  for (const [code, value] of Object.entries(values ?? {})) if (value !== undefined) out[code] = value;
  return out;
});

export const resultsEntrySchema = z
  .object({
    year: z.pipe(
      convert(z.union([z.number(), z.string()], { error: "เลือกปีงบประมาณ" }), (v) =>
        typeof v === "number" ? v : Number(toArabicDigits(v.trim()) || Number.NaN),
      ),
      z
        .number({ error: "เลือกปีงบประมาณ" })
        .check(
          z.int("เลือกปีงบประมาณ"),
          z.gte(2500, "ใส่ปีงบประมาณเป็น พ.ศ. เช่น 2567"),
          z.lte(2700, "ใส่ปีงบประมาณเป็น พ.ศ. เช่น 2567"),
        ),
    ),
    total: scoreCell,
    tools: scoreMap,
    indicators: scoreMap,
  })
  .check(
    z.superRefine((entry, ctx) => {
      const given =
        entry.total !== undefined ||
        Object.keys(entry.tools).length > 0 ||
        Object.keys(entry.indicators).length > 0;
      if (!given) ctx.addIssue({ code: "custom", path: ["total"], message: "กรอกคะแนนอย่างน้อยหนึ่งช่อง" });
    }),
  );

export type ResultsEntryInput = z.input<typeof resultsEntrySchema>;
export type ResultsEntry = z.output<typeof resultsEntrySchema>;

/** Field → first Thai message; nested fields are named "tools.IIT", "indicators.4". */
export function entryFieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    out[field] ??= issue.message;
  }
  return out;
}
