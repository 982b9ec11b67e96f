import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiApp } from "../../../bot/api/index.ts";
import { memoryLogger } from "../../../bot/log.ts";
import { NOW, openWorld, ADMIN_SRISONGRAK as SRI, type World } from "../world.ts";
import { API_CHANNEL, apiFor, demoAgencyIds } from "./harness.ts";

// Junk thrown at every route of the LIFF API as an admin would send it (a valid ID token, their
// own agency), so that what is refused is the input, not the caller: whatever arrives, the
// answer is a 4xx with a Thai message or a success, never a 5xx.

/** Every method and path the API answers, read from the app itself so a new route is covered. */
const ROUTES = [
  ...new Map(
    apiApp({} as never)
      .routes.filter((r) => r.method !== "ALL")
      .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
];

/** Values that broke something once, or that a database or parser is known to mind. */
const NASTY = [
  "\u0000",
  "ชื่อ\u0000มาตรการ",
  "a\u0001\u0007\u001b[31m\u007f\u0085b",
  "\ud800",
  "3000000000",
  "-2147483649",
  "9".repeat(400),
  "1e309",
  "NaN",
  "Infinity",
  "-0",
  "๓๐๐๐๐๐๐๐๐๐",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "2569-02-30",
  "31/02/2569",
  "",
  " ",
  "x".repeat(70_000),
  "%%%ZZ",
  "%%%ff",
  "%%%00",
] as const;

const junkText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
);
const junkNumber = fc.oneof(
  fc.constantFrom(0, -1, 2 ** 31, 3_000_000_000, 2 ** 53 + 1, 1e308, -1e308, 0.1, 12.5),
  fc.double(),
  fc.integer(),
);
const deep = (depth: number): unknown => (depth === 0 ? "end" : { a: [deep(depth - 1)] });
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkText,
  junkNumber,
  fc.constantFrom(null, true, false, [], {}, deep(200), [deep(50)]),
  fc.array(fc.oneof(junkText, junkNumber), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** The names the forms use: junk lands on fields the routes read, not only on ones they ignore. */
const FIELDS = [
  "title",
  "titleTh",
  "dueOn",
  "startsOn",
  "ownerIds",
  "indicators",
  "method",
  "responsibleUnit",
  "periodStart",
  "periodEnd",
  "fiscalYear",
  "year",
  "status",
  "progress",
  "note",
  "evidenceUrl",
  "doneOn",
  "role",
  "active",
  "maxUses",
  "hours",
  "agencyId",
  "muted",
  "frequency",
  "firstLeadDays",
  "text",
  "format",
  "digits",
  "reports",
  "scores",
  "rows",
  "csv",
  "steps",
] as const;

/**
 * A path or query part as a client could send it: percent-encoded, or raw where it cannot be
 * (a lone surrogate becomes the invalid UTF-8 a broken client would send), or a broken escape.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const segment = (value: string) =>
  value.startsWith("%%")
    ? value.slice(2)
    : value
        .split(LONE_SURROGATE)
        .map((part) => encodeURIComponent(part))
        .join("%ED%A0%80");

const junkBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), junkValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  junkValue.map((v) => JSON.stringify(v)),
  fc.constantFrom("{", "[".repeat(10_000), '{"title":"\\u0000"}', "null", '"', "\u0000", ""),
);

describe("the LIFF API under junk input", () => {
  let w: World;
  let api: ReturnType<typeof apiFor>;
  let sri: number;
  let token: string;
  const log = memoryLogger();
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w, { log });
    ({ sri } = await demoAgencyIds(w));
    token = await w.fake.issueIdToken(SRI, { channelId: API_CHANNEL, name: "ทดสอบ" });
  });
  afterAll(async () => {
    await w.close();
  });

  const pathParam = (name: string) =>
    name === "agencyId"
      ? fc.oneof({ weight: 4, arbitrary: fc.constant(String(sri)) }, { weight: 1, arbitrary: junkText })
      : fc.oneof(fc.constantFrom("1", "2", "3", "5", "12"), junkText);

  const request = fc
    .constantFrom(...ROUTES)
    .chain((route) =>
      fc.record({
        route: fc.constant(route),
        params: fc.tuple(
          ...[...route.path.matchAll(/:(\w+)/g)].map((m) => pathParam(m[1]!)),
          fc.constant(""),
        ),
        query: fc.dictionary(fc.constantFrom(...FIELDS), junkText, { maxKeys: 3 }),
        body: junkBody,
      }),
    )
    .map(({ route, params, query, body }) => {
      let i = 0;
      const path = route.path.replace(/:(\w+)/g, () => segment(params[i++]!));
      const search = Object.entries(query)
        .map(([k, v]) => `${k}=${segment(v)}`)
        .join("&");
      return { method: route.method, url: `${path}${search ? `?${search}` : ""}`, body };
    });

  it("covers every route the API answers", () => {
    expect(ROUTES.length).toBeGreaterThan(30);
    expect(ROUTES.map((r) => `${r.method} ${r.path}`)).toContain(
      "POST /agencies/:agencyId/steps/:stepId/status",
    );
  });

  it("answers junk on every route without a 5xx, in Thai", async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, url, body }) => {
        log.entries.length = 0;
        const res = await api.request(url, {
          method,
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          ...(method === "GET" || method === "HEAD" ? {} : { body }),
        });
        const text = await res.text();
        const where = `${method} ${url} ${body.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) expect(text, where).toMatch(/[\u0E00-\u0E7F]/);
        // Refused by a schema or a repository, not caught by the last line of defence.
        expect(
          log.entries.filter((e) => e.level === "error"),
          where,
        ).toEqual([]);
      }),
      // A fixed seed keeps CI repeatable; FUZZ_SEED and FUZZ_RUNS explore further by hand.
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 600),
        seed: Number(process.env.FUZZ_SEED ?? NOW.getTime() % 2 ** 31),
      },
    );
  });
});
