import { describe, expect, it } from "vitest";
import { openApiToJsonSchema } from "../../../../bot/dev/openapi/openapi-to-json-schema.ts";
import { createSchemaValidator } from "../../../../bot/dev/openapi/validator.ts";
import { schemas } from "./shapes.ts";

describe("the schema validator on a small discriminated spec", () => {
  const document = openApiToJsonSchema(schemas);
  const validator = createSchemaValidator(document);

  it("dispatches on the discriminator and applies the subtype's and the parent's rules", () => {
    expect(validator.validate("Shape", { kind: "circle", radius: 2 })).toEqual([]);
    expect(validator.validate("Shape", { kind: "circle" })).toEqual([
      { property: "radius", message: "must be specified" },
    ]);
    expect(validator.validate("Shape", { kind: "square", side: 1.5, label: "toolong" })).toEqual([
      { property: "label", message: "Length must be between 0 and 5" },
      { property: "side", message: "Must be an integer" },
    ]);
    expect(validator.validate("Shape", { kind: "hexagon" })).toEqual([
      { property: "kind", message: "Must be one of the following values: [circle, square]" },
    ]);
    expect(validator.validate("Shape", {})).toEqual([{ property: "kind", message: "must be specified" }]);
  });

  it("pins a subtype that is referenced directly to its own discriminator value", () => {
    expect(validator.validate("Drawing", { circles: [{ kind: "square", radius: 1 }] })).toEqual([
      { property: "circles[0].kind", message: "Must be one of the following values: [circle]" },
    ]);
  });

  it("names nested properties the way LINE's error details do", () => {
    const issues = validator.validate("Drawing", {
      shapes: [{ kind: "circle", radius: -1 }, { kind: "square" }, { kind: "square" }],
    });
    expect(issues).toEqual([
      { property: "shapes", message: "Size must be between 0 and 2" },
      { property: "shapes[0].radius", message: "Must be greater than or equal to 0" },
    ]);
  });
});
