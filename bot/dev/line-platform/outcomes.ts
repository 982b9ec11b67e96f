/** What an endpoint answers: a status, LINE's JSON error body (with `details` for invalid fields), headers. */
import type { ValidationIssue } from "../openapi/json-schema.ts";

export interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function error(status: number, message: string, details?: ValidationIssue[]): Outcome {
  return { status, body: details && details.length > 0 ? { message, details } : { message } };
}

export function invalid(issues: ValidationIssue[]): Outcome {
  return error(400, `The request body has ${issues.length} error(s)`, issues);
}
