import { z } from "zod/mini";
import { multiLineText } from "./text.ts";

// An agency's own wording of one recommendation in the analysis report: the LIFF form and
// PUT /api/agencies/:id/recommendations/:key refuse the same things with the same Thai words.
// The limit matches the table's check (migration 004) and the CLI's.

export const RECOMMENDATION_MAX_CHARS = 2000;

export const recommendationTextSchema = z.object({
  text: z
    .string({ error: "ใส่ข้อเสนอแนะ" })
    .check(
      multiLineText(),
      z.trim(),
      z.minLength(1, "ข้อเสนอแนะต้องไม่ว่าง"),
      z.maxLength(RECOMMENDATION_MAX_CHARS, "ข้อเสนอแนะยาวเกิน 2,000 ตัวอักษร"),
    ),
});

export type RecommendationText = z.output<typeof recommendationTextSchema>;
