import { describe, expect, it } from "vitest";
import { ifThen } from "../../../../bot/dev/openapi/json-schema.ts";
import { openApiToJsonSchema } from "../../../../bot/dev/openapi/openapi-to-json-schema.ts";
import { createSchemaValidator } from "../../../../bot/dev/openapi/validator.ts";
import { schemas } from "./shapes.ts";

describe("openApiToJsonSchema on a small discriminated spec", () => {
  const document = openApiToJsonSchema(schemas);

  it("turns the discriminator into if/then dispatch and moves the parent to a base schema", () => {
    expect(JSON.stringify(document)).not.toContain("discriminator");
    expect(JSON.stringify(document)).not.toContain("#/components/schemas/");
    expect(document.$defs.Shape).toMatchObject({
      required: ["kind"],
      properties: { kind: { enum: ["circle", "square"] } },
    });
    const dispatch = (kind: string, target: string) =>
      ifThen({ properties: { kind: { const: kind } }, required: ["kind"] }, { $ref: `#/$defs/${target}` });
    expect(document.$defs.Shape?.allOf).toEqual([dispatch("circle", "Circle"), dispatch("square", "Square")]);
    expect(document.$defs.Shape?.allOf?.[0]?.then).toEqual({ $ref: "#/$defs/Circle" });
    expect(document.$defs["Shape.base"]?.properties?.label).toEqual({ type: "string", maxLength: 5 });
    expect(document.$defs.Circle?.allOf?.[0]).toEqual({ $ref: "#/$defs/Shape.base" });
    expect(document.$defs.Circle?.allOf).toContainEqual({ properties: { kind: { enum: ["circle"] } } });
  });

  it("applies supplements to the parent's base, so every subtype inherits them", () => {
    const withLabels = createSchemaValidator(
      openApiToJsonSchema(schemas, {
        Shape: { required: ["label"] },
        Circle: { properties: { radius: { maximum: 9 } } },
      }),
    );
    expect(withLabels.validate("Shape", { kind: "square" })).toEqual([
      { property: "label", message: "must be specified" },
    ]);
    expect(withLabels.validate("Shape", { kind: "circle", radius: 10, label: "c" })).toEqual([
      { property: "radius", message: "Must be less than or equal to 9" },
    ]);
    expect(() => openApiToJsonSchema(schemas, { Nothing: {} })).toThrow(/unknown schema Nothing/);
  });
});
