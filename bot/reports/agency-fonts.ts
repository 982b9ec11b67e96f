// The typeface of one agency's reports: its uploaded font (db/repositories/report-fonts.ts) or
// the bundled Sarabun. resvg reads fonts only from files, so an uploaded face is written once to
// the temp folder under its content hash; the same bytes are never written twice per process.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { loadReportFont } from "../../db/repositories/report-fonts.ts";
import type { Database } from "../../db/schema.ts";
import type { AgencyScope } from "../../db/scope.ts";
import { bundledFonts, type FontFace, type ReportFonts } from "./fonts.ts";

const written = new Map<string, Promise<FontFace>>();

function faceOnDisk(bytes: Uint8Array): Promise<FontFace> {
  const hash = createHash("sha256").update(bytes).digest("hex");
  let face = written.get(hash);
  if (!face) {
    face = (async () => {
      const dir = join(tmpdir(), "prongsai-fonts");
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${hash}.ttf`);
      await writeFile(path, bytes);
      return { path, bytes };
    })();
    // A failed write is retried by the next report rather than remembered.
    face.catch(() => written.delete(hash));
    written.set(hash, face);
  }
  return face;
}

/** The agency's uploaded font when it has one, else Sarabun. */
export async function fontsForAgency(db: Kysely<Database>, scope: AgencyScope): Promise<ReportFonts> {
  const own = await loadReportFont(db, scope);
  if (!own) return bundledFonts();
  const regular = await faceOnDisk(own.regular);
  return { family: own.family, regular, bold: own.bold ? await faceOnDisk(own.bold) : regular };
}
