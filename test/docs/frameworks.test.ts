// The documentation's example framework is a real one: it passes the schema as written.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frameworkCatalog } from "../../core/ita/catalog.ts";
import { checkFramework } from "../../core/ita/framework-check.ts";
import { parseFrameworkText } from "../../db/frameworks/file.ts";

const DOC = readFileSync(new URL("../../docs/frameworks.md", import.meta.url), "utf8");

function example(): string {
  const start = DOC.indexOf("### A complete small example");
  const body = DOC.indexOf("```yaml\n", start) + "```yaml\n".length;
  return DOC.slice(body, DOC.indexOf("```", body));
}

describe("docs/frameworks.md", () => {
  it("gives a complete example that the one schema accepts, two tools and four indicators", () => {
    const parsed = parseFrameworkText(example());
    expect(parsed.ok).toBe(true);
    const checked = parsed.ok ? checkFramework(parsed.value) : undefined;
    expect(checked?.ok).toBe(true);
    const framework = frameworkCatalog(checked?.ok ? [checked.document] : []).get(2572)!;
    expect(framework.tools.map((t) => t.code)).toEqual(["PERC", "OPEN"]);
    expect(framework.indicators).toHaveLength(4);
    expect(framework.item("d3")?.subIndicator).toBe("3.2");
  });
});
