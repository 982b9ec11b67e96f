import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { ErrorBody } from "../../core/api/errors.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../db/errors.ts";
import { NotMembersError } from "../../db/repositories/measure-owners.ts";
import { StepInUseError } from "../../db/repositories/measure-steps.ts";
import { LastAdminError } from "../../db/repositories/members.ts";
import type { Logger } from "../log.ts";

export const FIX_FIELDS = "กรุณาแก้ข้อมูลที่ระบุ";
const LAST_ADMIN_TH =
  "หน่วยงานต้องมีผู้ดูแลอย่างน้อย 1 คน กรุณาแต่งตั้งสมาชิกอื่นเป็นผู้ดูแลก่อน จึงจะเปลี่ยนบทบาทหรือนำผู้ดูแลคนสุดท้ายออกได้";
export const NOT_MEMBERS_TH = "มีผู้ที่เลือกไม่ได้เป็นสมาชิกของหน่วยงานแล้ว กรุณาเลือกใหม่";
const STEP_IN_USE_TH = "ขั้นตอนนี้บันทึกผลการดำเนินงานไว้แล้ว จึงลบไม่ได้ หากไม่ทำแล้วให้อัปเดตสถานะเป็น “ยกเลิก”";
const BAD_INPUT_TH = "ข้อมูลที่ส่งมาไม่ถูกต้อง กรุณาตรวจสอบแล้วลองอีกครั้ง";
const BAD_VALUE_TH = "ค่าไม่ถูกต้อง";
const FORBIDDEN_TH = "ท่านไม่มีสิทธิ์ทำรายการนี้ในหน่วยงานนี้";
const DUPLICATE_TH = "ข้อมูลนี้ถูกบันทึกไว้แล้ว อาจมีผู้อื่นบันทึกพร้อมกัน กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง";
const NO_SUCH_ADDRESS_TH = "ไม่พบสิ่งที่ขอ";
const SERVER_ERROR_TH = "ขออภัย ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้งในภายหลัง";

/** What is not found, in the words of the page that asked (repositories name the entity). */
const NOT_FOUND_TH: Record<string, string | ((id: number | string) => string)> = {
  measure: "ไม่พบมาตรการนี้ในหน่วยงานของท่าน",
  step: "ไม่พบขั้นตอนนี้ในหน่วยงานของท่าน",
  member: "ไม่พบสมาชิกนี้ในหน่วยงานของท่าน",
  milestone: "ไม่พบวันสำคัญนี้ในหน่วยงานของท่าน",
  assessment: (year) => `ยังไม่มีผลคะแนนของปี ${year}`,
  framework: (year) => `ไม่มีกรอบการประเมินของปี ${year}`,
};
const NOT_FOUND_DEFAULT_TH = "ไม่พบข้อมูลนี้ในหน่วยงานของท่าน";

/** Hono's own refusals carry English text; the person sees these instead. */
const STATUS_TH: Partial<Record<number, string>> = {
  400: BAD_INPUT_TH,
  401: "กรุณาเปิดแอปจาก LINE",
  403: FORBIDDEN_TH,
  404: NO_SUCH_ADDRESS_TH,
  413: "ข้อมูลที่ส่งมาใหญ่เกินไป",
  429: "มีการใช้งานถี่เกินไป กรุณารอสักครู่แล้วลองใหม่",
};

/** Repositories write their messages in Thai when a person is meant to read them, in English for logs. */
const THAI = /[\u0E00-\u0E7F]/;
const thaiOr = (message: string, fallback: string) => (THAI.test(message) ? message : fallback);

/** A repository's refusal of the input in words a person may read (for a route that names the field). */
export const inThai = (error: ValidationError) => thaiOr(error.message, BAD_INPUT_TH);

/**
 * A refusal the server words itself: thrown anywhere (a route, a guard, a middleware) and answered
 * by the error handler. It is an HTTPException so that an app without that handler (Hono's
 * default) still answers the same JSON.
 */
export class Refusal extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: body.error });
  }

  override getResponse(): Response {
    return Response.json(this.body, { status: this.status, headers: this.headers });
  }
}

/** A form's fields to fix (400). */
export const badFields = (fields: Record<string, string>, error = FIX_FIELDS) =>
  new Refusal(400, { error, fields });

/** Field → its first message; a message not written for people is replaced by a plain Thai one. */
function zodFields(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    out[issue.path.map(String).join(".") || "_"] ??= thaiOr(issue.message, BAD_VALUE_TH);
  }
  return out;
}

/** PostgreSQL's code of a database error (pg and PGlite both set it). */
function sqlState(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** The answer to an error the code expects, or undefined for one it does not. */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof Refusal) return error;
  if (error instanceof HTTPException && error.status < 500) {
    return new Refusal(error.status, { error: STATUS_TH[error.status] ?? BAD_INPUT_TH });
  }
  if (error instanceof z.core.$ZodError) return badFields(zodFields(error));
  if (error instanceof NotMembersError) return badFields({ ownerIds: NOT_MEMBERS_TH });
  if (error instanceof LastAdminError) return new Refusal(400, { error: LAST_ADMIN_TH });
  if (error instanceof ValidationError) return new Refusal(400, { error: inThai(error) });
  if (error instanceof ForbiddenError)
    return new Refusal(403, { error: thaiOr(error.message, FORBIDDEN_TH) });
  if (error instanceof NotFoundError) {
    const words = NOT_FOUND_TH[error.entity] ?? NOT_FOUND_DEFAULT_TH;
    return new Refusal(404, { error: typeof words === "function" ? words(error.id) : words });
  }
  if (error instanceof StepInUseError) return new Refusal(409, { error: STEP_IN_USE_TH });
  // unique_violation: two people saving the same thing at once.
  if (sqlState(error) === "23505") return new Refusal(409, { error: DUPLICATE_TH });
  return undefined;
}

/**
 * What may be logged of an error. Database errors carry the statement's parameters and a detail
 * quoting the row (PGlite: `params`, `detail`), which are people's data: only the name, message,
 * SQL state, constraint and stack frames are kept.
 */
export function loggable(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: typeof error };
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(typeof constraint === "string" ? { constraint } : {}),
    ...(error.stack
      ? {
          stack: error.stack
            .split("\n")
            .slice(1, 9)
            .map((l) => l.trim()),
        }
      : {}),
    ...(error.cause !== undefined && depth < 2 ? { cause: loggable(error.cause, depth + 1) } : {}),
  };
}

/**
 * The one error path: known errors become their Thai answer; anything else is logged with the
 * request id and answered 500, its details kept out of the answer.
 */
export function errorHandler(fallbackLog: Logger): ErrorHandler {
  return (error, c: Context) => {
    const vars = c.var as { log?: Logger; requestId?: string };
    const log = vars.log ?? fallbackLog;
    const refusal = refusalOf(error);
    if (refusal) {
      // A duplicate row can be a bug as well as a race: kept in sight.
      if (sqlState(error) === "23505")
        log.warn("duplicate refused", { path: c.req.path, error: loggable(error) });
      return c.json(refusal.body, refusal.status, refusal.headers);
    }
    log.error("unexpected error", {
      requestId: vars.requestId,
      method: c.req.method,
      path: c.req.path,
      error: loggable(error),
    });
    const reference = vars.requestId ? ` (รหัสอ้างอิง ${vars.requestId.slice(0, 8)})` : "";
    return c.json({ error: `${SERVER_ERROR_TH}${reference}` } satisfies ErrorBody, 500);
  };
}

/** An address nothing answers (a mistyped link, an empty id): Thai, as JSON like every refusal. */
export const notFoundHandler: NotFoundHandler = (c) =>
  c.json({ error: NO_SUCH_ADDRESS_TH } satisfies ErrorBody, 404);
