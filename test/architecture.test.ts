// The layers, checked on the source text: SQL only in db/, core/ free of I/O, and nothing that
// points the wrong way (db/ into the bot or the phone app, the phone app into db/). A failure
// names each file and line that breaks a rule.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** What core/ may import besides core/: validation, and LINE's message types (types only). */
const CORE_PACKAGES: Record<string, "values" | "types"> = {
  zod: "values",
  "zod/mini": "values",
  "@line/bot-sdk": "types",
};

interface Source {
  /** From the repository root, with forward slashes: "bot/app.ts". */
  path: string;
  /** The text with every comment blanked out, offsets and lines unchanged. */
  code: string;
}

function sources(dir: string): Source[] {
  const skip = /(^|\/)(node_modules|dist)\/|^bot\/dev\/openapi\/spec\//;
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((f) => `${dir}/${f.split("\\").join("/")}`)
    .filter((path) => /\.(ts|tsx|js|mjs)$/.test(path) && !skip.test(path))
    .sort()
    .map((path) => ({ path, code: withoutComments(readFileSync(join(ROOT, path), "utf8")) }));
}

const KEYWORDS_BEFORE_REGEX = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
]);
for (const k of ["void", "throw", "yield", "await", "instanceof"]) KEYWORDS_BEFORE_REGEX.add(k);

/**
 * Blanks comments so that a comment about `selectFrom` breaks no rule, while strings, templates
 * and regular expressions are read as such (a "//" in a URL or a quote in a regex starts nothing).
 */
function withoutComments(src: string): string {
  const out = src.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  // One entry per template literal we are inside, holding the brace depth its `${` opened at.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const regexMayStart = () => {
    let j = i - 1;
    while (j >= 0 && /\s/.test(src[j]!)) j--;
    if (j < 0) return true;
    if ("(,=:[!&|?{};+-*%<>~^".includes(src[j]!)) return true;
    const word = /[\w$]+$/.exec(src.slice(Math.max(0, j - 12), j + 1));
    return word !== null && KEYWORDS_BEFORE_REGEX.has(word[0]);
  };
  const templateText = () => {
    // From just after "`" or "}": to the closing "`" or the next "${".
    while (i < src.length) {
      if (src[i] === "\\") i += 2;
      else if (src[i] === "`") {
        i++;
        return;
      } else if (src[i] === "$" && src[i + 1] === "{") {
        i += 2;
        templates.push(depth);
        depth++;
        return;
      } else i++;
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      const end = src.indexOf("\n", i);
      const stop = end === -1 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end === -1 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== "\n") i += src[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "`") {
      i++;
      templateText();
    } else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      depth--;
      i++;
      if (templates.length && templates.at(-1) === depth) {
        templates.pop();
        templateText();
      }
    } else if (c === "/" && regexMayStart()) {
      i++;
      let inClass = false;
      while (i < src.length && src[i] !== "\n" && (inClass || src[i] !== "/")) {
        if (src[i] === "\\") i++;
        else if (src[i] === "[") inClass = true;
        else if (src[i] === "]") inClass = false;
        i++;
      }
      i++;
    } else i++;
  }
  return out.join("");
}

interface Import {
  specifier: string;
  typeOnly: boolean;
  /** `import()`: loaded when the code runs it, not when the importing module loads. */
  dynamic: boolean;
  /** The names between the braces, as written ("sql", "type Kysely"). */
  names: string[];
  line: number;
}

const lineAt = (code: string, index: number) => code.slice(0, index).split("\n").length;

function importsOf(code: string): Import[] {
  const found: Import[] = [];
  const statement =
    /\b(import|export)\s+(type\s+)?(?:([\w$*\s,]*?)\s*(?:\{([^}]*)\})?\s*(?:[\w$*\s,]*?)\s*from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(statement)) {
    const names = (m[4] ?? "")
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    // Only `import type` leaves nothing at run time: `import { type A }` still loads the module.
    found.push({
      specifier: m[5]!,
      typeOnly: m[2] !== undefined,
      dynamic: false,
      names,
      line: lineAt(code, m.index),
    });
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) {
    const destructured = /\{([^}]*)\}\s*=\s*await\s*$/.exec(code.slice(Math.max(0, m.index - 200), m.index));
    const names = destructured ? destructured[1]!.split(",").map((n) => n.trim().split(":")[0]!.trim()) : [];
    found.push({ specifier: m[1]!, typeOnly: false, dynamic: true, names, line: lineAt(code, m.index) });
  }
  return found;
}

/** Where an import points: "core/ita/score.ts" for a relative one, else the package's name. */
function target(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return relative(ROOT, resolve(ROOT, dirname(from), specifier))
    .split("\\")
    .join("/");
}

/** Each place a file runs SQL itself: Kysely's query builder, or Kysely's `sql`. */
function sqlIn(source: Source): string[] {
  const found: string[] = [];
  const at = (index: number, what: string) =>
    found.push(`${source.path}:${lineAt(source.code, index)} ${what}`);
  const builder =
    /\.\s*(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(/g;
  for (const m of source.code.matchAll(builder)) at(m.index, m[1]!);
  // A common table expression: db.with("name", …) or db.with((cte) => cte("name"), …); an array's
  // .with(index, value) starts with a number.
  for (const m of source.code.matchAll(
    /\.\s*(with|withRecursive)\s*\(\s*(?:["'`]|\(?\s*[\w$]*\s*\)?\s*=>)/g,
  )) {
    at(m.index, m[1]!);
  }
  for (const m of source.code.matchAll(/(?<![\w$.])sql\s*(?:<[^`;]*>)?\s*`/g)) at(m.index, "sql`…`");
  for (const m of source.code.matchAll(
    /(?<![\w$.])sql\.(raw|ref|lit|id|join|table|val|value|literal)\s*\(/g,
  )) {
    at(m.index, `sql.${m[1]}`);
  }
  for (const i of importsOf(source.code)) {
    if (i.specifier !== "kysely" || i.typeOnly) continue;
    if (i.names.some((n) => /^sql(\s+as\s+[\w$]+)?$/.test(n)))
      found.push(`${source.path}:${i.line} imports sql`);
  }
  return found;
}

function importsInto(files: Source[], forbidden: RegExp): string[] {
  return files.flatMap((f) =>
    importsOf(f.code)
      .filter((i) => forbidden.test(target(f.path, i.specifier)))
      .map((i) => `${f.path}:${i.line} imports ${i.typeOnly ? "types from " : ""}${i.specifier}`),
  );
}

const bot = sources("bot");
const liff = sources("liff");
const core = sources("core");
const db = sources("db");

describe("architecture", () => {
  it("runs SQL only in db/: no file under bot/ or liff/ builds a query or uses Kysely's sql", () => {
    expect([...bot, ...liff].flatMap(sqlIn)).toEqual([]);
  });

  it("keeps core/ pure: it imports only core/ and the packages on its list", () => {
    const outside = core.flatMap((f) =>
      importsOf(f.code).flatMap((i) => {
        const to = target(f.path, i.specifier);
        if (i.specifier.startsWith("."))
          return to.startsWith("core/") ? [] : [`${f.path}:${i.line} imports ${to}`];
        const allowed = CORE_PACKAGES[i.specifier];
        if (allowed === "values" || (allowed === "types" && i.typeOnly)) return [];
        return [
          `${f.path}:${i.line} imports ${i.specifier}${allowed === "types" ? " (only `import type` is allowed)" : ""}`,
        ];
      }),
    );
    expect(outside).toEqual([]);
  });

  it("keeps db/ out of the bot and the phone app: nothing under db/ imports bot/ or liff/", () => {
    expect(importsInto(db, /^(bot|liff)\//)).toEqual([]);
  });

  it("keeps the phone app off the database: nothing under liff/ imports db/", () => {
    expect(importsInto(liff, /^db\//)).toEqual([]);
  });

  it("keeps development tools out of production: bot/dev/ is loaded only with import()", () => {
    // A production install has no devDependencies, and the Worker bundle must not carry the fake
    // LINE platform: outside bot/dev/, only types and a dynamic import() may name it.
    const loaded = bot
      .filter((f) => !f.path.startsWith("bot/dev/"))
      .flatMap((f) =>
        importsOf(f.code)
          .filter((i) => !i.typeOnly && !i.dynamic && target(f.path, i.specifier).startsWith("bot/dev/"))
          .map((i) => `${f.path}:${i.line} imports ${i.specifier}`),
      );
    expect(loaded).toEqual([]);
    // And the entries that do start them reach them only through import().
    const node = bot.find((f) => f.path === "bot/node.ts")!;
    expect(
      importsOf(node.code).some((i) => i.dynamic && target(node.path, i.specifier).startsWith("bot/dev/")),
    ).toBe(true);
  });
});

describe("the architecture check itself", () => {
  it("reads every layer and finds the SQL that db/ does run", () => {
    for (const layer of [bot, liff, core, db]) expect(layer.length).toBeGreaterThan(5);
    const members = db.find((f) => f.path === "db/repositories/members.ts")!;
    expect(sqlIn(members).some((s) => s.endsWith("selectFrom"))).toBe(true);
    const outbox = db.find((f) => f.path === "db/repositories/outbox.ts")!;
    expect(sqlIn(outbox)).toContain("db/repositories/outbox.ts:1 imports sql");
  });

  it("flags the query builder, sql and its import, and not what comments or strings say", () => {
    const check = (code: string) => sqlIn({ path: "x.ts", code: withoutComments(code) });
    expect(
      check('// db.selectFrom("x")\n/* sql`select 1` */ const url = "https://a//b"; a.with(0, 1);'),
    ).toEqual([]);
    expect(check('import type { Kysely, sql } from "kysely";')).toEqual([]);
    expect(
      check(
        'const re = /["\']/;\nimport { type Kysely, sql as q } from "kysely";\nawait db\n  .deleteFrom("t")\n  .execute();\nsql<{ n: number }>`select 1`;\ndb.with("c", (q) => q);',
      ),
    ).toEqual(["x.ts:4 deleteFrom", "x.ts:7 with", "x.ts:6 sql`…`", "x.ts:2 imports sql"]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with a template literal in it
    expect(check("const t = `a ${`b ${x}`} // not a comment`; db.insertInto('t');")).toEqual([
      "x.ts:1 insertInto",
    ]);
  });

  it("reads imports across lines, re-exports and import()", () => {
    const imports = importsOf(
      withoutComments(
        'import {\n  a,\n  type B,\n} from "../db/x.ts";\nexport * from "./y.ts";\nimport type { C } from "zod";\nconst { D } = await import("pg");\nimport "./side.ts";',
      ),
    );
    expect(imports.map((i) => [i.specifier, i.typeOnly, i.dynamic, i.line])).toEqual([
      ["../db/x.ts", false, false, 1],
      ["./y.ts", false, false, 5],
      ["zod", true, false, 6],
      ["./side.ts", false, false, 8],
      ["pg", false, true, 7],
    ]);
  });
});
