import { zValidator } from "@hono/zod-validator";
import type { z } from "zod/mini";
import { fieldErrors } from "../../core/schemas/step-status.ts";

export const FIX_FIELDS = "กรุณาแก้ข้อมูลที่ระบุ";

type FieldErrors = (error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}) => Record<string, string>;

/**
 * A form's JSON body checked with its shared schema: 400 with one Thai message per field, named
 * as the form names them (`fieldErrors` by default, `formFieldErrors` for nested rows).
 */
export function formJson<T extends z.core.$ZodType>(schema: T, errorsOf: FieldErrors = fieldErrors) {
  return zValidator("json", schema, (result, c) => {
    if (!result.success) return c.json({ error: FIX_FIELDS, fields: errorsOf(result.error) }, 400);
  });
}
