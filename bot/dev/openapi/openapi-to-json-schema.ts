/**
 * Reads an OpenAPI 3.0 document (LINE's `messaging-api.yml`) and rewrites its schemas into standard JSON Schema.
 *
 * OpenAPI's `discriminator` is not JSON Schema: a parent such as `FlexComponent` names its subtypes in
 * `discriminator.mapping`, and each subtype inherits the parent through `allOf: [{$ref: parent}]`. A plain
 * JSON-Schema validator would accept `{ "type": "nonsense" }` as a FlexComponent. `openApiToJsonSchema` therefore
 * rewrites the components:
 *
 * - the parent `P` becomes a dispatcher: `type` must be one of the mapping's keys, and an `if`/`then` per key
 *   sends the value to that subtype;
 * - the parent's own properties move to `P.base`, and each subtype's `allOf` points there instead of at `P` (no
 *   infinite dispatch loop);
 * - each subtype pins its discriminator to its own key(s), so a subtype referenced directly (a carousel's
 *   `contents` are `FlexBubble`s) still refuses another type.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import {
  DEFS_REF,
  ifThen,
  isObject,
  type JsonSchema,
  type JsonSchemaDocument,
  OPENAPI_REF,
} from "./json-schema.ts";

export interface OpenApiDocument {
  components?: { schemas?: Record<string, JsonSchema> };
  [key: string]: unknown;
}

/** Name suffix of a discriminator parent's own (non-dispatching) schema. */
export const BASE_SUFFIX = ".base";

/** LINE's published spec, vendored in the repository (spec/README.md). */
export const DEFAULT_MESSAGING_API_SPEC = new URL("./spec/messaging-api.yml", import.meta.url);

export function loadOpenApiDocument(path: string | URL = DEFAULT_MESSAGING_API_SPEC): OpenApiDocument {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the OpenAPI spec at ${file}: ${(error as Error).message}`);
  }
  const doc = parseYaml(text) as unknown;
  if (!isObject(doc) || !isObject(doc.components) || !isObject(doc.components.schemas)) {
    throw new Error(`${file} is not an OpenAPI document with components.schemas`);
  }
  return doc as OpenApiDocument;
}

/**
 * Turns `components.schemas` into a standard JSON-Schema `$defs` document (see the file comment), and appends each
 * supplement to its schema with `allOf` (to `P.base` for a discriminator parent, so every subtype inherits it).
 */
export function openApiToJsonSchema(
  schemas: Record<string, JsonSchema>,
  supplements: Record<string, JsonSchema> = {},
): JsonSchemaDocument {
  const defs: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) defs[name] = rewriteRefs(schema) as JsonSchema;

  // Parents with a discriminator, and what each subtype's discriminator must say.
  const parents = new Map<string, { propertyName: string; mapping: Map<string, string> }>();
  const pins = new Map<string, Map<string, string[]>>(); // subtype -> propertyName -> allowed values
  for (const [name, schema] of Object.entries(defs)) {
    const discriminator = schema.discriminator;
    if (!discriminator) continue;
    const mapping = new Map<string, string>();
    if (discriminator.mapping) {
      for (const [value, ref] of Object.entries(discriminator.mapping)) mapping.set(value, refName(ref));
    } else {
      // OpenAPI default: the value is the name of a schema that inherits the parent.
      for (const [child, childSchema] of Object.entries(defs)) {
        if (childSchema.allOf?.some((s) => s.$ref === DEFS_REF + name)) mapping.set(child, child);
      }
    }
    for (const [value, child] of mapping) {
      if (!defs[child]) throw new Error(`${name}: discriminator maps "${value}" to unknown schema ${child}`);
      const byProperty = pins.get(child) ?? new Map<string, string[]>();
      byProperty.set(discriminator.propertyName, [
        ...(byProperty.get(discriminator.propertyName) ?? []),
        value,
      ]);
      pins.set(child, byProperty);
    }
    parents.set(name, { propertyName: discriminator.propertyName, mapping });
  }

  // Subtypes inherit the parent's base, not the dispatcher, and pin their own discriminator value.
  for (const [name, schema] of Object.entries(defs)) {
    if (schema.allOf) {
      schema.allOf = schema.allOf.map((part) => {
        const parent = part.$ref?.startsWith(DEFS_REF) ? part.$ref.slice(DEFS_REF.length) : undefined;
        return parent && parents.has(parent) ? { ...part, $ref: DEFS_REF + parent + BASE_SUFFIX } : part;
      });
    }
    const pinned = pins.get(name);
    if (pinned) {
      const properties: Record<string, JsonSchema> = {};
      for (const [property, values] of pinned) properties[property] = { enum: values };
      schema.allOf = [...(schema.allOf ?? []), { properties }];
    }
  }

  // Parents become dispatchers.
  for (const [name, { propertyName, mapping }] of parents) {
    const { discriminator: _dropped, ...base } = defs[name]!;
    defs[name + BASE_SUFFIX] = base;
    defs[name] = {
      type: "object",
      required: [propertyName],
      properties: { [propertyName]: { type: "string", enum: [...mapping.keys()] } },
      allOf: [...mapping].map(([value, child]) =>
        ifThen(
          { properties: { [propertyName]: { const: value } }, required: [propertyName] },
          { $ref: DEFS_REF + child },
        ),
      ),
    };
  }

  for (const [name, supplement] of Object.entries(supplements)) {
    const target = parents.has(name) ? name + BASE_SUFFIX : name;
    const schema = defs[target];
    if (!schema) throw new Error(`Supplement for unknown schema ${name}`);
    schema.allOf = [...(schema.allOf ?? []), rewriteRefs(supplement) as JsonSchema];
  }
  return { $defs: defs };
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith(OPENAPI_REF)
        ? DEFS_REF + value.slice(OPENAPI_REF.length)
        : rewriteRefs(value);
  }
  return out;
}

function refName(ref: string): string {
  const slash = ref.lastIndexOf("/");
  return slash === -1 ? ref : ref.slice(slash + 1);
}
