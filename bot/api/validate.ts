import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { z } from "zod";
import { fieldErrors } from "../../core/schemas/step-status.ts";
import { FIX_FIELDS, Refusal } from "../http/errors.ts";

/** The largest id a PostgreSQL integer column holds: a larger one is a bad address, not a 500. */
const MAX_ID = 2_147_483_647;

/** A database id in a path: plain digits, no sign, exponent or leading zero, within an integer column. */
export const dbId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

type Issues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
type FieldErrors = (error: Issues) => Record<string, string>;

export const BAD_ADDRESS = "ที่อยู่ของหน้านี้ไม่ถูกต้อง กรุณาเปิดจากเมนูของแอปอีกครั้ง";
const BAD_QUERY = "คำขอไม่ถูกต้อง กรุณาเปิดจากเมนูของแอปอีกครั้ง";

/** Path and query values come from the app, not from a person: the names are enough to debug. */
const namesOnly: FieldErrors = (error) =>
  Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "_"), "ค่าไม่ถูกต้อง"]));

function checked<T extends z.core.$ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  message: string,
  errorsOf: FieldErrors,
  status: 400 | 404 = 400,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new Refusal(status, { error: message, fields: errorsOf(result.error) });
  });
}

/**
 * A form's JSON body checked with its shared schema: 400 with one Thai message per field, named
 * as the form names them (`fieldErrors` by default, `formFieldErrors` for nested rows).
 */
export const formJson = <T extends z.core.$ZodType>(schema: T, errorsOf: FieldErrors = fieldErrors) =>
  checked("json", schema, FIX_FIELDS, errorsOf);

/** A path that names no row there could be (`abc`, 0, past an integer column) is not found: 404. */
export const validParams = <T extends z.core.$ZodType>(schema: T) =>
  checked("param", schema, BAD_ADDRESS, namesOnly, 404);

export const validQuery = <T extends z.core.$ZodType>(schema: T) =>
  checked("query", schema, BAD_QUERY, namesOnly);
