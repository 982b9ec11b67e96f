import type { ClientResponse, InferResponseType } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { ErrorBody } from "../../../core/api/errors.ts";
import type { FileRefusal } from "../../../core/api/results.ts";

// How every call of the app reaches /api and what it makes of the answer: one place for the
// network failure, the server's Thai refusals, a form's field messages and a file's problems.

/** A failed call, with the server's Thai message (or ours when the server could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A form's field messages, named as the form names its fields. */
    readonly fields: Record<string, string> = {},
    /** The refusal as sent, for one that is not an error body (a results file's problems). */
    readonly answer?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const UNREACHABLE = "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง";

type Send = () => Promise<ClientResponse<unknown>>;

/** What a route answers when it succeeds, as its handler types it: a change there shows up here. */
export type Success<Route> = InferResponseType<Route, SuccessStatusCode>;

/**
 * Sends one call through the typed client: the JSON of its success (2xx) answer, or an ApiError
 * with the server's Thai words, or ours when the server cannot be reached.
 */
export async function call<S extends Send>(send: S): Promise<Success<S>> {
  let res: ClientResponse<unknown>;
  try {
    res = await send();
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as Success<S>;
}

/** A form's answer: done, or the server's Thai message with one per field. */
export type FormResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; fields: Record<string, string> };

/** A form's call: its value, or the input refused (400) with each field's message; else an ApiError. */
export async function form<T>(answer: Promise<T>): Promise<FormResult<T>> {
  try {
    return { ok: true, value: await answer };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return { ok: false, message: error.message, fields: error.fields };
    }
    throw error;
  }
}

/** A results file's answer: what it holds, or every problem with its row and column. */
export type FileCheck<T> = T | FileRefusal;

/** A refused file comes with its problems (400, or 413 when too large); anything else is an ApiError. */
export async function fileCheck<T>(answer: Promise<T>): Promise<FileCheck<T>> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 413)) {
      const errors = (error.answer as Partial<FileRefusal> | undefined)?.errors;
      if (Array.isArray(errors)) return { ok: false, errors };
    }
    throw error;
  }
}

async function refusal(res: ClientResponse<unknown>): Promise<ApiError> {
  const answer: unknown = await res.json().catch(() => undefined);
  const { error, fields } = (answer ?? {}) as { [K in keyof ErrorBody]?: unknown };
  const message = typeof error === "string" ? error : `เกิดข้อผิดพลาด (${res.status}) กรุณาลองอีกครั้ง`;
  return new ApiError(res.status, message, stringRecord(fields), answer);
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}
