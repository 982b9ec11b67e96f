import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../../bot/cli/command.ts";
import { runScore, type ScoreOutput } from "../../../../bot/cli/commands/score.ts";
import { SHIPPED } from "../../../fixtures/frameworks.ts";
import { SEED_001_INDICATORS } from "../../../fixtures/seeds.ts";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const THAI = /[\u0E00-\u0E7F]/;
const TWO_DECIMALS = /^\d{1,3}\.\d{2}$/;

const ISSUE_EXAMPLE = '{"tools":{"IIT":"87.46","EIT":"66.29","OIT":"74.80"}}';

const SEED_001 = JSON.stringify({ indicators: SEED_001_INDICATORS });

/** Every score string in the output: indicators, tools, total and both sides of each mismatch. */
function scoreStrings(out: ScoreOutput): string[] {
  const all = [...Object.values(out.indicators), ...Object.values(out.tools)];
  if (out.total !== null) all.push(out.total);
  for (const m of out.mismatches) if (m.kind !== "level") all.push(m.reported, m.computed);
  return all;
}

function usageErrorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error("expected a UsageError, nothing was thrown");
}

describe("runScore", () => {
  it("scores the issue's 2565 example: 76.05, level B, tools exactly as given", () => {
    const out = runScore(SHIPPED, 2565, ISSUE_EXAMPLE);
    expect(out).toEqual({
      year: 2565,
      indicators: {},
      tools: { IIT: "87.46", EIT: "66.29", OIT: "74.80" },
      total: "76.05",
      level: "B",
      mismatches: [],
    });
  });

  it("reproduces seed 001 from its ten indicators: IIT 80.67, EIT 73.28, OIT 100.00, total 86.19, A", () => {
    const out = runScore(SHIPPED, 2565, SEED_001);
    expect(out.tools).toEqual({ IIT: "80.67", EIT: "73.28", OIT: "100.00" });
    expect(out.total).toBe("86.19");
    expect(out.level).toBe("A");
    expect(out.indicators["3"]).toBe("83.40");
    expect(out.indicators["9"]).toBe("100.00");
    expect(out.mismatches).toEqual([]);
  });

  it("writes every score in the output with exactly two decimals", () => {
    const outputs = [
      runScore(SHIPPED, 2565, ISSUE_EXAMPLE),
      runScore(SHIPPED, 2565, SEED_001),
      runScore(
        SHIPPED,
        2565,
        '{"indicators":{"1":"0","2":"5.5","3":"100.0"},"tools":{"EIT":7,"OIT":"66.666"}}',
      ),
      runScore(SHIPPED, 2567, '{"items":{"i7":"100","i8":"96.67","i9":"100"},"indicators":{"3":"98.92"}}'),
    ];
    for (const out of outputs) {
      const all = scoreStrings(out);
      expect(all.length).toBeGreaterThan(0);
      for (const text of all) expect(text).toMatch(TWO_DECIMALS);
    }
    const sparse = outputs[2]!;
    expect(sparse.indicators).toEqual({ 1: "0.00", 2: "5.50", 3: "100.00" });
    expect(sparse.tools.EIT).toBe("7.00");
    expect(sparse.tools.OIT).toBe("66.67");
  });

  it("accepts Thai digits in values (๙๘.๕ -> 98.50)", () => {
    const out = runScore(SHIPPED, 2565, '{"tools":{"IIT":"๙๘.๕","EIT":"๖๖.๒๙","OIT":"๗๔.๘๐"}}');
    expect(out.tools).toEqual({ IIT: "98.50", EIT: "66.29", OIT: "74.80" });
    // 0.3·98.50 + 0.3·66.29 + 0.4·74.80 = 79.357 -> 79.36
    expect(out.total).toBe("79.36");
  });

  it("accepts JSON numbers and reads them as their decimal text, not as floats", () => {
    const out = runScore(SHIPPED, 2565, '{"tools":{"IIT":87.46,"EIT":66.29,"OIT":74.8}}');
    expect(out.tools).toEqual({ IIT: "87.46", EIT: "66.29", OIT: "74.80" });
    expect(out.total).toBe("76.05");
    expect(runScore(SHIPPED, 2565, '{"total":100}').total).toBe("100.00");
  });

  it("keeps a reported total official", () => {
    const out = runScore(SHIPPED, 2565, '{"total":"90.01"}');
    expect(out.total).toBe("90.01");
    expect(out.level).toBe("A");
    expect(out.tools).toEqual({});
  });

  it("gives null total and level when the total cannot be known", () => {
    const out = runScore(SHIPPED, 2565, '{"tools":{"IIT":"80"}}');
    expect(out.total).toBeNull();
    expect(out.level).toBeNull();
    expect(out.tools).toEqual({ IIT: "80.00" });
  });

  it("lists a reported indicator that differs from its items by more than 0.01 (seed 000 indicator 3)", () => {
    const out = runScore(
      SHIPPED,
      2567,
      '{"items":{"i7":"100","i8":"96.67","i9":"100"},"indicators":{"3":"98.92"}}',
    );
    expect(out.indicators["3"]).toBe("98.92");
    expect(out.mismatches).toEqual([{ kind: "indicator", code: "3", reported: "98.92", computed: "98.89" }]);
  });

  it("does not list a difference of exactly 0.01", () => {
    const out = runScore(
      SHIPPED,
      2567,
      '{"items":{"i7":"100","i8":"96.67","i9":"100"},"indicators":{"3":"98.90"}}',
    );
    expect(out.indicators["3"]).toBe("98.90");
    expect(out.mismatches).toEqual([]);
  });

  it("rejects invalid JSON with a Thai message", () => {
    const e = usageErrorOf(() => runScore(SHIPPED, 2565, "{tools:"));
    expect(e.message).toMatch(THAI);
    expect(e.message).toContain("JSON");
  });

  it("rejects a score above 100 with a Thai message naming the field", () => {
    const e = usageErrorOf(() =>
      runScore(SHIPPED, 2565, '{"tools":{"IIT":"101","EIT":"66.29","OIT":"74.80"}}'),
    );
    expect(e.message).toMatch(THAI);
    expect(e.message).toContain("tools.IIT");
    expect(e.message).toContain("101");
  });

  it("rejects 100.01 and negative scores", () => {
    expect(() => runScore(SHIPPED, 2565, '{"total":"100.01"}')).toThrow(UsageError);
    expect(() => runScore(SHIPPED, 2565, '{"total":-1}')).toThrow(UsageError);
    expect(() => runScore(SHIPPED, 2565, '{"tools":{"IIT":"abc"}}')).toThrow(UsageError);
  });

  it("rejects an unknown top-level key with a Thai message", () => {
    const e = usageErrorOf(() => runScore(SHIPPED, 2565, '{"tool":{"IIT":"87.46"}}'));
    expect(e.message).toMatch(THAI);
    expect(e.message).toContain("tool");
  });

  it("rejects JSON that is not an object", () => {
    expect(() => runScore(SHIPPED, 2565, "[1,2]")).toThrow(UsageError);
    expect(() => runScore(SHIPPED, 2565, '"86.19"')).toThrow(UsageError);
  });

  it("rejects an unknown year with a Thai message listing the known years", () => {
    const e = usageErrorOf(() => runScore(SHIPPED, 2542, ISSUE_EXAMPLE));
    expect(e.message).toMatch(THAI);
    expect(e.message).toContain("2542");
    expect(e.message).toContain("2567");
  });
});

describe("ita score (the real CLI)", () => {
  const cli = (args: string[], input: string) =>
    spawnSync("npx", ["tsx", "bot/cli/main.ts", ...args], {
      cwd: ROOT,
      input,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, npm_config_update_notifier: "false" },
    });

  it("prints the scores as JSON and exits 0 for the issue's example", () => {
    const r = cli(["score", "--year", "2565"], ISSUE_EXAMPLE);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      year: 2565,
      indicators: {},
      tools: { IIT: "87.46", EIT: "66.29", OIT: "74.80" },
      total: "76.05",
      level: "B",
      mismatches: [],
    });
  });

  it("exits 2 with a Thai message on stderr for --year 1999", () => {
    const r = cli(["score", "--year", "1999"], ISSUE_EXAMPLE);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(THAI);
  });
});

describe("runScore with codes the year does not have", () => {
  it("names every unknown code instead of silently dropping it", () => {
    const e = usageErrorOf(() =>
      runScore(SHIPPED, 2567, '{"indicators":{"11":"50"},"items":{"i99":"5"},"parts":{"EIT3":"1"}}'),
    );
    expect(e.message).toContain("indicators.11");
    expect(e.message).toContain("items.i99");
    expect(e.message).toContain("parts.EIT3");
  });

  it("reads item codes in any case (I12 is i12) so they count toward their indicator", () => {
    const out = runScore(SHIPPED, 2567, '{"items":{"I10":"100","i11":"100","I12":"0"}}');
    expect(out.indicators["4"]).toBe("66.67");
  });
});
