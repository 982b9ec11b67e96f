/**
 * A small JSON-Schema validator for the documents openapi-to-json-schema.ts makes. It covers the keywords these
 * documents use: $ref, type, nullable, enum, const, properties, required, additionalProperties, items,
 * min/max(Length|Items), minimum, maximum, multipleOf, pattern, format (uri), allOf, anyOf, oneOf, if/then/else,
 * plus `x-error` to replace a subtree's errors with one readable message. Issues name the property the way LINE's
 * error `details` do: `messages[0].contents.body`, with LINE's wording.
 */
import {
  DEFS_REF,
  isObject,
  type JsonSchema,
  type JsonSchemaDocument,
  type JsonType,
  type ValidationIssue,
} from "./json-schema.ts";

export interface SchemaValidator {
  /** The transformed JSON-Schema document the validator runs on. */
  readonly document: JsonSchemaDocument;
  has(schemaName: string): boolean;
  /** All issues of `value` against the named schema; [] when valid. `at` prefixes every property path. */
  validate(schemaName: string, value: unknown, at?: string): ValidationIssue[];
}

export function createSchemaValidator(document: JsonSchemaDocument): SchemaValidator {
  const patterns = new Map<string, RegExp>();
  const regex = (source: string) => {
    let re = patterns.get(source);
    if (!re) {
      re = new RegExp(source, "u");
      patterns.set(source, re);
    }
    return re;
  };

  const resolve = (ref: string): JsonSchema => {
    const name = ref.startsWith(DEFS_REF) ? ref.slice(DEFS_REF.length) : undefined;
    const schema = name === undefined ? undefined : document.$defs[name];
    if (!schema) throw new Error(`Unresolvable $ref ${ref}`);
    return schema;
  };

  const check = (schema: JsonSchema, value: unknown, path: string, issues: ValidationIssue[]): void => {
    const custom = schema["x-error"];
    if (custom !== undefined) {
      const inner: ValidationIssue[] = [];
      checkPlain(schema, value, path, inner);
      if (inner.length > 0) {
        const { property, message } =
          typeof custom === "string" ? { property: undefined, message: custom } : custom;
        issues.push({ property: property ? child(path, property) : path, message });
      }
      return;
    }
    checkPlain(schema, value, path, issues);
  };

  const checkPlain = (schema: JsonSchema, value: unknown, path: string, issues: ValidationIssue[]): void => {
    if (schema.$ref !== undefined) check(resolve(schema.$ref), value, path, issues);

    if (value === null && (schema.nullable || typeList(schema.type)?.includes("null"))) return;
    const types = typeList(schema.type);
    if (types && !types.some((t) => hasType(value, t))) {
      issues.push({ property: path, message: `Must be ${types.map(article).join(" or ")}` });
      return;
    }

    if (schema.const !== undefined && !deepEqual(value, schema.const)) {
      issues.push({ property: path, message: `Must be ${JSON.stringify(schema.const)}` });
    }
    if (schema.enum && !schema.enum.some((allowed) => deepEqual(value, allowed))) {
      issues.push({
        property: path,
        message: `Must be one of the following values: [${schema.enum.map(String).join(", ")}]`,
      });
    }

    if (typeof value === "string") {
      const length = value.length;
      if (
        (schema.minLength !== undefined && length < schema.minLength) ||
        (schema.maxLength !== undefined && length > schema.maxLength)
      ) {
        issues.push({
          property: path,
          message:
            schema.maxLength === undefined
              ? schema.minLength === 1
                ? "May not be empty"
                : `Length must be at least ${schema.minLength}`
              : `Length must be between ${schema.minLength ?? 0} and ${schema.maxLength}`,
        });
      }
      if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
        issues.push({ property: path, message: `Must match the pattern ${schema.pattern}` });
      }
      if (schema.format === "uri" && !isAbsoluteUri(value)) {
        issues.push({ property: path, message: "Must be an absolute URI" });
      }
    }

    if (typeof value === "number") {
      if (schema.minimum !== undefined && value < schema.minimum) {
        issues.push({ property: path, message: `Must be greater than or equal to ${schema.minimum}` });
      }
      if (schema.maximum !== undefined && value > schema.maximum) {
        issues.push({ property: path, message: `Must be less than or equal to ${schema.maximum}` });
      }
      if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf)) {
        issues.push({ property: path, message: `Must be a multiple of ${schema.multipleOf}` });
      }
    }

    if (Array.isArray(value)) {
      if (
        (schema.minItems !== undefined && value.length < schema.minItems) ||
        (schema.maxItems !== undefined && value.length > schema.maxItems)
      ) {
        issues.push({
          property: path,
          message:
            schema.maxItems === undefined
              ? `Size must be at least ${schema.minItems}`
              : `Size must be between ${schema.minItems ?? 0} and ${schema.maxItems}`,
        });
      }
      if (schema.items) {
        const items = schema.items;
        value.forEach((item, i) => {
          check(items, item, `${path}[${i}]`, issues);
        });
      }
    }

    if (isObject(value)) {
      for (const key of schema.required ?? []) {
        if (value[key] === undefined)
          issues.push({ property: child(path, key), message: "must be specified" });
      }
      const properties = schema.properties ?? {};
      for (const [key, propertySchema] of Object.entries(properties)) {
        if (value[key] !== undefined) check(propertySchema, value[key], child(path, key), issues);
      }
      const additional = schema.additionalProperties;
      if (additional !== undefined && additional !== true) {
        for (const [key, item] of Object.entries(value)) {
          if (key in properties || item === undefined) continue;
          if (additional === false) issues.push({ property: child(path, key), message: "Unknown property" });
          else check(additional, item, child(path, key), issues);
        }
      }
    }

    for (const part of schema.allOf ?? []) check(part, value, path, issues);

    if (schema.anyOf || schema.oneOf) {
      const branches = schema.anyOf ?? schema.oneOf ?? [];
      const results = branches.map((branch) => {
        const found: ValidationIssue[] = [];
        check(branch, value, path, found);
        return found;
      });
      const passing = results.filter((found) => found.length === 0).length;
      if (passing === 0) {
        const best = results.reduce((a, b) => (b.length < a.length ? b : a), results[0] ?? []);
        issues.push(...best);
      } else if (schema.oneOf && passing > 1) {
        issues.push({ property: path, message: "Matches more than one allowed form" });
      }
    }

    if (schema.if) {
      const condition: ValidationIssue[] = [];
      check(schema.if, value, path, condition);
      const branch = condition.length === 0 ? schema.then : schema.else;
      if (branch) check(branch, value, path, issues);
    }
  };

  return {
    document,
    has: (name) => name in document.$defs,
    validate(name, value, at = "") {
      const issues: ValidationIssue[] = [];
      check(resolve(DEFS_REF + name), value, at, issues);
      return dedupe(issues);
    },
  };
}

function child(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function typeList(type: JsonSchema["type"]): JsonType[] | undefined {
  return type === undefined ? undefined : Array.isArray(type) ? type : [type];
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

function article(type: JsonType): string {
  return type === "null"
    ? "null"
    : `${type === "object" || type === "array" || type === "integer" ? "an" : "a"} ${type}`;
}

function isAbsoluteUri(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) && URL.canParse(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.property}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
