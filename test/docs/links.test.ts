// The documentation holds together: its links reach files, the README stays short, and every
// decision record is listed and has its three sections.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DECISIONS = join(ROOT, "docs/decisions");

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

const DOCS = [join(ROOT, "README.md"), ...markdownUnder(join(ROOT, "docs"))];

/** Inline links `[text](target)` outside code, and reference definitions `[label]: target`. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/gm)].map((m) => m[1]!);
  return [...inline, ...references];
}

/** Relative targets only, without their #fragment or ?query. */
function localPath(target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//") || target.startsWith("#")) {
    return undefined;
  }
  return decodeURI(target.replace(/[#?].*$/, ""));
}

describe("documentation", () => {
  it("finds the README and the docs folder's pages to check", () => {
    expect(DOCS.map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining(["README.md", "docs/architecture.md", "docs/decisions/README.md"]),
    );
  });

  it("links from README and docs reach files that exist", () => {
    const broken: string[] = [];
    for (const file of DOCS) {
      for (const target of linkTargets(readFileSync(file, "utf8"))) {
        const path = localPath(target);
        if (path === undefined || path === "") continue;
        const resolved = path.startsWith("/") ? join(ROOT, path) : join(dirname(file), path);
        if (!existsSync(resolved)) broken.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("names only source files that exist when it cites a path in code style", () => {
    // Decision records are history: they cite paths as they were when decided.
    const current = DOCS.filter((f) => !f.startsWith(DECISIONS));
    const stale = current.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/`((?:bot|core|db|liff|test|bench|docs)\/[\w./-]+\.[a-z]+)`/g)]
        .map((m) => m[1]!)
        .filter((path) => !existsSync(join(ROOT, path)))
        .map((path) => `${relative(ROOT, file)} → ${path}`),
    );
    expect(stale).toEqual([]);
  });

  it("links README to every page in docs/", () => {
    const readme = linkTargets(readFileSync(join(ROOT, "README.md"), "utf8"))
      .map(localPath)
      .filter((p): p is string => p !== undefined)
      .map((p) => join(ROOT, p));
    const pages = readdirSync(join(ROOT, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => join(ROOT, "docs", name));
    expect(pages.filter((page) => !readme.includes(page)).map((p) => relative(ROOT, p))).toEqual([]);
  });

  it("keeps the README under 250 lines", () => {
    const lines = readFileSync(join(ROOT, "README.md"), "utf8").split("\n");
    if (lines.at(-1) === "") lines.pop();
    expect(lines.length).toBeLessThan(250);
  });
});

describe("decision records", () => {
  const index = readFileSync(join(DECISIONS, "README.md"), "utf8");
  const records = readdirSync(DECISIONS).filter((name) => name.endsWith(".md") && name !== "README.md");

  it("are named by date and slug", () => {
    expect(records.length).toBeGreaterThan(0);
    for (const name of records) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
  });

  it("are each listed in the decisions index", () => {
    const listed = new Set(linkTargets(index).map((target) => localPath(target)));
    expect(records.filter((name) => !listed.has(name))).toEqual([]);
  });

  it("are listed newest first", () => {
    const dates = linkTargets(index)
      .map((target) => /^(\d{4}-\d{2}-\d{2})-/.exec(target)?.[1])
      .filter((date): date is string => date !== undefined);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("each have a title, a date line and the Context, Decision and Consequences sections", () => {
    for (const name of records) {
      const text = readFileSync(join(DECISIONS, name), "utf8");
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      expect({ name, title: /^# \S/.test(text), headings }).toEqual({
        name,
        title: true,
        headings: expect.arrayContaining(["Context", "Decision", "Consequences"]),
      });
      expect(text, name).toMatch(new RegExp(`^Date: ${name.slice(0, 10)}( · Issue \\d+)?$`, "m"));
    }
  });
});
