// The typeface of the official documents: Sarabun (SIL OFL, from @expo-google-fonts/sarabun)
// unless the agency gives its own file, typically TH Sarabun New.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

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

/** The family name (name ID 1) from a TrueType/OpenType file's name table. */
export function fontFamilyName(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) return undefined;
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const rec = 12 + 16 * i;
    if (rec + 16 > bytes.byteLength) return undefined;
    const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
    if (tag !== "name") continue;
    const base = view.getUint32(rec + 8);
    const count = view.getUint16(base + 2);
    const strings = base + view.getUint16(base + 4);
    let fallback: string | undefined;
    for (let k = 0; k < count; k++) {
      const r = base + 6 + 12 * k;
      const platform = view.getUint16(r);
      const nameId = view.getUint16(r + 6);
      if (nameId !== 1) continue;
      const length = view.getUint16(r + 8);
      const offset = strings + view.getUint16(r + 10);
      const raw = bytes.subarray(offset, offset + length);
      if (platform === 3 || platform === 0) {
        let s = "";
        for (let j = 0; j + 1 < raw.length; j += 2) s += String.fromCharCode((raw[j]! << 8) | raw[j + 1]!);
        return s;
      }
      fallback ??= String.fromCharCode(...raw);
    }
    return fallback;
  }
  return undefined;
}
