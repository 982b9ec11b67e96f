/**
 * LINE's Messaging API as a validator: the vendored `messaging-api.yml` plus `LINE_REFERENCE_SUPPLEMENTS`, the
 * limits that LINE's API reference states but the OpenAPI file leaves out (text length, altText, carousel size,
 * a text component needs `text`, size keywords…), with the figures of core/line/limits.ts.
 */
import { fileURLToPath } from "node:url";
import { LINE_LIMITS } from "../../../core/line/limits.ts";
import { ifThen, type JsonSchema, OPENAPI_REF } from "./json-schema.ts";
import {
  DEFAULT_MESSAGING_API_SPEC,
  loadOpenApiDocument,
  openApiToJsonSchema,
} from "./openapi-to-json-schema.ts";
import { createSchemaValidator, type SchemaValidator } from "./validator.ts";

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
  maxLength: LINE_LIMITS.mediaUrlChars,
  pattern: "^https://",
  "x-error": `Must be an https URL of at most ${LINE_LIMITS.mediaUrlChars} characters`,
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
const ALT_TEXT: JsonSchema = { minLength: 1, maxLength: LINE_LIMITS.altTextChars };
const ASPECT_RATIO: JsonSchema = {
  type: "string",
  pattern: "^[1-9][0-9]{0,5}(\\.[0-9]+)?:[1-9][0-9]{0,5}(\\.[0-9]+)?$",
  "x-error": "Must be {width}:{height}, e.g. 20:13",
};

export const LINE_REFERENCE_SUPPLEMENTS: Record<string, JsonSchema> = {
  TextMessage: { properties: { text: { minLength: 1, maxLength: LINE_LIMITS.textChars } } },
  TextMessageV2: { properties: { text: { minLength: 1, maxLength: LINE_LIMITS.textChars } } },
  // Media URLs: HTTPS, and not too long.
  ImageMessage: { properties: { originalContentUrl: HTTPS_URL, previewImageUrl: HTTPS_URL } },
  VideoMessage: { properties: { originalContentUrl: HTTPS_URL, previewImageUrl: HTTPS_URL } },
  AudioMessage: { properties: { originalContentUrl: HTTPS_URL } },
  // Alternative text of Flex, template and imagemap messages.
  FlexMessage: { properties: { altText: ALT_TEXT } },
  TemplateMessage: { properties: { altText: ALT_TEXT } },
  ImagemapMessage: { properties: { altText: ALT_TEXT } },
  // Quick reply: at least one button (the spec has the most), each with an action whose label is required.
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
          label: { type: "string", minLength: 1, maxLength: LINE_LIMITS.quickReplyLabelChars },
        },
      },
    },
  },
  // Actions: the fields each type cannot work without.
  MessageAction: {
    required: ["text"],
    properties: { text: { minLength: 1, maxLength: LINE_LIMITS.actionTextChars } },
  },
  PostbackAction: {
    required: ["data"],
    properties: {
      displayText: { maxLength: LINE_LIMITS.actionTextChars },
      text: { maxLength: LINE_LIMITS.actionTextChars },
      fillInText: { maxLength: LINE_LIMITS.actionTextChars },
    },
  },
  URIAction: { required: ["uri"], properties: { uri: { maxLength: LINE_LIMITS.uriChars } } },
  DatetimePickerAction: { required: ["data", "mode"] },
  RichMenuSwitchAction: { required: ["richMenuAliasId", "data"] },
  // Flex containers.
  FlexCarousel: { properties: { contents: { minItems: 1, maxItems: LINE_LIMITS.carouselBubbles } } },
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
  // Loading animation: the spec has its range, the reference its steps.
  ShowLoadingAnimationRequest: {
    properties: { loadingSeconds: { multipleOf: LINE_LIMITS.loadingSecondsStep } },
  },
};
