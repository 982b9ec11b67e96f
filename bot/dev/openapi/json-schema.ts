/** The JSON Schema the validator runs on (what openapi-to-json-schema.ts makes of an OpenAPI document). */

export type JsonType = "object" | "array" | "string" | "integer" | "number" | "boolean" | "null";

export interface JsonSchema {
  $ref?: string;
  type?: JsonType | JsonType[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  pattern?: string;
  format?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  /** Report one issue with this message (at `property` below the current path, if given) instead of the subtree's. */
  "x-error"?: string | { property?: string; message: string };
  [annotation: string]: unknown;
}

/** The transformed document: every component schema under `$defs`, references as `#/$defs/Name`. */
export interface JsonSchemaDocument {
  $defs: Record<string, JsonSchema>;
}

export interface ValidationIssue {
  /** Where, as LINE names it: `messages[0].contents.body.contents[1].text`; "" for the value itself. */
  property: string;
  message: string;
}

/** How an OpenAPI document refers to a component schema, and how the transformed document does. */
export const OPENAPI_REF = "#/components/schemas/";
export const DEFS_REF = "#/$defs/";

/** JSON Schema's `if`/`then`, built in one place: linters take a `then` key for a thenable. */
export function ifThen(condition: JsonSchema, consequence: JsonSchema): JsonSchema {
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise
  return { if: condition, then: consequence };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
