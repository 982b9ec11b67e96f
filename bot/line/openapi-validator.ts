/**
 * Validates JSON values against the schemas of an OpenAPI 3.0 document (LINE's `messaging-api.yml`).
 *
 * OpenAPI's `discriminator` is not JSON Schema: a parent such as `FlexComponent` names its subtypes in
 * `discriminator.mapping`, and each subtype inherits the parent through `allOf: [{$ref: parent}]`. A plain
 * JSON-Schema validator would accept `{ "type": "nonsense" }` as a FlexComponent. `openApiToJsonSchema` therefore
 * rewrites the components into standard JSON Schema:
 *
 * - the parent `P` becomes a dispatcher: `type` must be one of the mapping's keys, and an `if`/`then` per key
 *   sends the value to that subtype;
 * - the parent's own properties move to `P.base`, and each subtype's `allOf` points there instead of at `P` (no
 *   infinite dispatch loop);
 * - each subtype pins its discriminator to its own key(s), so a subtype referenced directly (a carousel's
 *   `contents` are `FlexBubble`s) still refuses another type.
 *
 * `LINE_REFERENCE_SUPPLEMENTS` adds the limits that LINE's API reference states but the OpenAPI file leaves out
 * (text ≤ 5,000 chars, altText ≤ 400, carousel ≤ 12 bubbles, a text component needs `text`, size keywords…).
 *
 * The validator itself is small and covers the keywords these documents use: $ref, type, nullable, enum, const,
 * properties, required, additionalProperties, items, min/max(Length|Items), minimum, maximum, multipleOf,
 * pattern, format (uri), allOf, anyOf, oneOf, if/then/else, plus `x-error` to replace a subtree's errors with one
 * readable message. Issues name the property the way LINE's error `details` do: `messages[0].contents.body`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

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

export interface OpenApiDocument {
  components?: { schemas?: Record<string, JsonSchema> };
  [key: string]: unknown;
}

const OPENAPI_REF = "#/components/schemas/";
const DEFS_REF = "#/$defs/";
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

/** A validator for LINE's Messaging API spec with LINE's documented limits; cached per spec path. */
export function createLineMessagingValidator(
  specPath: string | URL = DEFAULT_MESSAGING_API_SPEC,
): SchemaValidator {
  const key = specPath instanceof URL ? fileURLToPath(specPath) : specPath;
  let validator = lineValidators.get(key);
  if (!validator) {
    const schemas = loadOpenApiDocument(key).components?.schemas ?? {};
    validator = createSchemaValidator(openApiToJsonSchema(schemas, LINE_REFERENCE_SUPPLEMENTS));
    lineValidators.set(key, validator);
  }
  return validator;
}
const lineValidators = new Map<string, SchemaValidator>();

// ---------------------------------------------------------------------------------------------------------------
// What LINE's Messaging API reference documents but messaging-api.yml does not encode. Each keyword set
// (FlexMargin, FlexTextFontSize…) comes from the spec itself; the reference adds that pixels (and, for some,
// percentages) are accepted too. Keep this list to limits the reference states plainly.

const ref = (name: string): JsonSchema => ({ $ref: OPENAPI_REF + name });
const PIXELS = "^(0|[0-9]+(\\.[0-9]+)?px)$";
const PERCENT = "^[0-9]+(\\.[0-9]+)?%$";
const HEX_COLOR: JsonSchema = {
  type: "string",
  pattern: "^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$",
  "x-error": "Must be a hex color such as #1DB446 or #1DB44680",
};
const HTTPS_URL: JsonSchema = {
  type: "string",
  maxLength: 2000,
  pattern: "^https://",
  "x-error": "Must be an https URL of at most 2000 characters",
};

/** A keyword from the spec's enum `keywords`, or a pixel value (and a percentage when `percent`). */
function keywordOr(keywords: string, percent = false): JsonSchema {
  const forms: JsonSchema[] = [ref(keywords), { type: "string", pattern: PIXELS }];
  if (percent) forms.push({ type: "string", pattern: PERCENT });
  return {
    anyOf: forms,
    "x-error": `Must be a ${keywords} keyword or a value in pixels (e.g. 12px)${percent ? " or percent (e.g. 5%)" : ""}`,
  };
}
const lengthValue = (percent: boolean): JsonSchema => ({
  anyOf: [
    { type: "string", pattern: PIXELS },
    ...(percent ? [{ type: "string" as const, pattern: PERCENT }] : []),
  ],
  "x-error": percent
    ? "Must be a value in pixels (e.g. 12px) or percent (e.g. 50%)"
    : "Must be a value in pixels",
});
const OFFSETS: Record<string, JsonSchema> = {
  offsetTop: keywordOr("FlexOffset", true),
  offsetBottom: keywordOr("FlexOffset", true),
  offsetStart: keywordOr("FlexOffset", true),
  offsetEnd: keywordOr("FlexOffset", true),
};
const MARGIN = keywordOr("FlexMargin");
const FLEX_RATIO: JsonSchema = { minimum: 0 };
const ASPECT_RATIO: JsonSchema = {
  type: "string",
  pattern: "^[1-9][0-9]{0,5}(\\.[0-9]+)?:[1-9][0-9]{0,5}(\\.[0-9]+)?$",
  "x-error": "Must be {width}:{height}, e.g. 20:13",
};

export const LINE_REFERENCE_SUPPLEMENTS: Record<string, JsonSchema> = {
  // Text message: 1 to 5,000 characters.
  TextMessage: { properties: { text: { minLength: 1, maxLength: 5000 } } },
  TextMessageV2: { properties: { text: { minLength: 1, maxLength: 5000 } } },
  // Media URLs: HTTPS, at most 2,000 characters.
  ImageMessage: { properties: { originalContentUrl: HTTPS_URL, previewImageUrl: HTTPS_URL } },
  VideoMessage: { properties: { originalContentUrl: HTTPS_URL, previewImageUrl: HTTPS_URL } },
  AudioMessage: { properties: { originalContentUrl: HTTPS_URL } },
  // Alternative text of Flex, template and imagemap messages: 1 to 400 characters.
  FlexMessage: { properties: { altText: { minLength: 1, maxLength: 400 } } },
  TemplateMessage: { properties: { altText: { minLength: 1, maxLength: 400 } } },
  ImagemapMessage: { properties: { altText: { minLength: 1, maxLength: 400 } } },
  // Quick reply: 1 to 13 buttons, each with an action whose label (max 20) is required.
  QuickReply: { required: ["items"], properties: { items: { minItems: 1 } } },
  QuickReplyItem: {
    required: ["type", "action"],
    properties: {
      type: { enum: ["action"] },
      imageUrl: HTTPS_URL,
      action: {
        required: ["label"],
        properties: {
          type: {
            enum: [
              "postback",
              "message",
              "uri",
              "datetimepicker",
              "camera",
              "cameraRoll",
              "location",
              "clipboard",
            ],
          },
          label: { type: "string", minLength: 1, maxLength: 20 },
        },
      },
    },
  },
  // Actions: the fields each type cannot work without.
  MessageAction: { required: ["text"], properties: { text: { minLength: 1, maxLength: 300 } } },
  PostbackAction: {
    required: ["data"],
    properties: { displayText: { maxLength: 300 }, text: { maxLength: 300 }, fillInText: { maxLength: 300 } },
  },
  URIAction: { required: ["uri"], properties: { uri: { maxLength: 1000 } } },
  DatetimePickerAction: { required: ["data", "mode"] },
  RichMenuSwitchAction: { required: ["richMenuAliasId", "data"] },
  // Flex containers.
  FlexCarousel: { properties: { contents: { minItems: 1, maxItems: 12 } } },
  FlexBubble: {
    properties: {
      hero: {
        properties: { type: { enum: ["box", "image", "video"] } },
        "x-error": { property: "type", message: "The hero block must be a box, image or video" },
      },
    },
  },
  FlexBlockStyle: { properties: { backgroundColor: HEX_COLOR, separatorColor: HEX_COLOR } },
  // Flex components.
  FlexBox: {
    properties: {
      // A span lives only in a text component's `contents`.
      contents: {
        items: ifThen(
          { properties: { type: { const: "span" } }, required: ["type"] },
          { enum: [], "x-error": { property: "type", message: "A span can only be in a text's contents" } },
        ),
      },
      flex: FLEX_RATIO,
      spacing: keywordOr("FlexBoxSpacing"),
      margin: MARGIN,
      ...OFFSETS,
      backgroundColor: HEX_COLOR,
      borderColor: HEX_COLOR,
      borderWidth: keywordOr("FlexBoxBorderWidth"),
      cornerRadius: keywordOr("FlexBoxCornerRadius"),
      width: lengthValue(true),
      maxWidth: lengthValue(true),
      height: lengthValue(true),
      maxHeight: lengthValue(true),
      paddingAll: keywordOr("FlexBoxPadding", true),
      paddingTop: keywordOr("FlexBoxPadding", true),
      paddingBottom: keywordOr("FlexBoxPadding", true),
      paddingStart: keywordOr("FlexBoxPadding", true),
      paddingEnd: keywordOr("FlexBoxPadding", true),
    },
  },
  FlexBoxLinearGradient: {
    required: ["angle", "startColor", "endColor"],
    properties: {
      angle: {
        type: "string",
        pattern: "^[0-9]+(\\.[0-9]+)?deg$",
        "x-error": "Must be an angle such as 90deg",
      },
      startColor: HEX_COLOR,
      endColor: HEX_COLOR,
      centerColor: HEX_COLOR,
      centerPosition: lengthValue(true),
    },
  },
  // A text component needs `text`, unless it is made of spans (`contents`).
  FlexText: {
    allOf: [
      {
        anyOf: [
          { required: ["text"] },
          { required: ["contents"], properties: { contents: { minItems: 1 } } },
        ],
        "x-error": { property: "text", message: "must be specified" },
      },
    ],
    properties: {
      flex: FLEX_RATIO,
      size: keywordOr("FlexTextFontSize"),
      color: HEX_COLOR,
      margin: MARGIN,
      ...OFFSETS,
      lineSpacing: lengthValue(false),
      maxLines: { minimum: 0 },
    },
  },
  FlexSpan: { required: ["text"], properties: { size: keywordOr("FlexSpanSize"), color: HEX_COLOR } },
  FlexButton: { properties: { flex: FLEX_RATIO, margin: MARGIN, ...OFFSETS, color: HEX_COLOR } },
  FlexImage: {
    properties: {
      url: HTTPS_URL,
      flex: FLEX_RATIO,
      margin: MARGIN,
      ...OFFSETS,
      size: keywordOr("FlexImageSize", true),
      aspectRatio: ASPECT_RATIO,
      backgroundColor: HEX_COLOR,
    },
  },
  FlexIcon: {
    properties: {
      url: HTTPS_URL,
      size: keywordOr("FlexIconSize"),
      aspectRatio: ASPECT_RATIO,
      margin: MARGIN,
      ...OFFSETS,
    },
  },
  FlexVideo: { properties: { url: HTTPS_URL, previewUrl: HTTPS_URL, aspectRatio: ASPECT_RATIO } },
  FlexSeparator: { properties: { margin: MARGIN, color: HEX_COLOR } },
  FlexFiller: { properties: { flex: FLEX_RATIO } },
  // Loading animation: 5 to 60 seconds in steps of 5.
  ShowLoadingAnimationRequest: { properties: { loadingSeconds: { multipleOf: 5 } } },
};
// ---------------------------------------------------------------------------------------------------------------

/** JSON Schema's `if`/`then`, built in one place: linters take a `then` key for a thenable. */
export function ifThen(condition: JsonSchema, consequence: JsonSchema): JsonSchema {
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise
  return { if: condition, then: consequence };
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
