// Framework files as operators write them (YAML or JSON) and as the system prints them back.
import { Document, isSeq, parseDocument, visit } from "yaml";
import type { FrameworkDocument } from "../../core/ita/framework.ts";
import type { FrameworkIssue } from "../../core/ita/framework-check.ts";

export type FrameworkFormat = "yaml" | "json";

/** Files larger than this are not frameworks (a whole year is about 20 KB). */
export const MAX_FRAMEWORK_FILE_BYTES = 1_000_000;

export type ParsedFile = { ok: true; value: unknown } | { ok: false; issues: FrameworkIssue[] };

/** Reads the text of a framework file; JSON is YAML too, so one parser takes both. */
export function parseFrameworkText(text: string): ParsedFile {
  if (text.length > MAX_FRAMEWORK_FILE_BYTES) {
    return {
      ok: false,
      issues: [
        {
          path: "",
          th: `ไฟล์ใหญ่เกิน ${MAX_FRAMEWORK_FILE_BYTES.toLocaleString("en")} ไบต์`,
          en: `the file is larger than ${MAX_FRAMEWORK_FILE_BYTES} bytes`,
        },
      ],
    };
  }
  // prettyErrors gives each error its line and column (linePos).
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line;
        const at = line ? `บรรทัด ${line}: ` : "";
        const atEn = line ? `line ${line}: ` : "";
        return {
          path: "",
          th: `${at}อ่านไฟล์ไม่ได้ (รูปแบบ YAML/JSON ผิด: ${e.code})`,
          en: `${atEn}not valid YAML or JSON (${e.message.split("\n")[0]})`,
        };
      }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 50 }) };
}

/**
 * The document as a file: YAML with short lists on one line, or JSON. What this prints, `parse`
 * and the schema read back to the same document.
 */
export function formatFramework(document: FrameworkDocument, format: FrameworkFormat = "yaml"): string {
  if (format === "json") return `${JSON.stringify(document, null, 2)}\n`;
  const doc = new Document(document);
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node) && node.items.every((i) => !(i && typeof i === "object" && "items" in i))) {
        node.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
