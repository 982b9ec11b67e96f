// Whether an uploaded file is a font the report renderers can embed: a single TrueType or
// OpenType face (not a collection, not WOFF) whose table directory is whole and whose name table
// gives a family. Pure, so the upload route checks it the same way on Node and Workers.

/** Per face; TH Sarabun New is about 0.5 MB. */
export const MAX_FONT_BYTES = 2 * 1024 * 1024;

export type FontCheck = { ok: true; family: string } | { ok: false; th: string };

const NOT_A_FONT = "ไฟล์นี้ไม่ใช่ฟอนต์ TrueType/OpenType (.ttf หรือ .otf) เช่น THSarabunNew.ttf";
/** Every face pdfkit, docx and resvg need to lay out and embed text. */
const REQUIRED = ["cmap", "head", "hhea", "hmtx", "maxp", "name"];

export function checkFontFile(bytes: Uint8Array): FontCheck {
  if (bytes.byteLength === 0) return { ok: false, th: "ไฟล์ฟอนต์ว่างเปล่า" };
  if (bytes.byteLength > MAX_FONT_BYTES) return { ok: false, th: "ไฟล์ฟอนต์ใหญ่เกิน 2 MB" };
  if (bytes.byteLength < 12) return { ok: false, th: NOT_A_FONT };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic === "ttcf") return { ok: false, th: "ไฟล์ .ttc (รวมหลายฟอนต์) ใช้ไม่ได้ กรุณาเลือกไฟล์ .ttf ทีละแบบ" };
  if (magic === "wOFF" || magic === "wOF2")
    return { ok: false, th: "ไฟล์ WOFF ใช้ไม่ได้ กรุณาเลือกไฟล์ .ttf หรือ .otf" };
  if (view.getUint32(0) !== 0x00010000 && magic !== "true" && magic !== "OTTO")
    return { ok: false, th: NOT_A_FONT };
  const tables = new Map<string, { offset: number; length: number }>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + 16 * i;
    if (rec + 16 > bytes.byteLength) return { ok: false, th: NOT_A_FONT };
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    if (offset + length > bytes.byteLength) return { ok: false, th: "ไฟล์ฟอนต์ไม่สมบูรณ์ (อาจดาวน์โหลดมาไม่ครบ)" };
    tables.set(String.fromCharCode(...bytes.subarray(rec, rec + 4)), { offset, length });
  }
  const outlines = (tables.has("glyf") && tables.has("loca")) || tables.has("CFF ") || tables.has("CFF2");
  if (!outlines || REQUIRED.some((t) => !tables.has(t))) return { ok: false, th: NOT_A_FONT };
  const head = tables.get("head")!;
  if (head.length < 54 || view.getUint32(head.offset + 12) !== 0x5f0f3cf5)
    return { ok: false, th: NOT_A_FONT };
  let family: string | undefined;
  try {
    family = fontFamilyName(bytes)?.trim();
  } catch {
    family = undefined;
  }
  if (!family) return { ok: false, th: "อ่านชื่อฟอนต์จากไฟล์ไม่ได้ กรุณาเลือกไฟล์ฟอนต์อื่น" };
  return { ok: true, family };
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
