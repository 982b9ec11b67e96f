// The typeface of the official documents: Sarabun (SIL OFL, from @expo-google-fonts/sarabun)
// unless the agency gives its own file, typically TH Sarabun New.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fontFamilyName } from "../../core/reports/font-file.ts";

export interface FontFace {
  path: string;
  bytes: Uint8Array;
}

export interface ReportFonts {
  /** The family name written into the DOCX and used to find the faces in the chart. */
  family: string;
  regular: FontFace;
  bold: FontFace;
}

let bundled: Promise<ReportFonts> | undefined;

function sarabunDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@expo-google-fonts/sarabun/package.json"));
}

async function face(path: string): Promise<FontFace> {
  return { path, bytes: new Uint8Array(await readFile(path)) };
}

/** Sarabun regular and bold, read once per process. */
export function bundledFonts(): Promise<ReportFonts> {
  bundled ??= (async () => {
    const dir = sarabunDir();
    return {
      family: "Sarabun",
      regular: await face(join(dir, "400Regular", "Sarabun_400Regular.ttf")),
      bold: await face(join(dir, "700Bold", "Sarabun_700Bold.ttf")),
    };
  })();
  return bundled;
}

/**
 * An agency's own font files (TrueType/OpenType), e.g. THSarabunNew.ttf and
 * "THSarabunNew Bold.ttf"; without a bold file the regular face is used for bold too.
 */
export async function fontsFromFiles(regularPath: string, boldPath?: string): Promise<ReportFonts> {
  const regular = await face(regularPath);
  const family = fontFamilyName(regular.bytes);
  if (!family) throw new Error(`ไม่ใช่ไฟล์ฟอนต์ TrueType/OpenType: ${regularPath}`);
  return { family, regular, bold: boldPath ? await face(boldPath) : regular };
}

/** The family name (name ID 1) from a font file; pure, so it lives in core for the upload check. */
export { fontFamilyName };
