import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { multiLineText, oneLine, singleLineText, withoutControls } from "../../../core/schemas/text.ts";

describe("text people type", () => {
  it("takes NUL and other control characters out of text of several lines, keeping its lines", () => {
    expect(withoutControls("ชื่อ\u0000มาตรการ\u0007\u001b[31m\u007f\u0085")).toBe("ชื่อมาตรการ[31m");
    expect(withoutControls("บรรทัดแรก\r\nบรรทัดที่สอง\tต่อ")).toBe("บรรทัดแรก\r\nบรรทัดที่สอง\tต่อ");
  });

  it("keeps zero-width spaces, which Thai typing uses between words", () => {
    expect(withoutControls("การประเมิน\u200bคุณธรรม")).toBe("การประเมิน\u200bคุณธรรม");
  });

  it("folds line breaks and tabs in one-line text into a space", () => {
    expect(oneLine("มาตรการ\r\n\tที่ ๑\u0000")).toBe("มาตรการ ที่ ๑");
  });

  it("cleans before the other checks run, so a title of control characters only is empty", () => {
    const title = z.string().check(singleLineText(), z.trim(), z.minLength(1, "ใส่ชื่อ"));
    expect(z.safeParse(title, "\u0000\u0001 ").success).toBe(false);
    expect(z.parse(title, " ก\u0000ข ")).toBe("กข");
    expect(z.parse(z.string().check(multiLineText()), "ก\u0000\nข")).toBe("ก\nข");
  });
});
