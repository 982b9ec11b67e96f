import { z } from "zod/mini";

/**
 * `schema`, then `fn` on what it accepted: full zod's `.transform()` for zod/mini. Not
 * `z.pipe(schema, z.transform(fn))`: under safeParseAsync (the server's validator) mini's transform
 * always answers with a promise, which moves the field's issues and output key behind the others'.
 * A codec whose decode is synchronous keeps them in place. These schemas only parse, never encode.
 */
export function convert<S extends z.core.SomeType, O>(
  schema: S,
  fn: (value: z.output<S>, ctx: z.core.ParsePayload) => O,
) {
  return z.codec(schema, z.custom<O>(), {
    decode: fn,
    encode: () => {
      throw new Error("only parses");
    },
  });
}

/**
 * Fails a convert() with a Thai message, as full zod's `ctx.addIssue` would. The value becomes
 * z.NEVER as after a full-zod transform, so refinements that run anyway do not see the raw text.
 */
export function refuse(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
  ctx.value = z.NEVER;
  return z.NEVER;
}
