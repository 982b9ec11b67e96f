// The years we ship, as files beside this one (one per fiscal year, YYYY.yaml). migrate() loads
// them into the database; tests read them to build a catalog without one.
import { readdirSync, readFileSync } from "node:fs";
import type { FrameworkDocument } from "../../core/ita/framework.ts";
import { checkFramework, formatFrameworkIssue } from "../../core/ita/framework-check.ts";
import { parseFrameworkText } from "./file.ts";

const DIR = new URL("./", import.meta.url);

let cached: FrameworkDocument[] | undefined;

/** Every shipped year, checked; a shipped file that fails the schema is a bug and throws. */
export function shippedFrameworks(): readonly FrameworkDocument[] {
  if (cached) return cached;
  const files = readdirSync(DIR)
    .filter((f) => /^\d{4}\.yaml$/.test(f))
    .sort();
  cached = files.map((file) => {
    const parsed = parseFrameworkText(readFileSync(new URL(file, DIR), "utf8"));
    const checked = parsed.ok ? checkFramework(parsed.value) : parsed;
    if (!checked.ok) {
      throw new Error(
        `shipped framework ${file} is invalid:\n${checked.issues.map(formatFrameworkIssue).join("\n")}`,
      );
    }
    if (`${checked.document.year}.yaml` !== file)
      throw new Error(`${file} says year ${checked.document.year}`);
    return checked.document;
  });
  return cached;
}
