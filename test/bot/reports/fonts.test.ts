import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledFonts, fontFamilyName, fontsFromFiles } from "../../../bot/reports/fonts.ts";

describe("report fonts", () => {
  it("ships Sarabun regular and bold", async () => {
    const fonts = await bundledFonts();
    expect(fonts.family).toBe("Sarabun");
    expect(fontFamilyName(fonts.bold.bytes)).toBe("Sarabun");
    expect(fonts.regular.bytes.length).toBeGreaterThan(50_000);
  });

  it("reads an agency's font file and its family name, and refuses a file that is not a font", async () => {
    const sarabun = (await bundledFonts()).regular.path;
    const own = await fontsFromFiles(sarabun);
    expect(own.family).toBe("Sarabun");
    expect(own.bold).toBe(own.regular);
    const bad = join(tmpdir(), `not-a-font-${process.pid}.ttf`);
    writeFileSync(bad, "hello");
    await expect(fontsFromFiles(bad)).rejects.toThrow("ไม่ใช่ไฟล์ฟอนต์");
  });
});
