import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { convert, refuse } from "../../../core/schemas/convert.ts";

const year = convert(z.string(), (v, ctx): number => {
  const n = Number(v);
  return Number.isInteger(n) ? n : refuse(ctx, "ใส่ปีเป็นตัวเลข");
});
const form = z.object({ year, title: z.string().check(z.minLength(1, "ใส่ชื่อ")) });

describe("convert and refuse", () => {
  it("turns accepted text into the value the rest of the code takes", () => {
    expect(form.parse({ year: "2568", title: "ก" })).toEqual({ year: 2568, title: "ก" });
  });

  it("fails with the Thai message, in field order, under the async parse the server uses", async () => {
    const r = await form.safeParseAsync({ year: "ปีนี้", title: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["year", "ใส่ปีเป็นตัวเลข"],
      ["title", "ใส่ชื่อ"],
    ]);
  });
});
