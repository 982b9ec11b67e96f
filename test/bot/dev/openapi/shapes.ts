import type { JsonSchema } from "../../../../bot/dev/openapi/json-schema.ts";

/** A small discriminated spec: shapes dispatched on `kind`, a drawing that holds them. */
export const schemas: Record<string, JsonSchema> = {
  Shape: {
    type: "object",
    required: ["kind"],
    properties: { kind: { type: "string" }, label: { type: "string", maxLength: 5 } },
    discriminator: {
      propertyName: "kind",
      mapping: { circle: "#/components/schemas/Circle", square: "#/components/schemas/Square" },
    },
  },
  Circle: {
    type: "object",
    required: ["radius"],
    allOf: [
      { $ref: "#/components/schemas/Shape" },
      { properties: { radius: { type: "number", minimum: 0 } } },
    ],
  },
  Square: {
    type: "object",
    allOf: [{ $ref: "#/components/schemas/Shape" }, { properties: { side: { type: "integer" } } }],
  },
  Drawing: {
    type: "object",
    properties: {
      shapes: { type: "array", maxItems: 2, items: { $ref: "#/components/schemas/Shape" } },
      circles: { type: "array", items: { $ref: "#/components/schemas/Circle" } },
    },
  },
};
