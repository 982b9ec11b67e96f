import { describe, expect, it } from "vitest";
import { ConfigError, clockOf, dbConfigOf, parseConfig, poolPerWorker } from "../../bot/config.ts";

const PG_URL = "postgres://prongsai:secret@localhost:5432/prongsai";

function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

const LINE = {
  LINE_CHANNEL_SECRET: "0123456789abcdef0123",
  LINE_CHANNEL_ACCESS_TOKEN: "token-0123456789abcdef",
};

describe("parseConfig", () => {
  it("defaults to port 3000, ./data and demo data on an embedded database", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe("./data");
    expect(c.NODE_ENV).toBe("development");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.demoData).toBe(true);
  });

  it("turns demo data off by default when DATABASE_URL is set", () => {
    const c = parseConfig({ DATABASE_URL: PG_URL });
    expect(c.DATABASE_URL).toBe(PG_URL);
    expect(c.demoData).toBe(false);
  });

  it("accepts the postgresql:// scheme too", () => {
    expect(parseConfig({ DATABASE_URL: "postgresql://localhost/prongsai" }).demoData).toBe(false);
  });

  it("runs on the built-in fake LINE platform without credentials, outside production", () => {
    expect(parseConfig({}).line).toEqual({ mode: "fake" });
    expect(parseConfig({ ...LINE }).line).toEqual({
      mode: "real",
      channelSecret: LINE.LINE_CHANNEL_SECRET,
      channelAccessToken: LINE.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: "https://api.line.me",
    });
  });

  it("names the missing LINE credential in production, or when only one is given", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(
      /LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN/,
    );
    expect(() => parseConfig({ LINE_CHANNEL_SECRET: LINE.LINE_CHANNEL_SECRET })).toThrow(
      /LINE_CHANNEL_ACCESS_TOKEN/,
    );
    expect(() => parseConfig({ LINE_CHANNEL_SECRET: LINE.LINE_CHANNEL_SECRET })).not.toThrow(
      /LINE_CHANNEL_SECRET and/,
    );
  });

  it("takes LINE_API_BASE_URL for the API and PUBLIC_URL for links", () => {
    const c = parseConfig({
      ...LINE,
      LINE_API_BASE_URL: "http://127.0.0.1:9999",
      PUBLIC_URL: "https://bot.example.go.th",
    });
    expect(c.line).toMatchObject({ apiBaseUrl: "http://127.0.0.1:9999" });
    expect(c.publicUrl).toBe("https://bot.example.go.th");
    expect(parseConfig({ PORT: "4000" }).publicUrl).toBe("http://localhost:4000");
    expect(() => parseConfig({ ...LINE, LINE_API_BASE_URL: "ftp://x" })).toThrow(/LINE_API_BASE_URL/);
  });

  it("lets DEMO_DATA override the default either way", () => {
    expect(parseConfig({ DATABASE_URL: PG_URL, DEMO_DATA: "on" }).demoData).toBe(true);
    expect(parseConfig({ DEMO_DATA: "off" }).demoData).toBe(false);
    expect(parseConfig({ DEMO_DATA: "on" }).demoData).toBe(true);
    expect(parseConfig({ DATABASE_URL: PG_URL, DEMO_DATA: "off" }).demoData).toBe(false);
  });

  it("reads PORT, DATA_DIR and NODE_ENV when given", () => {
    const c = parseConfig({ PORT: "8080", DATA_DIR: "/var/lib/prongsai", NODE_ENV: "production", ...LINE });
    expect(c.PORT).toBe(8080);
    expect(c.DATA_DIR).toBe("/var/lib/prongsai");
    expect(c.NODE_ENV).toBe("production");
  });

  it("treats empty strings as unset", () => {
    const c = parseConfig({ PORT: "", DATA_DIR: "", DATABASE_URL: "", DEMO_DATA: "", NODE_ENV: "" });
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe("./data");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.NODE_ENV).toBe("development");
    expect(c.demoData).toBe(true);
  });

  it("ignores unrelated environment variables", () => {
    const c = parseConfig({ PATH: "/usr/bin", HOME: "/root", PORT: "4000" });
    expect(c.PORT).toBe(4000);
    expect(c).not.toHaveProperty("PATH");
  });

  it.each(["abc", "0", "65536", "3000.5", "-1"])("rejects PORT=%j with a message naming PORT", (port) => {
    const e = configErrorOf({ PORT: port });
    expect(e.message).toContain("PORT");
  });

  it.each(["mysql://localhost/prongsai", "http://localhost:5432/prongsai", "not a url"])(
    "rejects DATABASE_URL=%j with a message naming DATABASE_URL",
    (url) => {
      const e = configErrorOf({ DATABASE_URL: url });
      expect(e.message).toContain("DATABASE_URL");
      expect(e.message).not.toContain("PORT");
    },
  );

  it("rejects a DEMO_DATA other than on/off and names it", () => {
    expect(configErrorOf({ DEMO_DATA: "yes" }).message).toContain("DEMO_DATA");
  });

  it("names every bad variable at once", () => {
    const e = configErrorOf({ PORT: "x", DATABASE_URL: "mysql://h/db" });
    expect(e.message).toContain("PORT");
    expect(e.message).toContain("DATABASE_URL");
  });
});

describe("NOW, the development clock", () => {
  it("starts the clock at NOW (a bare date is 09:00 in Bangkok) and lets it run", () => {
    let real = Date.parse("2026-12-07T00:00:00Z");
    const clock = clockOf(parseConfig({ NOW: "2027-03-15" }), () => real);
    expect(clock().toISOString()).toBe("2027-03-15T02:00:00.000Z");
    real += 90_000;
    expect(clock().toISOString()).toBe("2027-03-15T02:01:30.000Z");
    expect(clockOf(parseConfig({ NOW: "2027-09-10T08:00:00+07:00" }), () => real)().toISOString()).toBe(
      "2027-09-10T01:00:00.000Z",
    );
  });

  it("is the real clock without NOW", () => {
    expect(clockOf(parseConfig({}), () => 1234)().getTime()).toBe(1234);
  });

  it("refuses NOW in production and a NOW that is not a date", () => {
    expect(
      configErrorOf({
        NODE_ENV: "production",
        NOW: "2027-03-15",
        LINE_CHANNEL_SECRET: "s".repeat(12),
        LINE_CHANNEL_ACCESS_TOKEN: "t".repeat(12),
      }).message,
    ).toContain("NOW");
    expect(configErrorOf({ NOW: "next march" }).message).toContain("NOW");
    expect(configErrorOf({ NOW: "2027-02-30T25:00:00Z" }).message).toContain("NOW");
  });
});

describe("dbConfigOf", () => {
  it("uses PGlite under DATA_DIR without DATABASE_URL, and only the URL with it", () => {
    expect(dbConfigOf(parseConfig({ DATA_DIR: "/srv/data" }))).toEqual({ dataDir: "/srv/data/pglite" });
    expect(dbConfigOf(parseConfig({ DATABASE_URL: PG_URL, DATA_DIR: "/srv/data" }))).toEqual({
      databaseUrl: PG_URL,
      maxConnections: 10,
    });
  });

  it("gives each worker an equal share of DATABASE_POOL_MAX", () => {
    const pool = (env: Record<string, string>) =>
      dbConfigOf(parseConfig({ DATABASE_URL: PG_URL, ...LINE, ...env })).maxConnections;
    expect(pool({})).toBe(10);
    expect(pool({ DATABASE_POOL_MAX: "25" })).toBe(25);
    expect(pool({ WEB_CONCURRENCY: "4" })).toBe(2);
    expect(pool({ WEB_CONCURRENCY: "3", DATABASE_POOL_MAX: "20" })).toBe(6);
    expect(poolPerWorker({ WEB_CONCURRENCY: 64, DATABASE_POOL_MAX: 128 })).toBe(2);
  });
});

describe("WEB_CONCURRENCY, the number of Node workers", () => {
  const PG = { DATABASE_URL: PG_URL, ...LINE };

  it("is one worker by default and takes 1 to 64", () => {
    expect(parseConfig({}).WEB_CONCURRENCY).toBe(1);
    expect(parseConfig({ ...PG, WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
    expect(parseConfig({ ...PG, WEB_CONCURRENCY: "64", DATABASE_POOL_MAX: "128" }).WEB_CONCURRENCY).toBe(64);
    // One worker needs neither PostgreSQL nor LINE credentials: the development default.
    expect(parseConfig({ WEB_CONCURRENCY: "1" }).WEB_CONCURRENCY).toBe(1);
  });

  it.each(["0", "65", "2.5", "-1", "two", "1e9"])(
    "refuses WEB_CONCURRENCY=%j, naming it in Thai and English",
    (n) => {
      const message = configErrorOf({ ...PG, WEB_CONCURRENCY: n }).message;
      expect(message).toContain("WEB_CONCURRENCY");
      expect(message).toContain("ต้องเป็นจำนวนเต็ม 1–64");
      expect(message).toContain("1 to 64");
    },
  );

  it("refuses several workers on the embedded PGlite, even where PGlite is allowed", () => {
    for (const env of [
      { ...LINE, WEB_CONCURRENCY: "2" },
      { ...LINE, WEB_CONCURRENCY: "2", NODE_ENV: "production", ALLOW_PGLITE: "on" },
    ]) {
      const message = configErrorOf(env).message;
      expect(message).toContain("WEB_CONCURRENCY=2");
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("PGlite");
    }
  });

  it("refuses several workers on the built-in fake LINE platform", () => {
    const message = configErrorOf({ DATABASE_URL: PG_URL, WEB_CONCURRENCY: "2" }).message;
    expect(message).toContain("LINE_CHANNEL_SECRET");
    expect(message).toContain("fake LINE platform");
    expect(message).not.toContain("PGlite");
  });

  it("names every problem at once", () => {
    const message = configErrorOf({ WEB_CONCURRENCY: "3", DATABASE_POOL_MAX: "4" }).message;
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("LINE_CHANNEL_SECRET");
    expect(message).toContain("DATABASE_POOL_MAX=4");
  });

  it("refuses a pool too small for two connections per worker", () => {
    const message = configErrorOf({ ...PG, WEB_CONCURRENCY: "8" }).message;
    expect(message).toContain("DATABASE_POOL_MAX=10");
    expect(message).toContain("16");
    expect(parseConfig({ ...PG, WEB_CONCURRENCY: "5" }).WEB_CONCURRENCY).toBe(5);
  });
});

describe("TICK_EVERY_MS, the tests' tick period", () => {
  it("is a minute unless a test shortens it, and refused in production", () => {
    expect(parseConfig({}).TICK_EVERY_MS).toBe(60_000);
    expect(parseConfig({ TICK_EVERY_MS: "1000" }).TICK_EVERY_MS).toBe(1000);
    expect(configErrorOf({ TICK_EVERY_MS: "10" }).message).toContain("TICK_EVERY_MS");
    expect(configErrorOf({ ...LINE, NODE_ENV: "production", TICK_EVERY_MS: "1000" }).message).toContain(
      "TICK_EVERY_MS",
    );
  });
});
