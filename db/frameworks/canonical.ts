import type { FrameworkDocument } from "../../core/ita/framework.ts";

/**
 * The text stored in the database: the canonical JSON of a checked document (the schema's key
 * order), so equal documents are equal strings. Kept apart from the file reader so the Worker,
 * which only reads stored frameworks, does not bundle a YAML parser.
 */
export function canonicalText(document: FrameworkDocument): string {
  return JSON.stringify(document);
}
